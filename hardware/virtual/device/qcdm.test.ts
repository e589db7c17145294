import { describe, expect, it } from 'vitest';
import { makeSubscriber, pseudoEsn } from '../radio/subscriber';
import { crc16, decapsulate, encapsulate, qcdmAnswer, QcdmFramer, tenDigitMdn, type QcdmDevice } from './qcdm';

const dev = (over: Partial<QcdmDevice> = {}): QcdmDevice => ({ subscriber: makeSubscriber('441234567'), model: 'EC121', mode: 'hybrid', roaming: false, rssiDbm: -75, inCall: false, ...over });
/** Sends one request payload framed as libqcdm frames it (leading and trailing 0x7E) and decodes the answer. */
function ask(payload: number[] | Buffer, d = dev()): Buffer | null {
  const framer = new QcdmFramer();
  const frames = framer.push(Buffer.concat([Buffer.from([0x7e]), encapsulate(Buffer.from(payload))]));
  expect(frames).toHaveLength(1);
  const answer = qcdmAnswer(frames[0]!, d);
  return answer ? decapsulate(answer.subarray(0, -1)) : null;
}

describe('diagnostics port: QCDM framing', () => {
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
  it('MM\'s version-info probe exactly as ModemManager sends it (7e 00 78 f0 7e) gets the version frame', () => {
    const framer = new QcdmFramer();
    const frames = framer.push(Buffer.from([0x7e, 0x00, 0x78, 0xf0, 0x7e]));
    const answer = decapsulate(qcdmAnswer(frames[0]!, dev())!.subarray(0, -1))!;
    expect(answer[0]).toBe(0x00);
    expect(answer.subarray(39, 47).toString('latin1').replace(/\0+$/, '')).toBe('EC121');
  });
  it('AT text is not a frame until a 0x7E comes, and then its bad CRC gets no answer at all', () => {
    const framer = new QcdmFramer();
    expect(framer.push(Buffer.from('AT\rAT\r'))).toEqual([]);
    const frames = framer.push(Buffer.from([0x7e]));
    expect(frames).toHaveLength(1);
    expect(qcdmAnswer(frames[0]!, dev())).toBeNull();
  });
  it('a half frame is gone after the host closes the port', () => {
    const framer = new QcdmFramer();
    framer.push(Buffer.from([0x00, 0x78]));
    framer.reset();
    expect(framer.push(Buffer.from([0xf0, 0x7e]))).toEqual([Uint8Array.from([0xf0])]);
  });
});

