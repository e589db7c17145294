// D-DIAL-1 on the ModemManager backend: the data session is MM's Simple.Connect (CDMA: the
// dial number, #777 by default; 3GPP: the APN) and the bearer it brings up; hang-up is
// Simple.Disconnect. Traffic: the bearer's Stats (bytes-rx/bytes-tx, which MM keeps for
// bearers on a net port: QMI, MBIM, Huawei NDIS) go to the traffic meter once a second as
// ^MMSTATS reports, and a net-port bearer's interface gives the OS counters too. A PPP bearer
// (an AT-port CDMA stick) leaves pppd to the client — NetworkManager on a desktop — so MM has
// no byte counts for it and the session shows its time only.
import type { DataFlow } from '../../../hardware/modems/modem-types';
import { CodedError } from '../../shared/errors';
import type { Clock } from '../clock';
import type { DataSession, Dialler, DialRequest } from '../connection/dialler';
import { daemonSession } from './daemon-session';
import type { MmChannel } from './mm-channel';
import { IFACE, type MmBus } from './mm-dbus';
import type { MmPlatform } from './mm-platform';

export const MM_STATS_REPORT = '^MMSTATS';
/** How often the bearer is looked at while connected (its counters, whether it dropped). */
export const BEARER_POLL_MS = 1000;

/** ^MMSTATS: <rx>,<tx>,<duration s> → the flow (the report mm-dialler makes of a bearer's Stats; MM gives no rates). */
export function parseMmStats(line: string): DataFlow | null {
  const m = /^\^MMSTATS: (\d+),(\d+),(\d+)$/.exec(line.trim());
  return m ? { rxBytes: Number(m[1]), txBytes: Number(m[2]), durationS: Number(m[3]), rxRateBps: 0, txRateBps: 0 } : null;
}

/** The bytes of a bearer's Stats dict (MM 1.20: 'rx-bytes'/'tx-bytes', 'duration'), or null when MM counts none. */
export function bearerBytes(stats: unknown): { rxBytes: number; txBytes: number; durationS: number } | null {
  const s = (stats ?? {}) as Record<string, unknown>;
  if (s['rx-bytes'] === undefined && s['tx-bytes'] === undefined) return null;
  const rx = Number(s['rx-bytes'] ?? 0);
  const tx = Number(s['tx-bytes'] ?? 0);
  const duration = Number(s.duration ?? 0);
  if (!Number.isFinite(rx) || !Number.isFinite(tx)) return null;
  // MM 1.20 sends the keys with 0 for a bearer it does not count (PPP): nothing counted yet is no count
  if (rx === 0 && tx === 0 && !(duration > 0)) return null;
  return { rxBytes: rx, txBytes: tx, durationS: Number.isFinite(duration) ? duration : 0 };
}

export function mmDialler(o: { platform: MmPlatform; bus: MmBus; clock: Clock }): Dialler {
  return {
    async dial({ modem, profile, onPhase }: DialRequest): Promise<DataSession> {
      const ch = modem.channel as Partial<MmChannel>;
      if (!ch.emitReport) throw new CodedError('mm_not_running', 'This modem is not driven through ModemManager.');
      onPhase('dialling');
      const bearer = await o.platform.connect(profile.kind === '3gpp' ? { apn: profile.apn || 'internet' } : { number: profile.number || modem.profile.dialString });
      onPhase('ip-up');
      return daemonSession(
        {
          modem,
          clock: o.clock,
          everyMs: BEARER_POLL_MS,
          look: () =>
            o.bus.props(bearer.path, IFACE.bearer).then(
              (b) => {
                if (b.Connected === false) return 'no_carrier';
                const bytes = bearerBytes(b.Stats);
                if (bytes) ch.emitReport!(MM_STATS_REPORT, `${MM_STATS_REPORT}: ${bytes.rxBytes},${bytes.txBytes},${bytes.durationS}`);
                return null;
              },
              () => 'modem_unplugged', // the bearer object is gone
            ),
          // MM has already dropped a bearer it cannot disconnect (the modem went): nothing to undo
          hangUp: () => o.platform.disconnect().catch(() => undefined),
        },
        { via: 'modemmanager', iface: bearer.ipMethod === 'ppp' ? null : bearer.iface, localIp: bearer.address },
      );
    },
  };
}
