// The QCDM requests the host sends and the answers it reads (libqcdm's dm-commands.h and
// nv-items.h layouts): version info (0x00) — the probe that tells a diagnostics port from a
// silent one — and the NV read (0x26) of item 178, NV_DIR_NUMBER, the MDN on Qualcomm CDMA
// sticks that have no AT command for it (ZTE AC series: ModemManager reads the number there).
// Pure functions; the answers are parsed from decoded payloads (qcdm-framing.ts).
export const DIAG_CMD_VERSION_INFO = 0x00;
export const DIAG_CMD_BAD_CMD = 0x13;
export const DIAG_CMD_NV_READ = 0x26;
/** DIAG_CMD_PILOT_SETS (64): the active, candidate and neighbour pilot sets with each pilot's Ec/Io. */
export const DIAG_CMD_PILOT_SETS = 0x40;
export const NV_DIR_NUMBER = 178;
/** DMCmdNVReadWrite: code, item (LE u16), 128 data bytes, status (LE u16). */
export const NV_PACKET_LENGTH = 133;
const NV_DONE = 0;

export const VERSION_REQUEST = Buffer.from([DIAG_CMD_VERSION_INFO]);
export const PILOT_SETS_REQUEST = Buffer.from([DIAG_CMD_PILOT_SETS]);

/** An NV read of `item`; `nam` the profile (NAM) the item belongs to, as libqcdm puts it in data[0]. */
export function nvReadRequest(item: number, nam = 0): Buffer {
  const out = Buffer.alloc(NV_PACKET_LENGTH, 0);
  out[0] = DIAG_CMD_NV_READ;
  out.writeUInt16LE(item, 1);
  out[3] = nam;
  return out;
}

/** The model (8 bytes at offset 39) of a version-info answer, or null if it is not one. */
export function parseVersionModel(payload: Uint8Array): string | null {
  if (payload.length < 47 || payload[0] !== DIAG_CMD_VERSION_INFO) return null;
  const model = Buffer.from(payload.subarray(39, 47)).toString('latin1').replace(/\0.*$/s, '').trim();
  return model || null;
}

export type NvMdnResult = { ok: true; mdn: string } | { ok: false; code: 'qcdm_bad_command' | 'qcdm_nv_status' | 'qcdm_not_nv_answer' | 'qcdm_no_mdn'; detail: string };

/**
 * DMNVItemMdn of an NV-178 answer: data[0] the NAM, data[1..10] ASCII digits (zero-padded).
 * An all-zero or non-digit MDN (an unprovisioned stick) is no number.
 */
export function parseNvMdn(payload: Uint8Array): NvMdnResult {
  if (payload[0] === DIAG_CMD_BAD_CMD) return { ok: false, code: 'qcdm_bad_command', detail: 'the diagnostics port refused the NV read' };
  if (payload.length < NV_PACKET_LENGTH || payload[0] !== DIAG_CMD_NV_READ) return { ok: false, code: 'qcdm_not_nv_answer', detail: `answer 0x${(payload[0] ?? 0).toString(16)} of ${payload.length} bytes` };
  const b = Buffer.from(payload);
  const item = b.readUInt16LE(1);
  const status = b.readUInt16LE(131);
  if (item !== NV_DIR_NUMBER) return { ok: false, code: 'qcdm_not_nv_answer', detail: `NV item ${item}, not ${NV_DIR_NUMBER}` };
  if (status !== NV_DONE) return { ok: false, code: 'qcdm_nv_status', detail: `NV status ${status}` };
  const digits = b.subarray(4, 14).toString('latin1').replace(/\0.*$/s, '');
  if (!/^\d{7,10}$/.test(digits) || /^0+$/.test(digits)) return { ok: false, code: 'qcdm_no_mdn', detail: `MDN "${digits}"` };
  return { ok: true, mdn: digits };
}

export type PilotEcioResult = { ok: true; ecioDb: number; pnOffset: number } | { ok: false; code: 'qcdm_bad_command' | 'qcdm_not_pilot_sets' | 'qcdm_no_active_pilot'; detail: string };

/** DMCmdPilotSetsRsp: code, pilot_inc (LE u16), active/candidate/neighbour counts, then 4 bytes a pilot. */
const PILOT_SETS_HEADER = 6;
const PILOT_BYTES = 4;
/** libqcdm's bound on the sets array (DMCmdPilotSetsSet sets[52]). */
const MAX_PILOTS = 52;

/**
 * The 1x Ec/Io (M-SIG-1) from a pilot-sets answer, as ModemManager's libqcdm reads it
 * (qcdm_cmd_pilot_sets_result_get_pilot): each pilot is a PN offset and an Ec/Io in units
 * of -0.5 dB (LE u16 each). The phone is served by its active set; the strongest active
 * pilot (the smallest raw value) is the figure. No active pilot (no 1x service) is no value.
 */
export function parsePilotSetsEcio(payload: Uint8Array): PilotEcioResult {
  if (payload[0] === DIAG_CMD_BAD_CMD) return { ok: false, code: 'qcdm_bad_command', detail: 'the diagnostics port refused the pilot sets request' };
  if (payload.length < PILOT_SETS_HEADER || payload[0] !== DIAG_CMD_PILOT_SETS) return { ok: false, code: 'qcdm_not_pilot_sets', detail: `answer 0x${(payload[0] ?? 0).toString(16)} of ${payload.length} bytes` };
  const b = Buffer.from(payload);
  const active = b[3]!;
  const total = active + b[4]! + b[5]!;
  // libqcdm's check: the counts must fit both its array and the bytes that came.
  if (total > MAX_PILOTS || PILOT_SETS_HEADER + total * PILOT_BYTES > b.length) return { ok: false, code: 'qcdm_not_pilot_sets', detail: `counts ${active}/${b[4]}/${b[5]} do not fit ${b.length} bytes` };
  if (active === 0) return { ok: false, code: 'qcdm_no_active_pilot', detail: 'no pilot in the active set' };
  let best: { raw: number; pn: number } | null = null;
  for (let i = 0; i < active; i++) {
    const at = PILOT_SETS_HEADER + i * PILOT_BYTES;
    const pn = b.readUInt16LE(at);
    const raw = b.readUInt16LE(at + 2);
    if (!best || raw < best.raw) best = { raw, pn };
  }
  return { ok: true, ecioDb: best!.raw * -0.5, pnOffset: best!.pn };
}
