import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { createInProcessModem, type InProcessModem } from './in-process';
import { parseScenario } from './scenario';

const opened: InProcessModem[] = [];
afterEach(async () => {
  for (const m of opened.splice(0)) await m.controller.close();
});

describe('V-5 fault scenarios from JSON', () => {
  it('validates steps and names the bad one', () => {
    expect(() => parseScenario({})).toThrow(/steps/);
    expect(() => parseScenario({ steps: [{ action: 'melt' }] })).toThrow(/step 1: unknown action/);
    expect(() => parseScenario({ steps: [{ action: 'slow', ms: -1 }] })).toThrow(/step 1: ms/);
    expect(parseScenario({ steps: [{ action: 'silence' }, { action: 'sms', from: '2772', text: 'hi', afterMs: 5 }] }).steps).toEqual([
      { action: 'silence', on: true, afterMs: 0 },
      { action: 'sms', from: '2772', text: 'hi', afterMs: 5 },
    ]);
  });
  it('plays steps in order on the modem clock', async () => {
    const clock = new ManualClock();
    const m = await createInProcessModem({ clock, radioStepMs: 0 });
    opened.push(m);
    const play = m.controller.play(parseScenario({ steps: [{ action: 'error-replies', afterMs: 1000 }, { action: 'signal-loss', afterMs: 1000 }, { action: 'sms', from: '2772', text: 'x', afterMs: 1000 }] }));
    clock.advance(999);
    expect(m.modem.faults.state.errorReplies).toBe(false);
    clock.advance(1);
    expect(m.modem.faults.state.errorReplies).toBe(true);
    clock.advance(1000);
    expect(m.modem.radio.inService).toBe(false);
    clock.advance(1000);
    expect(m.modem.sms.used).toBe(1);
    await play.done;
  });
});
