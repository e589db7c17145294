// The diagnostics port of a Qualcomm-based stick (Huawei EC / ZTE AC both are): DIAG/QCDM
// frames, never AT. Framing as libqcdm does it (ModemManager libqcdm/src/utils.c): payload +
// CRC-16/CCITT (reflected, init 0xFFFF, complemented, little-endian), 0x7D-escaping of
// 0x7E/0x7D, 0x7E terminator. A DIAG port is an HDLC receiver: it collects bytes until a
// 0x7E and only then looks at them; a frame whose CRC is wrong (AT text, line noise) is
// dropped without an answer, as HDLC drops a frame with a bad FCS. Answered, with the
// packet layouts of libqcdm's dm-commands.h (the commands ModemManager's generic CDMA,
// huawei and zte code send): version info 0x00, ESN 0x01, status 0x0C, NV read 0x26 (ESN 0,
// mode preference 10, MDN 178), pilot sets 0x40, log config 0x73, subsystem 0x4B for the
// call manager state (CM 15, cmd 0) and the EV-DO state (HDR 5, cmd 8). Anything else gets
// "bad command" (0x13 + the request).
import { decapsulate, encapsulate } from '../../qcdm/qcdm-framing';
import type { ServiceMode } from '../radio/radio';
import type { Subscriber } from '../radio/subscriber';

// the framing is the host's too (hardware/qcdm): one implementation for both ends
export { crc16, decapsulate, encapsulate, QcdmFramer } from '../../qcdm/qcdm-framing';

export const DIAG_CMD_VERSION_INFO = 0x00;
export const DIAG_CMD_ESN = 0x01;
export const DIAG_CMD_STATUS = 0x0c;
export const DIAG_CMD_BAD_CMD = 0x13;
export const DIAG_CMD_NV_READ = 0x26;
export const DIAG_CMD_PILOT_SETS = 0x40;
export const DIAG_CMD_SUBSYS = 0x4b;
export const DIAG_CMD_LOG_CONFIG = 0x73;
export const DIAG_SUBSYS_HDR = 5;
export const DIAG_SUBSYS_CM = 15;
export const DIAG_SUBSYS_HDR_STATE_INFO = 8;
export const DIAG_SUBSYS_CM_STATE_INFO = 0;
export const NV_ESN = 0;
export const NV_MODE_PREF = 10;
export const NV_DIR_NUMBER = 178;
const NV_DONE = 0;
const NV_NOTACTIVE = 5;

/** What the diagnostics port reports about the device: its identity and the radio right now. */
export interface QcdmDevice {
  subscriber: Subscriber;
  model: string;
  /** Service mode of the radio ('none' without service). */
  mode: ServiceMode;
  roaming: boolean;
  rssiDbm: number;
  /** A data call is up (the 1x receiver is on the traffic channel). */
  inCall: boolean;
}

function ascii(s: string, len: number): number[] {
  const b = Buffer.alloc(len, 0);
  b.write(s.slice(0, len), 'latin1');
  return [...b];
}

const has1x = (m: ServiceMode) => m === '1x' || m === 'hybrid';
const hasEvdo = (m: ServiceMode) => m === 'evdo' || m === 'hybrid';

/** The 10 digits of NV_DIR_NUMBER and ^MDN: the national number with its trunk 0 (441234567 -> 0441234567). */
export function tenDigitMdn(number: string): string {
  return number.padStart(10, '0').slice(-10);
}

function nvRead(req: Buffer, dev: QcdmDevice): Buffer {
  const item = req.readUInt16LE(1);
  const data = Buffer.alloc(128, 0);
  let status = NV_DONE;
  if (item === NV_DIR_NUMBER) {
    data[0] = 0; // NAM 0
    data.write(tenDigitMdn(dev.subscriber.number), 1, 'latin1');
  } else if (item === NV_ESN) {
    data.writeUInt32LE(parseInt(dev.subscriber.esn, 16) >>> 0, 0);
  } else if (item === NV_MODE_PREF) {
    data[0] = 0; // NAM 0
    data[1] = 4; // automatic
  } else status = NV_NOTACTIVE;
  const out = Buffer.alloc(133, 0);
  out[0] = DIAG_CMD_NV_READ;
  out.writeUInt16LE(item, 1);
  data.copy(out, 3);
  out.writeUInt16LE(status, 131);
  return out;
}

/** DMCmdStatusRsp (48 bytes): ESN, RF mode, the 1x receiver state, SID/NID. */
function status(dev: QcdmDevice): Buffer {
  const out = Buffer.alloc(48, 0);
  out[0] = DIAG_CMD_STATUS;
  out.writeUInt32LE(parseInt(dev.subscriber.esn, 16) >>> 0, 4);
  out.writeUInt16LE(1, 8); // rf_mode: CDMA
  // cdma_rx_state: 0 entering CDMA (searching), 2 paging channel (idle), 4 traffic channel
  const rx = !has1x(dev.mode) ? 0 : dev.inCall ? 4 : 2;
  out.writeUInt16LE(rx, 23);
  out.writeUInt16LE(has1x(dev.mode) ? 283 : 0, 34); // curr_chan (band class 0 channel 283)
  out.writeUInt16LE(has1x(dev.mode) ? dev.subscriber.sid : 0, 39);
  out.writeUInt16LE(has1x(dev.mode) ? dev.subscriber.nid : 0, 41);
  return out;
}

