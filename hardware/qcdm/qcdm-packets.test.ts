import { describe, expect, it } from 'vitest';
import { crc16, decapsulate, hostFrame, QcdmFramer } from './qcdm-framing';
import { NV_DIR_NUMBER, nvReadRequest, parseNvMdn, parsePilotSetsEcio, parseVersionModel, PILOT_SETS_REQUEST, VERSION_REQUEST } from './qcdm-packets';

/** An NV-178 answer as a Qualcomm MSM firmware sends it: code, item, NAM + 10 digits, status. */
function nvAnswer(digits: string, o: { status?: number; item?: number } = {}): Buffer {
  const b = Buffer.alloc(133, 0);
  b[0] = 0x26;
  b.writeUInt16LE(o.item ?? NV_DIR_NUMBER, 1);
  b.write(digits, 4, 'latin1');
  b.writeUInt16LE(o.status ?? 0, 131);
  return b;
}

describe('QCDM requests as libqcdm writes them', () => {
  it('version info is 7e 00 78 f0 7e on the wire (ModemManager\'s QCDM probe)', () => {
    expect([...hostFrame(VERSION_REQUEST)]).toEqual([0x7e, 0x00, 0x78, 0xf0, 0x7e]);
  });
  it('the NV read of item 178 is 133 bytes: 26 b2 00, NAM 0, zeros; it round-trips the framing', () => {
    const req = nvReadRequest(NV_DIR_NUMBER);
    expect(req.length).toBe(133);
    expect([...req.subarray(0, 4)]).toEqual([0x26, 0xb2, 0x00, 0x00]);
    const frames = new QcdmFramer().push(hostFrame(req));
    expect(frames).toHaveLength(1);
    expect(decapsulate(frames[0]!)).toEqual(req);
    expect(crc16(Buffer.from('123456789'))).toBe(0x906e);
  });
});

describe('QCDM answers', () => {
  it.each([
    ['0441234567', { ok: true, mdn: '0441234567' }], // ZTE AC2726, NAM 0 (10 digits with the trunk 0)
    ['3125550123', { ok: true, mdn: '3125550123' }], // a US 10-digit MDN (libqcdm's examples are US carriers)
    ['0000000000', { ok: false, code: 'qcdm_no_mdn' }], // unprovisioned stick
    ['', { ok: false, code: 'qcdm_no_mdn' }],
    ['123456', { ok: false, code: 'qcdm_no_mdn' }], // shorter than 7 digits is no number
    ['1234567', { ok: true, mdn: '1234567' }], // 7 digits is the shortest local number
  ])('NV 178 "%s"', (digits, want) => expect(parseNvMdn(nvAnswer(digits))).toMatchObject(want));
  it('an NV status other than done (5 = not active) is no number, named', () => {
    expect(parseNvMdn(nvAnswer('0441234567', { status: 5 }))).toMatchObject({ ok: false, code: 'qcdm_nv_status' });
  });
  it('"bad command" (0x13 + the request) and another item are not an MDN', () => {
    expect(parseNvMdn(Buffer.from([0x13, 0x26, 0xb2, 0x00]))).toMatchObject({ ok: false, code: 'qcdm_bad_command' });
    expect(parseNvMdn(nvAnswer('0441234567', { item: 0 }))).toMatchObject({ ok: false, code: 'qcdm_not_nv_answer' });
    expect(parseNvMdn(Buffer.from([0x26, 0xb2]))).toMatchObject({ ok: false, code: 'qcdm_not_nv_answer' });
  });
  it('the model of a version-info answer (8 bytes at 39)', () => {
    const v = Buffer.alloc(55, 0);
    v.write('AC2726', 39, 'latin1');
    expect(parseVersionModel(v)).toBe('AC2726');
    expect(parseVersionModel(Buffer.from([0x13, 0x00]))).toBeNull();
  });
});

/** A DMCmdPilotSetsRsp (libqcdm dm-commands.h): 40, pilot_inc, counts, then [PN, Ec/Io in -0.5 dB] per pilot. */
function pilotSets(active: Array<[number, number]>, others: Array<[number, number]> = [], o: { candidates?: number; truncate?: number } = {}): Buffer {
  const pilots = [...active, ...others];
  const b = Buffer.alloc(6 + 4 * pilots.length, 0);
  b[0] = 0x40;
  b.writeUInt16LE(4, 1);
  b[3] = active.length;
  b[4] = o.candidates ?? 0;
  b[5] = others.length - (o.candidates ?? 0);
  pilots.forEach(([pn, ecio], i) => {
    b.writeUInt16LE(pn, 6 + 4 * i);
    b.writeUInt16LE(ecio, 8 + 4 * i);
  });
  return o.truncate ? b.subarray(0, b.length - o.truncate) : b;
}

describe('QCDM pilot sets: the 1x Ec/Io (M-SIG-1) as libqcdm reads it', () => {
  it('the request is the one byte 0x40 (DIAG_CMD_PILOT_SETS = 64)', () => {
    expect([...PILOT_SETS_REQUEST]).toEqual([0x40]);
  });

  it.each([
    // one active pilot: raw 13 is -6.5 dB
    [[[36, 13]], [], -6.5, 36],
    // soft hand-off: two active pilots, the strongest (smallest raw) serves
    [[[36, 20], [220, 9]], [], -4.5, 220],
    // neighbours never count, however strong
    [[[36, 20]], [[100, 2], [164, 4]], -10, 36],
    // raw 0 is 0 dB (the best there is)
    [[[12, 0]], [], -0, 12],
  ] as Array<[Array<[number, number]>, Array<[number, number]>, number, number]>)('active %j, others %j: %d dB at PN %d', (active, others, db, pn) => {
    expect(parsePilotSetsEcio(pilotSets(active, others))).toEqual({ ok: true, ecioDb: db, pnOffset: pn });
  });

  it('no active pilot (no 1x service), a refusal, another answer or counts that do not fit: no value, with a code', () => {
    expect(parsePilotSetsEcio(pilotSets([], [[100, 2]]))).toMatchObject({ ok: false, code: 'qcdm_no_active_pilot' });
    expect(parsePilotSetsEcio(Buffer.from([0x13, 0x40]))).toMatchObject({ ok: false, code: 'qcdm_bad_command' });
    expect(parsePilotSetsEcio(nvAnswer('0441234567'))).toMatchObject({ ok: false, code: 'qcdm_not_pilot_sets' });
    expect(parsePilotSetsEcio(pilotSets([[36, 13]], [], { truncate: 1 }))).toMatchObject({ ok: false, code: 'qcdm_not_pilot_sets' });
    expect(parsePilotSetsEcio(Buffer.from([0x40, 4, 0]))).toMatchObject({ ok: false, code: 'qcdm_not_pilot_sets' });
    // 53 pilots is more than libqcdm's sets[52]; 52 is still read
    const many = (n: number) => pilotSets(Array.from({ length: n }, (_, i) => [i, 10 + i] as [number, number]));
    expect(parsePilotSetsEcio(many(52))).toMatchObject({ ok: true, ecioDb: -5 });
    expect(parsePilotSetsEcio(many(53))).toMatchObject({ ok: false, code: 'qcdm_not_pilot_sets' });
  });
});
