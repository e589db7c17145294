// Talking QCDM on a diagnostics port: one framed request, the first frame back with a good
// CRC. Used by `assa diag` (and the modem service) for the MDN where AT gives none, the way
// ModemManager reads a ZTE AC stick's own number.
import type { SerialLink, SerialOpener } from '../serial/serial-link';
import { decapsulate, hostFrame, QcdmFramer } from './qcdm-framing';
import { nvReadRequest, NV_DIR_NUMBER, parseNvMdn, parsePilotSetsEcio, PILOT_SETS_REQUEST, type NvMdnResult, type PilotEcioResult } from './qcdm-packets';

/** The decoded answer to `payload`, or null when no good frame came within `timeoutMs`. */
export async function qcdmExchange(link: SerialLink, payload: Uint8Array, timeoutMs: number): Promise<Buffer | null> {
  const framer = new QcdmFramer();
  let done!: (v: Buffer | null) => void;
  const answer = new Promise<Buffer | null>((r) => (done = r));
  const off = link.onData((chunk) => {
    for (const f of framer.push(chunk)) {
      const p = decapsulate(f);
      if (p) done(p);
    }
  });
  const offClose = link.onClose(() => done(null));
  const timer = setTimeout(() => done(null), timeoutMs);
  try {
    await link.write(hostFrame(payload));
    return await answer;
  } finally {
    clearTimeout(timer);
    off();
    offClose();
  }
}

export type QcdmMdn = NvMdnResult | { ok: false; code: 'qcdm_silent' | 'port_open_failed'; detail: string };

type PortFailure = { ok: false; code: 'qcdm_silent' | 'port_open_failed'; detail: string };

/** One request on the diagnostics port at `path` (opened for it, closed after), its answer parsed. */
async function askQcdm<R>(opener: SerialOpener, path: string, request: Uint8Array, parse: (p: Uint8Array) => R, timeoutMs: number): Promise<R | PortFailure> {
  let link: SerialLink;
  try {
    link = await opener.open(path);
  } catch (e) {
    return { ok: false, code: 'port_open_failed', detail: (e as Error).message };
  }
  try {
    const answer = await qcdmExchange(link, request, timeoutMs);
    return answer ? parse(answer) : { ok: false, code: 'qcdm_silent', detail: `no QCDM answer on ${path} within ${timeoutMs} ms` };
  } finally {
    await link.close().catch(() => undefined);
  }
}

/** NV 178 (the MDN) read over the diagnostics port at `path`; the port is closed again after. */
export function readMdnOverQcdm(opener: SerialOpener, path: string, timeoutMs = 2000): Promise<QcdmMdn> {
  return askQcdm(opener, path, nvReadRequest(NV_DIR_NUMBER), parseNvMdn, timeoutMs);
}

export type QcdmEcio = PilotEcioResult | PortFailure;

/** The 1x Ec/Io from the pilot sets (M-SIG-1, "QCDM where present"), for sticks whose AT gives none. */
export function readEcioOverQcdm(opener: SerialOpener, path: string, timeoutMs = 2000): Promise<QcdmEcio> {
  return askQcdm(opener, path, PILOT_SETS_REQUEST, parsePilotSetsEcio, timeoutMs);
}
