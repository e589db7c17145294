import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-backoff';

describe('D-DIAL-2 reconnect backoff', () => {
  it('doubles from 2 s and stops at 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((a) => reconnectDelayMs(a))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
