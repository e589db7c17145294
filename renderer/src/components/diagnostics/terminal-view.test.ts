import { describe, expect, it } from 'vitest';
import type { TranscriptLineDto } from '../../../../src/shared/app-methods-modem';
import { normaliseCommand, visibleLines } from './terminal-view';

const at = (dir: 'tx' | 'rx', line: string): TranscriptLineDto => ({ t: '2026-12-01T10:00:00.000Z', dir, line });
// A slice of a real session: the app's 10 s poll (Huawei EC-series CDMA answers, reference
// transcripts 05 and 10) around one command the technician typed.
const session = [
  at('rx', '^RSSILVL:80'),
  at('tx', 'AT+CSQ'),
  at('rx', '+CSQ: 23,99'),
  at('rx', 'OK'),
  at('tx', 'at+gmr'),
  at('rx', '11.608.13.02.00'),
  at('rx', 'OK'),
  at('tx', 'AT^SYSINFO'),
  at('rx', '^SYSINFO:2,3,0,8,1,,4'),
  at('rx', 'OK'),
];

describe('U-DIAG-1 AT terminal view', () => {
  const mine = new Set([normaliseCommand('AT+GMR')]);
  it('shows everything when no filter is on', () => {
    expect(visibleLines(session, mine, { hidePolling: false, filter: '' })).toHaveLength(session.length);
  });
  it("hides whole exchanges of the app's polling and keeps the user's command with its answer", () => {
    const shown = visibleLines(session, mine, { hidePolling: true, filter: '' }).map((v) => v.line.line);
    expect(shown).toEqual(['^RSSILVL:80', 'at+gmr', '11.608.13.02.00', 'OK']);
  });
  it('keeps the index of each line in the full list', () => {
    expect(visibleLines(session, mine, { hidePolling: true, filter: '' }).map((v) => v.index)).toEqual([0, 4, 5, 6]);
  });
  it('filters by text, case-insensitively, together with hiding the polling', () => {
    expect(visibleLines(session, mine, { hidePolling: false, filter: 'sysinfo' }).map((v) => v.line.line)).toEqual(['AT^SYSINFO', '^SYSINFO:2,3,0,8,1,,4']);
    expect(visibleLines(session, mine, { hidePolling: true, filter: 'sysinfo' })).toEqual([]);
  });
});
