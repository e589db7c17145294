import { describe, expect, it } from 'vitest';
import { CommandSupport, meansUnsupported, SILENT_FLOOR_MS } from './command-support';

describe('the per-modem record of supported commands', () => {
  it.each([
    [{ kind: 'error' }, true],
    [{ kind: 'cme-error', code: 4, text: '4' }, true], // 27.007 "operation not supported"
    [{ kind: 'cme-error', code: 100, text: '100' }, true],
    [{ kind: 'cme-error', code: 3, text: 'MODEM ERROR: 3' }, true], // Motorola EZX
    [{ kind: 'cme-error', code: 3, text: 'NA' }, true], // Samsung Z810
    [{ kind: 'cme-error', code: null, text: 'operation not supported' }, true],
    [{ kind: 'cme-error', code: 3, text: '3' }, false], // "not allowed" now, maybe not later
    [{ kind: 'cme-error', code: 10, text: '10' }, false], // SIM not inserted: a state, not a lack
    [{ kind: 'cme-error', code: 14, text: 'SIM busy' }, false],
    [{ kind: 'ok' }, false],
    [{ kind: 'no-carrier' }, false],
  ] as const)('%j unsupported: %s', (final, want) => expect(meansUnsupported(final)).toBe(want));

  it('unknown → supported on OK; unsupported on refusal; a transient error leaves it as it was', () => {
    const s = new CommandSupport();
    expect(s.get('AT+CSQ')).toBe('unknown');
    s.answered('at+csq', { kind: 'ok' });
    expect(s.get('AT+CSQ')).toBe('supported');
    s.answered('AT+CSQ', { kind: 'cme-error', code: 14, text: '14' });
    expect(s.get('AT+CSQ')).toBe('supported');
    s.answered('AT+CIMI', { kind: 'cme-error', code: 10, text: '10' });
    expect(s.get('AT+CIMI')).toBe('unknown');
    s.answered('AT^MEID', { kind: 'error' });
    expect(s.snapshot()).toEqual({ 'AT+CSQ': 'supported', 'AT^MEID': 'unsupported' });
  });

  it('silence is a suspicion until another command is answered', () => {
    const s = new CommandSupport();
    s.silent('AT+CAD?');
    s.silent('AT^CURRSID');
    expect(s.get('AT+CAD?')).toBe('unknown');
    s.answered('AT+CSQ', { kind: 'ok' });
    expect([s.get('AT+CAD?'), s.get('AT^CURRSID')]).toEqual(['unsupported', 'unsupported']);
  });

  it('once silence is how the firmware refuses, queries get four times its usual answer time (at least 500 ms)', () => {
    const s = new CommandSupport();
    s.answered('AT', { kind: 'ok' }, 900); // a slow first answer (cold start) does not set the pace
    s.answered('AT+CSQ', { kind: 'ok' }, 30);
    expect(s.timeoutFor(3000)).toBe(3000); // no silence seen yet
    s.silent('AT+CAD?');
    expect(s.timeoutFor(3000)).toBe(3000); // not proven: the modem may be gone
    for (let i = 0; i < 3; i++) s.answered('AT+GMM', { kind: 'ok' }, 30);
    expect(s.refusesBySilence).toBe(true);
    expect(s.timeoutFor(3000)).toBe(SILENT_FLOOR_MS); // p75 of [30 x4, 900] is 30
    const t = new CommandSupport();
    t.silent('AT+CAD?');
    for (const ms of [124, 124, 124, 124]) t.answered('AT+GMR', { kind: 'ok' }, ms);
    expect(t.timeoutFor(3000)).toBe(SILENT_FLOOR_MS); // 4 x 124 = 496
    for (const ms of [126, 126, 126, 126, 126]) t.answered('AT+GMR', { kind: 'ok' }, ms);
    expect(t.timeoutFor(3000)).toBe(504);
    for (let i = 0; i < 30; i++) t.answered('AT+GMR', { kind: 'ok' }, 2000);
    expect(t.timeoutFor(3000)).toBe(3000); // never more than asked
    expect(t.timeoutFor(10_000)).toBe(10_000); // AT+CMGL and the like keep their own
  });
});
