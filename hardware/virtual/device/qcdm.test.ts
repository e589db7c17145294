import { describe, expect, it } from 'vitest';
import { makeSubscriber } from '../radio/subscriber';
import { crc16, decapsulate, DIAG_CMD_NV_READ, encapsulate, NV_DIR_NUMBER, qcdmAnswer } from './qcdm';

describe('diagnostics port: QCDM framing and answers', () => {
  it('CRC-16/CCITT as libqcdm computes it (check value of "123456789" is 0x906E)', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x906e);
  });
  it('escapes 0x7E and 0x7D and round-trips a payload', () => {
    const p = Buffer.from([0x26, 0x7e, 0x7d, 0x01]);
    const f = encapsulate(p);
    expect(f[f.length - 1]).toBe(0x7e);
    expect([...f.subarray(0, 5)]).toEqual([0x26, 0x7d, 0x5e, 0x7d, 0x5d]);
    expect(decapsulate(f.subarray(0, -1))).toEqual(p);
    const bad = Buffer.from(f.subarray(0, -1));
    bad[0] = 0x27;
    expect(decapsulate(bad)).toBeNull();
  });
  it('NV read of item 178 gives NAM 0 and the 10-digit MDN', () => {
    const req = Buffer.alloc(133, 0);
    req[0] = DIAG_CMD_NV_READ;
    req.writeUInt16LE(NV_DIR_NUMBER, 1);
    const resp = decapsulate(qcdmAnswer(req, req, makeSubscriber('441234567'), 'EC121').subarray(0, -1))!;
    expect(resp.length).toBe(133);
    expect(resp.readUInt16LE(1)).toBe(178);
    expect(resp[3]).toBe(0);
    expect(resp.subarray(4, 14).toString('latin1')).toBe('0441234567');
    expect(resp.readUInt16LE(131)).toBe(0);
  });
  it('AT text gets a "bad command" frame (0x13), never an AT answer', () => {
    const at = Buffer.from('AT\r');
    const resp = decapsulate(qcdmAnswer(decapsulate(at), at, makeSubscriber(), 'EC121').subarray(0, -1))!;
    expect(resp[0]).toBe(0x13);
    expect(resp.subarray(1).toString('latin1')).toBe('AT\r');
  });
});
