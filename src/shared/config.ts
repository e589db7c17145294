// The one configuration loader: each option is looked up in command-line flags, then the
// environment, then a JSON config file, then its default, and validated once, here. A bad
// value is a CodedError `invalid_option` naming where it came from (`--port`, `ASSA_PORT`,
// the file's key), so a person can fix the right place. Commands declare their options as
// a spec table and get back a typed, frozen object.
import { CodedError } from './errors';

export type Source = 'flag' | 'env' | 'file' | 'default';

export interface OptionSpec<T> {
  /** Environment variable that may carry it. */
  env?: string;
  default?: T;
  /** Turns a raw value (a string from the environment, anything from a flag or the file) into T or throws a message. */
  parse: (raw: unknown) => T;
  /** Shown in messages; default `--kebab-case` of the key. */
  flag?: string;
}

type Spec = Record<string, OptionSpec<unknown>>;
export type ConfigOf<S extends Spec> = { readonly [K in keyof S]: S[K] extends OptionSpec<infer T> ? T | (S[K]['default'] extends undefined ? undefined : never) : never };

const kebab = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export interface ConfigSources {
  flags: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** A parsed JSON object (see parseConfigFile). */
  file?: Record<string, unknown>;
}

export function loadConfig<S extends Spec>(spec: S, src: ConfigSources): ConfigOf<S> & { readonly sources: Record<keyof S, Source> } {
  const out: Record<string, unknown> = {};
  const sources: Record<string, Source> = {};
  const env = src.env ?? {};
  for (const [key, o] of Object.entries(spec)) {
    const flag = o.flag ?? kebab(key);
    const candidates: Array<[Source, unknown, string]> = [
      ['flag', src.flags[key], flag],
      ['env', o.env ? env[o.env] : undefined, o.env ?? ''],
      ['file', src.file?.[key], `"${key}" in the config file`],
    ];
    const hit = candidates.find(([, v]) => v !== undefined && v !== '');
    if (!hit) {
      out[key] = o.default;
      sources[key] = 'default';
      continue;
    }
    const [where, raw, name] = hit;
    try {
      out[key] = o.parse(raw);
    } catch (e) {
      throw new CodedError('invalid_option', `${name}: ${(e as Error).message}`, { field: flag.replace(/^--/, '') });
    }
    sources[key] = where;
  }
  return Object.freeze({ ...out, sources }) as ConfigOf<S> & { readonly sources: Record<keyof S, Source> };
}

/** The config file's text (read by the command: src/shared touches no file system) as an object. */
export function parseConfigFile(text: string, file: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw new CodedError('invalid_option', `--config: ${file} is not a JSON object (${(e as Error).message})`, { field: 'config' });
  }
}

// ---- value parsers used by the spec tables ----

export const text =
  (o: { min?: number; max?: number } = {}) =>
  (raw: unknown): string => {
    if (typeof raw !== 'string' && typeof raw !== 'number') throw new Error('expected text');
    const s = String(raw);
    if (s.length < (o.min ?? 0)) throw new Error(`at least ${o.min} characters`);
    if (s.length > (o.max ?? 4096)) throw new Error(`at most ${o.max ?? 4096} characters`);
    return s;
  };

export const integer =
  (min: number, max: number) =>
  (raw: unknown): number => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };

export const flag = (raw: unknown): boolean => {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  if (raw === 'false' || raw === '0' || raw === 'no') return false;
  throw new Error(`expected true or false, got ${JSON.stringify(raw)}`);
};

/** A comma-separated list (or a JSON array in the file), each item checked. */
export const list =
  (item: (s: string) => string = (s) => s) =>
  (raw: unknown): string[] => {
    const items = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : null;
    if (!items) throw new Error('expected a comma-separated list');
    return items.map((s) => s.trim()).filter(Boolean).map(item);
  };
