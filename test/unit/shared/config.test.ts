import { describe, expect, it } from 'vitest';
import { integer, list, loadConfig, parseConfigFile, text } from '../../../src/shared/config';

const spec = {
  port: { env: 'X_PORT', default: 8750, parse: integer(0, 65535) },
  host: { env: 'X_HOST', default: '127.0.0.1', parse: text({ min: 1 }) },
  allowedHosts: { env: 'X_HOSTS', parse: list() },
};

describe('config loader: flags > env > file > defaults, validated once', () => {
  it('takes each value from the first source that has it', () => {
    const c = loadConfig(spec, { flags: { port: '9000' }, env: { X_PORT: '9100', X_HOST: '0.0.0.0' }, file: { port: 9200, host: 'h', allowedHosts: ['a', 'b'] } });
    expect(c).toMatchObject({ port: 9000, host: '0.0.0.0', allowedHosts: ['a', 'b'] });
    expect(c.sources).toEqual({ port: 'flag', host: 'env', allowedHosts: 'file' });
    const d = loadConfig(spec, { flags: {}, env: { X_HOSTS: 'x.example, y.example:443' } });
    expect(d).toMatchObject({ port: 8750, host: '127.0.0.1', allowedHosts: ['x.example', 'y.example:443'] });
  });

  it('a bad value names its source', () => {
    expect(() => loadConfig(spec, { flags: { port: 'eighty' } })).toThrow(/--port/);
    expect(() => loadConfig(spec, { flags: {}, env: { X_PORT: '70000' } })).toThrow(/X_PORT/);
    expect(() => loadConfig(spec, { flags: {}, file: { port: -1 } })).toThrow(/"port" in the config file/);
    expect(() => parseConfigFile('[1]', 'c.json')).toThrow(/not a JSON object/);
    expect(parseConfigFile('{"port": 1}', 'c.json')).toEqual({ port: 1 });
  });

  it('integer bounds hold on both sides', () => {
    const p = integer(0, 65535);
    expect(p('0')).toBe(0);
    expect(p('65535')).toBe(65535);
    expect(() => p('-1')).toThrow();
    expect(() => p('65536')).toThrow();
  });
});
