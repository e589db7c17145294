// 3GPP registration and technology (27.007 §7.2, §7.3). A modem is registered when any
// domain is: circuit (+CREG?), packet (+CGREG?) or EPS (+CEREG?) — an LTE-only or
// data-only stick registers in the packet domains alone. The technology comes from the
// registration's own <AcT>, else +COPS?. `no-service` only when every answered query
// said "not registered"; when none was answered the mode is `unknown`.
import type { AtChannel } from '../at/at-channel-types';
import { read } from './ask';
import type { NetworkMode, NetworkStatus } from './modem-types';
import { modeFromAct, parseCopsAct, parseCreg, type Registration } from './parsers/network';

export const REGISTRATION_QUERIES = ['AT+CREG?', 'AT+CGREG?', 'AT+CEREG?'] as const;

/** The modem's registration across the domains it answered for; null when it answered none. */
export async function gppRegistration(ch: AtChannel): Promise<Registration[] | null> {
  const regs: Registration[] = [];
  for (const q of REGISTRATION_QUERIES) {
    const r = await read(ch, q, parseCreg);
    if (r) regs.push(r);
  }
  return regs.length ? regs : null;
}

export function networkFromRegistrations(regs: Registration[] | null): NetworkStatus & { registered: boolean } {
  const none = { roaming: false, sid: null, nid: null };
  if (!regs) return { mode: 'unknown', registered: false, ...none };
  const reg = regs.find((r) => r.registered);
  if (!reg) return { mode: regs.every((r) => r.noService) ? 'no-service' : 'unknown', registered: false, ...none };
  const act = regs.filter((r) => r.registered && r.act !== null).map((r) => modeFromAct(r.act!)).find((m) => m !== null) ?? null;
  return { mode: act ?? 'unknown', registered: true, ...none, roaming: regs.some((r) => r.registered && r.roaming) };
}

/**
 * Registration from the three domains; when registered, the technology from the vendor's
 * own query first (it names HSPA where <AcT> says only UTRAN), then <AcT>, then +COPS?.
 */
export async function gppNetwork(ch: AtChannel, vendorTech?: (ch: AtChannel) => Promise<NetworkMode | null>): Promise<NetworkStatus> {
  const { registered, ...net } = networkFromRegistrations(await gppRegistration(ch));
  if (!registered) return net;
  const vendor = vendorTech ? await vendorTech(ch) : null;
  if (vendor && vendor !== 'unknown' && vendor !== 'no-service') return { ...net, mode: vendor };
  if (net.mode !== 'unknown') return net;
  return { ...net, mode: (await read(ch, 'AT+COPS?', parseCopsAct)) ?? 'unknown' };
}
