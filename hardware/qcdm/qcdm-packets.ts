// The QCDM requests the host sends and the answers it reads (libqcdm's dm-commands.h and
// nv-items.h layouts): version info (0x00) — the probe that tells a diagnostics port from a
// silent one — and the NV read (0x26) of item 178, NV_DIR_NUMBER, the MDN on Qualcomm CDMA
// sticks that have no AT command for it (ZTE AC series: ModemManager reads the number there).
// Pure functions; the answers are parsed from decoded payloads (qcdm-framing.ts).
export const DIAG_CMD_VERSION_INFO = 0x00;
export const DIAG_CMD_BAD_CMD = 0x13;
export const DIAG_CMD_NV_READ = 0x26;
export const NV_DIR_NUMBER = 178;
/** DMCmdNVReadWrite: code, item (LE u16), 128 data bytes, status (LE u16). */
export const NV_PACKET_LENGTH = 133;
const NV_DONE = 0;

export const VERSION_REQUEST = Buffer.from([DIAG_CMD_VERSION_INFO]);

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
