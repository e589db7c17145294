// The modem profile when ModemManager owns the modem: the same questions the AT profiles
// answer (identity, number, signal per technology, network, SMS, USSD), asked of MM's D-Bus
// interfaces instead of the port. The AtChannel argument is not used: MM is the channel.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import type { ModemIdentity, ModemProfile, NetworkStatus, SignalReport, SmsMessage } from '../../../hardware/modems/modem-types';
import { CodedError } from '../../shared/errors';
import { toNationalOrNull } from '../../shared/phone-number';
import { MM_CHANGE_REPORT } from './mm-channel';
import { IFACE, variant, type MmBus } from './mm-dbus';
import { parseMmStats } from './mm-dialler';
import { barsFromQuality, cdmaRoaming, gppRoaming, networkModeFromAccessTech, SMS_STATE } from './mm-values';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
/** MM gives "unknown" signal values as -Infinity-like sentinels or NaN-ish zeros: keep only real dBm. */
const dbm = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v < 0 && v > -150 ? v : null);

export interface MmModemView {
  bus: MmBus;
  path: string;
}

async function interfaces(m: MmModemView): Promise<Record<string, Record<string, unknown>>> {
  return (await m.bus.objects())[m.path] ?? {};
}

export function mmProfile(m: MmModemView, tech: 'cdma' | '3gpp'): ModemProfile {
  const modemProps = async () => (await interfaces(m))[IFACE.modem] ?? {};
  // MM keeps received messages in its list with no read flag: the ones this app has already
  // handed on (after Messaging.Added) come back as read, so one SMS is announced once
  const seen = new Set<string>();
  return {
    id: `modemmanager-${tech}`,
    tech,
    dialString: tech === 'cdma' ? '#777' : '*99#',
    signalUrcPrefixes: [MM_CHANGE_REPORT],
    async identity(): Promise<ModemIdentity> {
      const all = await interfaces(m);
      const mo = all[IFACE.modem] ?? {};
      const cdma = all[IFACE.cdma] ?? {};
      const gpp = all[IFACE.gpp] ?? {};
      const manufacturer = str(mo.Manufacturer);
      return {
        manufacturer: manufacturer ? (manufacturer.split(/[\s,]/)[0] ?? manufacturer).toLowerCase() : null,
        model: str(mo.Model),
        revision: str(mo.Revision),
        hardwareVersion: str(mo.HardwareRevision),
        esn: str(cdma.Esn)?.toUpperCase() ?? null,
        meid: str(cdma.Meid)?.toUpperCase() ?? null,
        imei: str(gpp.Imei),
        imsi: null,
        prlVersion: null,
      };
    },
    async number() {
      const own = ((await modemProps()).OwnNumbers as string[] | undefined) ?? [];
      const first = own.map((n) => n.trim()).find((n) => /^\+?\d{5,15}$/.test(n));
      return first ? (toNationalOrNull(first) ?? first) : null;
    },
    async signal(): Promise<SignalReport> {
      const all = await interfaces(m);
      const quality = num(((all[IFACE.modem]?.SignalQuality as unknown[]) ?? [0])[0]);
      const sig = all[IFACE.signal] ?? {};
      const cdma = (sig.Cdma as Record<string, unknown>) ?? {};
      const evdo = (sig.Evdo as Record<string, unknown>) ?? {};
      const gsm = (sig.Gsm as Record<string, unknown>) ?? {};
      const umts = (sig.Umts as Record<string, unknown>) ?? {};
      const mask = num(all[IFACE.modem]?.AccessTechnologies);
      const mode = networkModeFromAccessTech(mask);
      // per technology from the Signal interface when MM polls it; else MM's percentage on the active ones
      const fromQuality = quality > 0 ? -113 + Math.round((quality / 100) * 62) : null;
      const r1x = dbm(cdma.rssi) ?? (mask & (1 << 10) ? fromQuality : null);
      const rDo = dbm(evdo.rssi) ?? (mode.startsWith('evdo') ? fromQuality : null);
      const rGsm = dbm(gsm.rssi) ?? (tech === '3gpp' && mode === 'gsm' ? fromQuality : null);
      return {
        cdma1x: r1x !== null ? { rssiDbm: r1x, ecioDb: dbm(cdma.ecio) } : null,
        evdo: rDo !== null ? { rssiDbm: rDo, ecioDb: dbm(evdo.ecio), sinrDb: typeof evdo.sinr === 'number' && Number.isFinite(evdo.sinr) ? evdo.sinr : null } : null,
        gsm: rGsm !== null ? { rssiDbm: rGsm } : null,
        umts: tech === '3gpp' && (mode === 'umts' || mode === 'hspa') ? { rscpDbm: dbm(umts.rscp) ?? fromQuality, ecioDb: dbm(umts.ecio) } : null,
        bars: barsFromQuality(quality),
      };
    },
    async network(): Promise<NetworkStatus> {
      const all = await interfaces(m);
      const mode = networkModeFromAccessTech(num(all[IFACE.modem]?.AccessTechnologies));
      const cdma = all[IFACE.cdma];
      const gpp = all[IFACE.gpp];
      if (cdma) {
        const sid = num(cdma.Sid);
        const nid = num(cdma.Nid);
        return { mode, roaming: cdmaRoaming(num(cdma.Cdma1xRegistrationState), num(cdma.EvdoRegistrationState)), sid: sid > 0 && sid < 99999 ? sid : null, nid: nid > 0 && nid < 99999 ? nid : null };
      }
      return { mode, roaming: gpp ? gppRoaming(num(gpp.RegistrationState)) : false, sid: null, nid: null };
    },
    parseFlowReport: parseMmStats, // the bearer's counters as mm-dialler reports them
    async sendSms(_ch: AtChannel, to: string, text: string) {
      const sms = await m.bus.call<string>(m.path, IFACE.messaging, 'Create', { number: variant('s', to), text: variant('s', text) });
      try {
        await m.bus.call(sms, IFACE.sms, 'Send');
      } finally {
        // the message lives on in MM's list as "sent"; the app keeps its own history
        await m.bus.call(m.path, IFACE.messaging, 'Delete', sms).catch(() => undefined);
      }
    },
    async readSms(): Promise<SmsMessage[]> {
      // MM's object manager lists modems only: messages come from Messaging.List, each read on its own
      const paths = (await m.bus.call<string[]>(m.path, IFACE.messaging, 'List')) ?? [];
      const out: SmsMessage[] = [];
      for (const path of paths) {
        const s = await m.bus.props(path, IFACE.sms).catch(() => null);
        if (!s || num(s.State) !== SMS_STATE.received) continue;
        const ts = str(s.Timestamp);
        const at = ts && !Number.isNaN(Date.parse(ts)) ? new Date(ts).toISOString() : null;
        out.push({ index: Number(path.split('/').pop()), from: toNationalOrNull(String(s.Number ?? '')) ?? String(s.Number ?? ''), text: String(s.Text ?? ''), at, read: seen.has(path) });
        seen.add(path);
      }
      return out.sort((a, b) => a.index - b.index);
    },
    async deleteSms(_ch: AtChannel, index: number) {
      await m.bus.call(m.path, IFACE.messaging, 'Delete', `/org/freedesktop/ModemManager1/SMS/${index}`);
    },
    async dialServiceCode() {
      // the CDMA feature-code call needs the Voice interface, which MM has for neither stick here
      return 'error';
    },
    async ussd(_ch: AtChannel, code: string) {
      if (tech !== '3gpp') throw new CodedError('mm_unsupported', 'USSD is a 3GPP service; this modem is CDMA.');
      const props = (await interfaces(m))[IFACE.ussd];
      if (!props) throw new CodedError('mm_unsupported', 'ModemManager offers no USSD on this modem.');
      // state 3 = user-response: the network waits for an answer in an open session
      const text = num(props.State) === 3 ? await m.bus.call<string>(m.path, IFACE.ussd, 'Respond', code) : await m.bus.call<string>(m.path, IFACE.ussd, 'Initiate', code);
      const after = (await interfaces(m))[IFACE.ussd] ?? {};
      return { status: num(after.State) === 3 ? 1 : 0, text: str(text) };
    },
    async ussdCancel() {
      if (tech !== '3gpp' || !(await interfaces(m))[IFACE.ussd]) return;
      // MM answers an error when no session is open: nothing to end then
      await m.bus.call(m.path, IFACE.ussd, 'Cancel').catch(() => undefined);
    },
  };
}