/** DMCmdPilotSetsRsp: one active pilot whose Ec/Io (in -0.5 dB) follows the 1x signal. */
function pilotSets(dev: QcdmDevice): Buffer {
  const active = has1x(dev.mode) ? 1 : 0;
  const out = Buffer.alloc(6 + 4 * active, 0);
  out[0] = DIAG_CMD_PILOT_SETS;
  out.writeUInt16LE(4, 1); // pilot_inc
  out[3] = active;
  if (active) {
    out.writeUInt16LE(36, 6); // PN offset
    out.writeUInt16LE(Math.max(2, Math.min(63, Math.round((-dev.rssiDbm - 60) / 2))), 8);
  }
  return out;
}

/** DMCmdSubsysCMStateInfoRsp: idle, online, the system in use, automatic preferences. */
function cmState(dev: QcdmDevice): Buffer {
  const out = Buffer.alloc(4 + 40, 0);
  out[0] = DIAG_CMD_SUBSYS;
  out[1] = DIAG_SUBSYS_CM;
  out.writeUInt16LE(DIAG_SUBSYS_CM_STATE_INFO, 2);
  const system = dev.mode === 'none' ? 0 : has1x(dev.mode) ? 2 : 4; // no service, CDMA, HDR
  const u32 = [dev.inCall ? 1 : 0, 5 /* online */, system, 4 /* mode pref automatic */, 0xffff, 0xff /* roam any */, 0, 0, dev.mode === 'hybrid' ? 1 : 0, 0];
  u32.forEach((v, i) => out.writeUInt32LE(v >>> 0, 4 + 4 * i));
  return out;
}

/** DMCmdSubsysHDRStateInfoRsp: the EV-DO access terminal's states. */
function hdrState(dev: QcdmDevice): Buffer {
  const evdo = hasEvdo(dev.mode);
  const out = Buffer.alloc(4 + 9, 0);
  out[0] = DIAG_CMD_SUBSYS;
  out[1] = DIAG_SUBSYS_HDR;
  out.writeUInt16LE(DIAG_SUBSYS_HDR_STATE_INFO, 2);
  // at_state idle/connected, session open, ALMP idle/connected, init, idle, connected, route update, overhead, hybrid
  const states = evdo ? [dev.inCall ? 5 : 3, 4, dev.inCall ? 3 : 2, 3, 1, dev.inCall ? 1 : 0, 1, 1, dev.mode === 'hybrid' ? 1 : 0] : [0, 0, 1, 0, 0, 0, 0, 0, 0];
  states.forEach((v, i) => (out[4 + i] = v));
  return out;
}

/** DMCmdLogConfigRsp: the operation done (result 0), the equipment id and the mask echoed. */
function logConfig(req: Buffer): Buffer | null {
  if (req.length < 16) return null;
  const op = req.readUInt32LE(4);
  if (op === 1) {
    // GET_RANGE: the highest log code of each of the 16 equipment ids
    const out = Buffer.alloc(12 + 64, 0);
    out[0] = DIAG_CMD_LOG_CONFIG;
    out.writeUInt32LE(op, 4);
    out.writeUInt32LE(0x0fff, 12 + 4); // equipment 1 (CDMA)
    return out;
  }
  const out = Buffer.alloc(req.length + 4, 0);
  out[0] = DIAG_CMD_LOG_CONFIG;
  out.writeUInt32LE(op, 4);
  out.writeUInt32LE(0, 8); // result: success
  req.copy(out, 12, 8); // equipid, num_items, mask
  return out;
}

function versionInfo(dev: QcdmDevice): Buffer {
  // code, comp date/time, release date/time, model (8), scm, cai rev, mob model, fw rev (2), slot cycle, msm ver, reserved
  return Buffer.from([DIAG_CMD_VERSION_INFO, ...ascii('Mar 12 2009', 11), ...ascii('10:00:00', 8), ...ascii('Mar 12 2009', 11), ...ascii('10:00:00', 8), ...ascii(dev.model, 8), 0x03, 0x06, 0x00, 0x01, 0x00, 0x02, 0x45, 0x00]);
}

/** The answer payload to one request payload; null for a frame that gets no answer (bad CRC, empty). */
export function qcdmReply(req: Buffer | null, dev: QcdmDevice): Buffer | null {
  if (!req || req.length === 0) return null;
  const bad = () => Buffer.from([DIAG_CMD_BAD_CMD, ...req.subarray(0, 32)]);
  switch (req[0]) {
    case DIAG_CMD_VERSION_INFO:
      return versionInfo(dev);
    case DIAG_CMD_ESN: {
      const out = Buffer.alloc(5);
      out[0] = DIAG_CMD_ESN;
      out.writeUInt32LE(parseInt(dev.subscriber.esn, 16) >>> 0, 1);
      return out;
    }
    case DIAG_CMD_STATUS:
      return status(dev);
    case DIAG_CMD_NV_READ:
      return req.length >= 3 ? nvRead(req, dev) : bad();
    case DIAG_CMD_PILOT_SETS:
      return pilotSets(dev);
    case DIAG_CMD_LOG_CONFIG:
      return logConfig(req) ?? bad();
    case DIAG_CMD_SUBSYS: {
      if (req.length < 4) return bad();
      const cmd = req.readUInt16LE(2);
      if (req[1] === DIAG_SUBSYS_CM && cmd === DIAG_SUBSYS_CM_STATE_INFO) return cmState(dev);
      if (req[1] === DIAG_SUBSYS_HDR && cmd === DIAG_SUBSYS_HDR_STATE_INFO) return hdrState(dev);
      return bad();
    }
    default:
      return bad();
  }
}

/** The framed answer to one received frame (flag excluded), or null. */
export function qcdmAnswer(frame: Uint8Array, dev: QcdmDevice): Buffer | null {
  const reply = qcdmReply(decapsulate(frame), dev);
  return reply ? encapsulate(reply) : null;
}
