// D-DIAL-1 where NetworkManager runs (issue 16 Part 2): NM owns data calls on a desktop, so
// the app asks NM to activate a connection on the modem's NM device instead of calling
// ModemManager's Simple.Connect itself. NM then asks MM for the bearer and runs pppd (an
// AT-port CDMA stick) or configures the net port — and counts the bytes, which MM cannot do
// for a PPP bearer. The profile is volatile: NM forgets it when the call ends, so the user's
// own NM connections are never cluttered. Without NM (or when NM does not manage this modem)
// the fallback, MM's Simple.Connect, dials.
import { randomUUID } from 'node:crypto';
import dbus from 'dbus-next';
import type { DialProfile } from '../../shared/dial-profile';
import { CodedError } from '../../shared/errors';
import type { Clock } from '../clock';
import type { DataSession, Dialler } from '../connection/dialler';
import { daemonSession } from './daemon-session';
import type { MmChannel } from './mm-channel';
import { MM_STATS_REPORT } from './mm-dialler';
import { MM_PORT_PREFIX } from './mm-platform';
import { NM_ACTIVE, NM_IFACE, type NmBus, type NmSettings } from './nm-dbus';
import { NM_DEVICE_STATE, nmFailure } from './nm-reasons';

/** How often the call is looked at: its state, the device's byte counters. */
export const NM_POLL_MS = 1000;
/** NM gives up on a modem call by itself (its own timeouts); this only guards against an NM that never answers. */
export const NM_ACTIVATION_TIMEOUT_MS = 120_000;

const s = (v: string) => new dbus.Variant('s', v);

/** NM's settings for one call on a dial profile: CDMA dials its number, 3GPP its APN. */
export function nmSettings(profile: DialProfile, uuid: string = randomUUID()): NmSettings {
  const credentials = { ...(profile.user ? { username: s(profile.user) } : {}), ...(profile.password ? { password: s(profile.password) } : {}) };
  return {
    connection: { id: s(`ASSA: ${profile.name}`), uuid: s(uuid), type: s(profile.kind === 'cdma' ? 'cdma' : 'gsm'), autoconnect: new dbus.Variant('b', false) },
    ...(profile.kind === 'cdma' ? { cdma: { number: s(profile.number || '#777'), ...credentials } } : { gsm: { apn: s(profile.apn || 'internet'), ...credentials } }),
    ipv4: { method: s('auto') },
    ipv6: { method: s('ignore') },
  };
}

export function nmDialler(o: { nm: NmBus; fallback: Dialler; clock: Clock; log?: (s: string) => void }): Dialler {
  return {
    async dial(req): Promise<DataSession> {
      const { modem, profile, onPhase } = req;
      const ch = modem.channel as Partial<MmChannel>;
      const mmPath = modem.channel.path.startsWith(MM_PORT_PREFIX) ? modem.channel.path.slice(MM_PORT_PREFIX.length) : null;
      const device = mmPath && ch.emitReport && (await o.nm.running()) ? await o.nm.deviceForModem(mmPath).catch(() => null) : null;
      if (!device) return o.fallback.dial(req);

      // the reason NM gives when the device fails is only in the StateChanged signal (the
      // StateReason property is back to "disconnected, none" a moment later), so listen first
      let failedReason: number | null = null;
      const offState = await o.nm.onDeviceState(device, (state, _old, reason) => {
        if (state === NM_DEVICE_STATE.failed || (state === NM_DEVICE_STATE.disconnected && failedReason === null && reason > 1)) failedReason = reason;
      });
      onPhase('dialling');
      o.log?.(`NetworkManager dials ${profile.name} on ${device}`);
      let active: string;
      try {
        ({ active } = await o.nm.activate(device, nmSettings(profile)));
      } catch (e) {
        offState();
        throw e;
      }
      const activeState = async () => Number((await o.nm.props(active, NM_IFACE.active).catch(() => ({ State: NM_ACTIVE.deactivated }))).State ?? NM_ACTIVE.unknown);
      // wait until the call is up or NM gave up on it
      const deadline = o.clock.now() + NM_ACTIVATION_TIMEOUT_MS;
      for (;;) {
        const st = await activeState();
        if (st === NM_ACTIVE.activated) break;
        if (st === NM_ACTIVE.deactivated || st === NM_ACTIVE.deactivating) {
          offState();
          throw nmFailure(failedReason ?? 0);
        }
        if (o.clock.now() > deadline) {
          offState();
          await o.nm.deactivate(active).catch((e: unknown) => o.log?.(`NetworkManager did not end the stalled call: ${(e as Error).message}`));
          throw new CodedError('chat_timeout', 'NetworkManager did not bring the connection up in time.');
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      onPhase('ip-up');
      const dev = await o.nm.props(device, NM_IFACE.device);
      const ip4 = String(dev.Ip4Config ?? '/');
      const addressData = ip4 !== '/' ? ((await o.nm.props(ip4, NM_IFACE.ip4).catch((): Record<string, unknown> => ({}))).AddressData as Array<{ address?: string }> | undefined) : undefined;
      // NM updates the counters only as often as asked; without it they stay at their first value
      await o.nm.refreshStatistics(device, NM_POLL_MS).catch((e: unknown) => o.log?.(`NetworkManager will not refresh the byte counters: ${(e as Error).message}`));
      const upAt = o.clock.now();

      return daemonSession(
        {
          modem,
          clock: o.clock,
          everyMs: NM_POLL_MS,
          async look() {
            const st = await activeState();
            if (st !== NM_ACTIVE.activated) return failedReason !== null ? nmFailure(failedReason).code : 'no_carrier';
            const stats = await o.nm.props(device, NM_IFACE.statistics).catch(() => null);
            if (stats) ch.emitReport!(MM_STATS_REPORT, `${MM_STATS_REPORT}: ${Number(stats.RxBytes ?? 0)},${Number(stats.TxBytes ?? 0)},${Math.round((o.clock.now() - upAt) / 1000)}`);
            return null;
          },
          hangUp: () => o.nm.deactivate(active).catch((e: unknown) => o.log?.(`NetworkManager did not end the call: ${(e as Error).message}`)),
          onEnd: offState,
        },
        { via: 'networkmanager', iface: (dev.IpInterface as string) || null, localIp: addressData?.[0]?.address ?? null },
      );
    },
  };
}