describe('diagnostics port: answers to the commands ModemManager sends', () => {
  it('NV read of item 178 gives NAM 0 and the same 10 digits as ^MDN', () => {
    const req = Buffer.alloc(133, 0);
    req[0] = 0x26;
    req.writeUInt16LE(178, 1);
    const resp = ask(req)!;
    expect(resp.length).toBe(133);
    expect(resp.readUInt16LE(1)).toBe(178);
    expect(resp[3]).toBe(0);
    expect(resp.subarray(4, 14).toString('latin1')).toBe('0441234567');
    expect(tenDigitMdn('441234567')).toBe('0441234567');
    expect(resp.readUInt16LE(131)).toBe(0);
  });
  it('NV read of an item the device does not keep answers NV_NOTACTIVE (5)', () => {
    const req = Buffer.alloc(133, 0);
    req[0] = 0x26;
    req.writeUInt16LE(4964, 1);
    expect(ask(req)!.readUInt16LE(131)).toBe(5);
  });
  it('ESN (0x01) and NV item 0 give the pseudo-ESN of the MEID', () => {
    const esn = parseInt(pseudoEsn('A0C72311111111'), 16);
    expect(ask([0x01])!.readUInt32LE(1)).toBe(esn);
    const req = Buffer.alloc(133, 0);
    req[0] = 0x26;
    expect(ask(req)!.readUInt32LE(3)).toBe(esn);
  });
  it('CM state (0x4B 0x0F 0x0000): online; CDMA system in 1x/hybrid, HDR in EV-DO only, none without service', () => {
    const cm = (mode: QcdmDevice['mode']) => ask([0x4b, 0x0f, 0x00, 0x00], dev({ mode }))!;
    const r = cm('hybrid');
    expect(r.length).toBe(44);
    expect([r[0], r[1], r.readUInt16LE(2)]).toEqual([0x4b, 0x0f, 0]);
    expect(r.readUInt32LE(8)).toBe(5); // operating mode online
    expect(r.readUInt32LE(12)).toBe(2); // system mode CDMA
    expect(r.readUInt32LE(36)).toBe(1); // hybrid
    expect(cm('evdo').readUInt32LE(12)).toBe(4);
    expect(cm('none').readUInt32LE(12)).toBe(0);
  });
  it('HDR state (0x4B 0x05 0x0008): session open and ALMP idle on EV-DO, inactive without it', () => {
    const r = ask([0x4b, 0x05, 0x08, 0x00])!;
    expect(r.length).toBe(13);
    expect([r[4], r[5], r[6]]).toEqual([3, 4, 2]);
    expect([...ask([0x4b, 0x05, 0x08, 0x00], dev({ mode: '1x' }))!.subarray(4, 7)]).toEqual([0, 0, 1]);
  });
  it('status (0x0C): 48 bytes, paging channel when idle on 1x, traffic channel in a call, SID/NID', () => {
    const r = ask([0x0c])!;
    expect(r.length).toBe(48);
    expect(r.readUInt16LE(23)).toBe(2);
    expect(r.readUInt16LE(39)).toBe(2162);
    expect(r.readUInt16LE(41)).toBe(1);
    expect(ask([0x0c], dev({ inCall: true }))!.readUInt16LE(23)).toBe(4);
    expect(ask([0x0c], dev({ mode: 'none' }))!.readUInt16LE(23)).toBe(0);
  });
  it('log config set-mask (0x73 op 3) answers success with the equipment id and mask echoed', () => {
    const req = Buffer.alloc(16 + 2, 0);
    req[0] = 0x73;
    req.writeUInt32LE(3, 4);
    req.writeUInt32LE(1, 8);
    req.writeUInt32LE(0x10, 12);
    req[16] = 0x81;
    const r = ask(req)!;
    expect(r[0]).toBe(0x73);
    expect(r.readUInt32LE(4)).toBe(3);
    expect(r.readUInt32LE(8)).toBe(0);
    expect(r.readUInt32LE(12)).toBe(1);
    expect(r.readUInt32LE(16)).toBe(0x10);
    expect(r[20]).toBe(0x81);
  });
  it('pilot sets (0x40): one active pilot on 1x whose Ec/Io worsens with the signal; none on EV-DO only', () => {
    const good = ask([0x40], dev({ rssiDbm: -70 }))!;
    const weak = ask([0x40], dev({ rssiDbm: -100 }))!;
    expect(good[3]).toBe(1);
    expect(weak.readUInt16LE(8)).toBeGreaterThan(good.readUInt16LE(8));
    expect(ask([0x40], dev({ mode: 'evdo' }))![3]).toBe(0);
  });
  it('anything else gets "bad command" (0x13) with the request', () => {
    const r = ask([0x5d, 0x01])!;
    expect([...r]).toEqual([0x13, 0x5d, 0x01]);
    expect([...ask([0x4b, 0x65, 0x00, 0x00])!.subarray(0, 2)]).toEqual([0x13, 0x4b]);
  });
});

describe('pseudo-ESN (S.R0048)', () => {
  it('matches the standard\'s example and is 0x80-prefixed', () => {
    expect(pseudoEsn('FF000001123456')).toBe('800737e1');
    expect(makeSubscriber().esn).toBe(pseudoEsn(makeSubscriber().meid));
    expect(() => pseudoEsn('12345')).toThrow(RangeError);
  });
});
