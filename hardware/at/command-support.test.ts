import { describe, expect, it } from 'vitest';
import { CommandSupport, meansUnsupported } from './command-support';

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
});
