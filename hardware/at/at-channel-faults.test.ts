// The AT channel against firmware habits that used to hang or mislead it: a CONNECT to a
// command that is not a dial, a final result without its line end, NUL/0xFF padding,
// the refusal finals ModemManager knows, a modem that stops answering even AT. The link
// underneath answers each written command from a function (bytes exactly as given).
import { describe, expect, it } from 'vitest';
import type { SerialCloseReason, SerialLink } from '../serial/serial-link';
import { openAtChannel } from './at-channel';
import { supportOf } from './command-support';
import { ask } from '../modems/ask';

class AnsweringLink implements SerialLink {
  readonly path = '/dev/answering';
  isOpen = true;
  private readonly data = new Set<(c: Buffer) => void>();
  private readonly closes = new Set<(r: SerialCloseReason) => void>();
  readonly sent: string[] = [];
  constructor(private readonly answer: (cmd: string) => string | null) {}
  async write(d: Uint8Array | string): Promise<void> {
    const cmd = (typeof d === 'string' ? d : Buffer.from(d).toString('latin1')).replace(/\r$/, '');
    this.sent.push(cmd);
    const a = this.answer(cmd);
    if (a !== null) setTimeout(() => this.emit(a), 1);
  }
  emit(s: string | Buffer): void {
    const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
    for (const l of [...this.data]) l(b);
  }
  onData(l: (c: Buffer) => void) {
    this.data.add(l);
    return () => this.data.delete(l);
  }
  onClose(l: (r: SerialCloseReason) => void) {
    this.closes.add(l);
    return () => this.closes.delete(l);
  }
  async close(): Promise<void> {
    this.isOpen = false;
    for (const l of [...this.closes]) l({ kind: 'closed' });
  }
}

const open = async (answer: (cmd: string) => string | null) => {
  const link = new AnsweringLink(answer);
  return { link, ch: await openAtChannel(link, { init: [], defaultTimeoutMs: 500 }) };
};

describe('M-AT-1 the channel against firmware habits', () => {
  it('a CONNECT answering a query is noise, not a data call: the real answer still ends the command', async () => {
    const { ch } = await open((c) => (c === 'AT+GCAP' ? '\r\nCONNECT\r\n\r\n+GCAP: +CIS707-A, +MS\r\n\r\nOK\r\n' : '\r\nOK\r\n'));
    const r = await ch.send('AT+GCAP');
    expect(r).toMatchObject({ final: { kind: 'ok' }, lines: ['+GCAP: +CIS707-A, +MS'] });
    expect(ch.mode).toBe('command');
    await ch.close();
  });

  it('a CONNECT to a dial puts the port in data mode', async () => {
    const { ch } = await open((c) => (c === 'ATD#777' ? '\r\nCONNECT 3600000\r\n' : '\r\nOK\r\n'));
    expect((await ch.send('ATD#777')).final).toEqual({ kind: 'connect', speed: '3600000' });
    expect(ch.mode).toBe('data');
    await ch.close();
  });

  it('a final result without its line end (a half final) ends the command', async () => {
    const { ch } = await open((c) => (c === 'AT+GMM' ? '\r\nEC121\r\n\r\nOK' : '\r\nOK'));
    expect(await ch.send('AT+GMM')).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    expect((await ch.send('AT+GMI')).final.kind).toBe('ok');
    await ch.close();
  });

  it('an unterminated line that is not a final result waits for its end', async () => {
    const { link, ch } = await open(() => '\r\nEC12');
    const p = ch.send('AT+GMM', { timeoutMs: 2000 });
    setTimeout(() => link.emit('1\r\n\r\nOK\r\n'), 200);
    expect((await p).lines).toEqual(['EC121']);
    await ch.close();
  });

  it('NUL and 0xFF around line ends do not hide the answer', async () => {
    const { ch } = await open(() => '\x00\r\n\x00EC121\xff\r\n\x00\r\nOK\r\n\xff\xff');
    expect(await ch.send('AT+GMM')).toMatchObject({ lines: ['EC121'], final: { kind: 'ok' } });
    await ch.close();
  });

  it("refusals ModemManager's parsers know end the command at once and are remembered", async () => {
    const { link, ch } = await open((c) => (c === 'AT^MEID' ? '\r\nMODEM ERROR: 3\r\n' : c === 'AT+CNUM' ? '\r\nNA\r\n' : c === 'AT^HWVER' ? '\r\nCOMMAND NOT SUPPORT\r\n' : '\r\nOK\r\n'));
    for (let i = 0; i < 3; i++) for (const c of ['AT^MEID', 'AT+CNUM', 'AT^HWVER']) expect(await ask(ch, c)).toBeNull();
    expect(link.sent.filter((c) => c !== 'AT')).toEqual(['AT^MEID', 'AT+CNUM', 'AT^HWVER']);
    expect(supportOf(ch).snapshot()).toEqual({ 'AT+CNUM': 'unsupported', 'AT^HWVER': 'unsupported', 'AT^MEID': 'unsupported' });
    await ch.close();
  });

  it('a silent command costs its timeout once, once the modem is seen alive', async () => {
    const { link, ch } = await open((c) => (c === 'AT+CAD?' ? null : '\r\nOK\r\n'));
    const t0 = Date.now();
    expect(await ask(ch, 'AT+CAD?', 300)).toBeNull();
    // A bare AT right after proved the modem alive: the command, not the modem, was silent.
    expect(link.sent.slice(-2)).toEqual(['AT', 'AT']);
    expect(supportOf(ch).get('AT+CAD?')).toBe('unsupported');
    expect(await ask(ch, 'AT+CSQ')).toEqual([]);
    expect(await ask(ch, 'AT+CAD?', 300)).toBeNull();
    expect(link.sent.filter((c) => c === 'AT+CAD?')).toHaveLength(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    await ch.close();
  });

  it('a modem that stops answering even AT: the command is not sent (at_unresponsive) and is not marked unsupported', async () => {
    let alive = true;
    const { link, ch } = await open(() => (alive ? '\r\nOK\r\n' : null));
    expect(await ask(ch, 'AT+CSQ')).toEqual([]);
    alive = false;
    expect(await ask(ch, 'AT+CREG?', 200)).toBeNull();
    await expect(ask(ch, 'AT^SYSINFO')).rejects.toMatchObject({ code: 'at_unresponsive' });
    expect(link.sent).not.toContain('AT^SYSINFO');
    expect(supportOf(ch).get('AT+CREG?')).toBe('unknown');
    alive = true;
    expect(await ask(ch, 'AT^SYSINFO')).toEqual([]);
    await ch.close();
  });

  it('the transcript keeps the last transcriptLimit lines, oldest first, with the same time on lines of one millisecond', async () => {
    const link = new AnsweringLink(() => '\r\nOK\r\n');
    let now = Date.UTC(2026, 11, 1, 12, 0, 0);
    const ch = await openAtChannel(link, { init: [], transcriptLimit: 4, now: () => now });
    await ch.send('AT+CSQ');
    expect(ch.transcript().map((e) => e.line)).toEqual(['AT+CSQ', 'OK']);
    now += 1;
    await ch.send('AT+GMI');
    await ch.send('AT+GMM');
    expect(ch.transcript().map((e) => `${e.dir} ${e.line}`)).toEqual(['tx AT+GMI', 'rx OK', 'tx AT+GMM', 'rx OK']);
    expect(ch.transcript().map((e) => e.t)).toEqual(Array(4).fill('2026-12-01T12:00:00.001Z'));
    await ch.close();
  });
});
