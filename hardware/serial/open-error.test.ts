import { describe, expect, it } from 'vitest';
import { classifyOpenError } from './open-error';

// Messages as node-serialport (bindings-cpp) reports them on Linux and Windows.
describe('M-PORT opening errors, classified', () => {
  it.each([
    ['Error: No such file or directory, cannot open /dev/ttyUSB0', 'port_not_found'],
    ['Error: Permission denied, cannot open /dev/ttyUSB0', 'port_permission'],
    ['Error Resource temporarily unavailable Cannot lock port', 'port_busy'],
    ['Error: Resource busy, cannot open /dev/ttyUSB2', 'port_busy'],
    ['Opening COM3: Access denied', 'port_permission'],
    ['Opening COM9: File not found', 'port_not_found'],
    ['Error: Input/output error setting custom baud rate', 'port_open_failed'],
  ])('%s → %s', (message, code) => {
    expect(classifyOpenError('/dev/ttyUSB0', new Error(message)).code).toBe(code);
  });

  it('names the dialout group for permission problems', () => {
    expect(classifyOpenError('/dev/ttyUSB0', Object.assign(new Error('x'), { code: 'EACCES' })).message).toContain('dialout');
  });
});
