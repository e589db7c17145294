// A data session that a daemon holds for the app (ModemManager's bearer, NetworkManager's
// active connection): the daemon is asked about it once a second, and it ends when the daemon
// says so, when the modem is unplugged, or on our own hang-up (then with code null).
import type { Clock } from '../clock';
import type { DataSession } from '../connection/dialler';
import type { ReadyModem } from './modem-service';

export interface DaemonSessionParts {
  modem: ReadyModem;
  clock: Clock;
  everyMs: number;
  /** One look at the session: the code it ended with, or nothing while it is up. */
  look(): Promise<string | null | void>;
  /** Asks the daemon to end it (its failure is the daemon's to log). */
  hangUp(): Promise<void>;
  /** Undoes the caller's own listeners once the session is over. */
  onEnd?: () => void;
}

export function daemonSession(o: DaemonSessionParts, face: Pick<DataSession, 'via' | 'iface' | 'localIp'>): DataSession {
  let ours = false;
  let done = false;
  let settle!: (r: { code: string | null }) => void;
  const ended = new Promise<{ code: string | null }>((r) => (settle = r));
  const finish = (code: string | null) => {
    if (done) return;
    done = true;
    poll.clear();
    offMode();
    o.onEnd?.();
    settle({ code: ours ? null : code });
  };
  const offMode = o.modem.channel.onModeChange((m) => m === 'closed' && finish('modem_unplugged'));
  let looking = false;
  const poll = o.clock.setInterval(() => {
    if (looking) return;
    looking = true;
    void o
      .look()
      .then((code) => typeof code === 'string' && finish(code))
      .finally(() => (looking = false));
  }, o.everyMs);
  return {
    ...face,
    ended,
    async hangup() {
      ours = true;
      await o.hangUp();
      finish(null);
    },
  };
}
