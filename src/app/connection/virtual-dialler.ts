// D-DIAL-1 for the virtual modem: there is no PPP to run (and no /dev/ppp in CI), so the
// session is the modem's own data mode — ATD on its data port answered by CONNECT — and
// the address is the one its network side assigned and reported to ASSA by RADIUS.
import type { AtChannel } from '../../../hardware/at/at-channel-types';
import { CodedError } from '../../shared/errors';
import { connectionError } from './pppd-exit';
import type { DataSession, Dialler, DialRequest } from './dialler';

export interface VirtualDiallerOptions {
  openChannel(path: string): Promise<AtChannel>;
  /** The address the virtual network gave the running session (null before it has). */
  sessionAddress(): string | null;
  dialTimeoutMs?: number;
}

const FINAL_TO_CODE: Record<string, string> = {
  'no-carrier': 'no_carrier',
  busy: 'busy',
  'no-answer': 'no_answer',
  'no-dialtone': 'no_dialtone',
  error: 'modem_error',
  'cme-error': 'modem_error',
};

export function virtualDialler(opts: VirtualDiallerOptions): Dialler {
  return {
    async dial({ modem, profile, onPhase }: DialRequest): Promise<DataSession> {
      const path = modem.found.dataPort ?? modem.found.controlPort;
      const ch = path === modem.found.controlPort ? modem.channel : await opts.openChannel(path);
      const own = ch !== modem.channel;
      onPhase('dialling');
      const dialString = profile.kind === '3gpp' ? profile.number : profile.number || modem.profile.dialString;
      const r = await ch.send(`ATD${dialString}`, { timeoutMs: opts.dialTimeoutMs ?? 60_000 }).catch(async (e: unknown) => {
        if (own) await ch.close().catch(() => undefined);
        throw e;
      });
      if (r.final.kind !== 'connect') {
        if (own) await ch.close().catch(() => undefined);
        throw connectionError(FINAL_TO_CODE[r.final.kind] ?? 'link_failed', { final: r.final.kind });
      }
      onPhase('ip-up');
      let ours = false;
      const ended = new Promise<{ code: string | null }>((resolve) => {
        const off = ch.onModeChange((mode) => {
          if (mode === 'data') return;
          off();
          // NO CARRIER returns the port to command mode; a vanished port closes it.
          resolve({ code: ours ? null : mode === 'closed' ? 'modem_unplugged' : 'no_carrier' });
        });
      });
      const localIp = opts.sessionAddress();
      if (!localIp) throw new CodedError('link_failed', 'The virtual network gave the session no address.');
      return {
        via: 'virtual',
        iface: null,
        localIp,
        ended,
        async hangup() {
          ours = true;
          // Closing the port ends the call on a real stick too (DTR drop); the virtual
          // modem does the same (V-3). On a shared single port, ATH after the escape.
          if (own) await ch.close().catch(() => undefined);
          else await ch.send('+++', { timeoutMs: 3000 }).catch(() => undefined);
        },
      };
    },
  };
}
