// M-NUM-1: the commands that give the subscriber's number (MDN), one function each, so a
// profile lists the ones its firmware knows in the order to try them (reference §1.2).
import type { AtChannel } from '../at/at-channel-types';
import { ask } from './ask';
import { parseCnum, parseMdn, parseNamvalMdn } from './parsers/number';

export type NumberMethod = (ch: AtChannel) => Promise<string | null>;

/** 27.007 +CNUM (3GPP, and CDMA firmwares that fill it from NV). */
export const cnumMethod: NumberMethod = async (ch) => parseCnum((await ask(ch, 'AT+CNUM')) ?? []);
/** Huawei CDMA ^MDN. */
export const mdnMethod: NumberMethod = async (ch) => parseMdn((await ask(ch, 'AT^MDN')) ?? []);
/** Sierra/Qualcomm NAM 0 (ModemManager's Sierra plugin). */
export const namvalMethod: NumberMethod = async (ch) => parseNamvalMdn((await ask(ch, 'AT~NAMVAL?0')) ?? []);
