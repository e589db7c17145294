import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/shared/errors';
import type { AtChannel, AtSendOptions } from './at-channel-types';
import { withDeadline } from './deadline-channel';

/** A channel that answers OK after `ms`, or times out at the timeout it was given. */
function slowChannel(ms: number, seen: number[]): AtChannel {
  return {
    path: '/dev/slow',
    mode: 'command',
    async send(command: string, o: AtSendOptions = {}) {
      seen.push(o.timeoutMs ?? -1);
      const t = o.timeoutMs ?? 10_000;
      await new Promise((r) => setTimeout(r, Math.min(ms, t)));
      if (ms > t) throw new CodedError('at_timeout', 'timeout');
      return { command, lines: [], final: { kind: 'ok' } };
    },
    onUnsolicited: () => () => undefined,
    onModeChange: () => () => undefined,
    transcript: () => [],
    close: async () => undefined,
  };
}

describe('an overall time budget over the AT channel', () => {
  it('cuts each timeout to what is left and fails with at_budget once spent', async () => {
    let now = 0;
    const seen: number[] = [];
    const ch = withDeadline(slowChannel(5, seen), 5000, { now: () => now, defaultTimeoutMs: 3000 });
    await ch.send('AT');
    now = 3000;
    await ch.send('AT');
    now = 4899;
    await ch.send('AT', { timeoutMs: 3000 });
    expect(seen).toEqual([3000, 2000, 101]);
    now = 4901; // 99 ms left: below the smallest round trip worth starting
    await expect(ch.send('AT')).rejects.toMatchObject({ code: 'at_budget' });
    expect(seen).toHaveLength(3);
    expect(ch.answered).toBe(3);
  });

  it("raises short timeouts to a slow modem's pace", async () => {
    const seen: number[] = [];
    const ch = withDeadline(slowChannel(1, seen), 60_000, { now: () => 0 });
    ch.setMinTimeout(5500);
    await ch.send('AT', { timeoutMs: 3000 });
    await ch.send('AT', { timeoutMs: 9000 });
    expect(seen).toEqual([5500, 9000]);
  });

  it('a timeout that the budget shortened is at_budget (it says nothing about the command); an own timeout stays at_timeout', async () => {
    let now = 0;
    const ch = withDeadline(slowChannel(200, []), 150, { now: () => now });
    await expect(ch.send('AT+SLOW', { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'at_budget' });
    now = 0;
    const ch2 = withDeadline(slowChannel(200, []), 10_000, { now: () => now });
    await expect(ch2.send('AT+SLOW', { timeoutMs: 100 })).rejects.toMatchObject({ code: 'at_timeout' });
    expect(ch2.answered).toBe(0);
  });
});
