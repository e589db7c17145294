import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineFramer, MAX_LINE_BYTES, type FrameToken } from './line-framer';

const lines = (tokens: FrameToken[]) => tokens.map((t) => (t.kind === 'line' ? t.text : '> '));
const feed = (chunks: Array<string | Buffer>, prompt = false) => {
  const f = new LineFramer();
  return lines(chunks.flatMap((c) => f.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : c, prompt)));
};

describe('M-AT-1 line framing', () => {
  it('reads the Huawei URC stream with its blank lines (transcript 08)', () => {
    const raw = '\r\n^BOOT:95216501,0,0,0,6\r\n\r\n\r\n\r\n^DSFLOWRPT:000004EA,00000000,00000000,0000000000057EE7,00000000000AEC7C,0000BB80,00046500\r\n\r\n^RSSI:12\r\n';
    expect(feed([raw])).toEqual(['^BOOT:95216501,0,0,0,6', '^DSFLOWRPT:000004EA,00000000,00000000,0000000000057EE7,00000000000AEC7C,0000BB80,00046500', '^RSSI:12']);
  });

  it('takes CR LF, doubled CR, bare CR and bare LF as line ends', () => {
    expect(feed(['AT+GMM\r\r\nEC121\r\n\r\nOK\r\n'])).toEqual(['AT+GMM', 'EC121', 'OK']);
    expect(feed(['ATI\rManufacturer: HUAWEI\nOK\r'])).toEqual(['ATI', 'Manufacturer: HUAWEI', 'OK']);
  });

  it('joins a line split across reads at every byte', () => {
    const raw = 'AT+CMGR=0\r\r\n+CMGR: "REC READ","+44798311xxxx",,"10/03/28,15:05:12+04"\r\ntesting\r\n\r\nOK\r\n';
    const want = feed([raw]);
    expect(feed(raw.split(''))).toEqual(want);
  });

  it('sees the SMS prompt "> " that has no line end', () => {
    expect(feed(['AT+CMGS="2772"\r\r\n> '], true)).toEqual(['AT+CMGS="2772"', '> ']);
    expect(feed(['\r\n>', ' '], true)).toEqual(['> ']);
    expect(feed(['\r\n> '], false)).toEqual([]);
  });

  it('keeps non-UTF-8 bytes (Latin-1) and UTF-8 Cyrillic alike', () => {
    expect(feed([Buffer.from([0x4f, 0xff, 0x4b, 0x0d, 0x0a])])).toEqual(['O\u00ffK']);
    expect(feed([Buffer.from('Баланс 29.00 грн\r\n', 'utf8')])).toEqual(['Баланс 29.00 грн']);
  });

  it('drops NUL and 0xFF padding around line ends, keeps the lines', () => {
    const nulFramed = Buffer.concat([Buffer.from([0]), Buffer.from('\r\n\0EC121\0\r\n\0\0\r\nOK\r\n\0', 'latin1')]);
    expect(feed([nulFramed])).toEqual(['EC121', 'OK']);
    expect(feed([Buffer.from([0xff, 0xff, 0x0d, 0x0a, 0x4f, 0x4b, 0xff, 0x0d, 0x0a, 0xff])])).toEqual(['OK']);
    // A raw UCS-2 SMS body ("Hi" = 00 48 00 69, then Ctrl-Z) keeps every byte.
    expect(feed([Buffer.from('\r\n\x00H\x00i\x00\x1a\r\n', 'latin1')])).toEqual(['\x00H\x00i\x00\x1a']);
  });

  it('shows the unterminated tail (a final without its line end)', () => {
    const f = new LineFramer();
    expect(f.push(Buffer.from('\r\nEC121\r\n\r\nOK'))).toEqual([{ kind: 'line', text: 'EC121' }]);
    expect(f.pendingText()).toBe('OK');
  });

  it('cuts a runaway line without an end', () => {
    const f = new LineFramer();
    const out = f.push(Buffer.alloc(MAX_LINE_BYTES * 2 + 10, 0x41));
    expect(out).toHaveLength(2);
    expect(f.push(Buffer.from('\r\n'))).toEqual([{ kind: 'line', text: 'A'.repeat(10) }]);
    // One MiB without a line end, fed in 64 KiB reads: cut into bounded lines, nothing held whole.
    const g = new LineFramer();
    let n = 0;
    for (let i = 0; i < 16; i++) n += g.push(Buffer.alloc(65536, 0x42)).length;
    expect(n).toBe((16 * 65536) / MAX_LINE_BYTES);
  });

  it('never throws, loses no printable line and terminates on random bytes and splits (100k cases)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 8 }), (bytes, cuts) => {
        const f = new LineFramer();
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let prev = 0;
        const got: FrameToken[] = [];
        for (const p of [...points, bytes.length]) {
          got.push(...f.push(bytes.subarray(prev, p)));
          prev = p;
        }
        const whole = new LineFramer().push(bytes);
        // A split never changes the lines.
        expect(got).toEqual(whole);
      }),
      { numRuns: 100_000 },
    );
  });
});
