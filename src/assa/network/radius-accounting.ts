// A-NET-1: RADIUS accounting (RFC 2866) from the access server. A request is answered
// with Accounting-Response only when its authenticator proves the shared secret;
// otherwise it is dropped silently (RFC 2866 §3). Start/Interim-Update/Stop keep the
// IP-to-number table for A-NUM-3; a Stop closes the session as an A-DET-2 record.
// Replays (issue 12): a packet whose Event-Timestamp is further than RADIUS_EVENT_WINDOW_S
// from our clock is dropped unanswered; a Start for an Acct-Session-Id already known is
// answered (a NAS retransmits until answered) but changes nothing, and a Start older than
// the session now open on that address never displaces it. So a captured old Start, sent
// again, cannot take the owner's IP-to-number mapping away.
import dgram from 'node:dgram';
import radius from 'radius';
import type { Logger } from '../../shared/logging';
import { toNationalOrNull } from '../../shared/phone-number';
import type { AssaClock } from '../domain/clock';
import type { AssaMetrics } from '../observability/metrics';
import { addressList } from '../security/address-list';
import type { AssaStore } from '../store/assa-store';

export interface RadiusListener {
  port: number;
  close(): Promise<void>;
}

type Attrs = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const octets = (a: Attrs, dir: 'Input' | 'Output') => num(a[`Acct-${dir}-Gigawords`]) * 2 ** 32 + num(a[`Acct-${dir}-Octets`]);

/** Accounting this far (seconds) from our clock by its Event-Timestamp is refused as a replay. */
export const RADIUS_EVENT_WINDOW_S = 300;

/** When the event happened: Event-Timestamp (RFC 2869 §5.3), else now less Acct-Delay-Time (RFC 2866 §5.2). */
export function eventTime(attrs: Attrs, now: number): { at: number; stamped: boolean } {
  const ts = attrs['Event-Timestamp'];
  if (ts instanceof Date && !Number.isNaN(ts.getTime())) return { at: ts.getTime(), stamped: true };
  return { at: now - num(attrs['Acct-Delay-Time']) * 1000, stamped: false };
}

/** 'stale' when the packet's Event-Timestamp is outside the window around `now`. */
export function staleEvent(attrs: Attrs, now: number): boolean {
  const e = eventTime(attrs, now);
  return e.stamped && Math.abs(now - e.at) > RADIUS_EVENT_WINDOW_S * 1000;
}

/** What a valid packet did: stored, or answered without a change (a retransmission, a replayed or out-of-order Start). */
export type AccountingOutcome = 'stored' | 'ignored' | 'duplicate_start' | 'older_start';

export async function handleAccounting(store: AssaStore, attrs: Attrs, now: number): Promise<AccountingOutcome> {
  const status = String(attrs['Acct-Status-Type'] ?? '');
  const raw = String(attrs['Calling-Station-Id'] ?? attrs['User-Name'] ?? '');
  const number = toNationalOrNull(raw);
  const ip = typeof attrs['Framed-IP-Address'] === 'string' ? (attrs['Framed-IP-Address'] as string) : null;
  const sessionId = String(attrs['Acct-Session-Id'] ?? '');
  if (!number || !ip || !sessionId) return 'ignored';
  const at = new Date(now).toISOString();
  const seconds = num(attrs['Acct-Session-Time']);
  const started = new Date(now - seconds * 1000).toISOString();
  // The subscriber's download is the NAS's output (RFC 2866 §5.3/5.4).
  const common = { session_id: sessionId, number, ip, started_at: started, updated_at: at, in_bytes: octets(attrs, 'Output'), out_bytes: octets(attrs, 'Input'), seconds };
  if (status === 'Start') {
    const event = eventTime(attrs, now).at;
    return store.transaction(async (tx): Promise<AccountingOutcome> => {
      if (await tx.security.knownDataSession(sessionId)) return 'duplicate_start';
      const open = await tx.activeSessionByIp(ip);
      if (open && Date.parse(open.started_at) > event) return 'older_start';
      await tx.closeStaleOnIp(ip, sessionId, at);
      await tx.upsertDataSession(common);
      return 'stored';
    });
  } else if (status === 'Interim-Update' || status === 'Alive') {
    await store.upsertDataSession(common);
  } else if (status === 'Stop') {
    await store.upsertDataSession({ ...common, stopped_at: at, stop_cause: String(attrs['Acct-Terminate-Cause'] ?? 'Unknown') });
  } else return 'ignored';
  return 'stored';
}

export interface RadiusListenerOptions {
  store: AssaStore;
  host: string;
  port: number;
  secret: string;
  clock: AssaClock;
  /** NAS addresses or CIDR blocks accounting is taken from; anything else is dropped unanswered. */
  clients: readonly string[];
  log: Logger;
  metrics: AssaMetrics;
}

export function startRadiusListener(opts: RadiusListenerOptions): Promise<RadiusListener> {
  const clients = addressList(opts.clients, '--radius-clients');
  const sock = dgram.createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  const refuse = (reason: string, from: dgram.RemoteInfo, extra: Record<string, unknown> = {}) => {
    opts.metrics.radius.inc({ outcome: 'refused', reason });
    opts.log.warn({ from: from.address, port: from.port, reason, ...extra }, 'radius packet refused');
  };
  // Packets being stored; close() waits for them so the store is never closed under one.
  const inFlight = new Set<Promise<void>>();
  sock.on('message', (msg, rinfo) => {
    const p = onMessage(msg, rinfo).finally(() => inFlight.delete(p));
    inFlight.add(p);
  });
  const onMessage = async (msg: Buffer, rinfo: dgram.RemoteInfo): Promise<void> => {
    if (!clients.has(rinfo.address)) return refuse('client', rinfo);
    let packet;
    try {
      packet = radius.decode({ packet: msg, secret: opts.secret });
    } catch (e) {
      // The codec checks the Request Authenticator against the secret (RFC 2866 §3); no answer at all.
      return refuse((e as Error).name === 'Invalid Secret Error' ? 'secret' : 'malformed', rinfo, { error: (e as Error).message });
    }
    if (packet.code !== 'Accounting-Request') return refuse('not_accounting', rinfo, { code: packet.code });
    const now = opts.clock.now();
    if (staleEvent(packet.attributes as Attrs, now)) return refuse('stale', rinfo, { eventTimestamp: eventTime(packet.attributes as Attrs, now).at });
    let outcome: AccountingOutcome;
    try {
      outcome = await handleAccounting(opts.store, packet.attributes as Attrs, now);
    } catch (e) {
      opts.metrics.radius.inc({ outcome: 'refused', reason: 'store' });
      opts.log.error({ err: e, from: rinfo.address }, 'radius accounting not stored; no answer, so the NAS retransmits');
      return;
    }
    if (outcome === 'older_start') return refuse('older_start', rinfo, { session: String(packet.attributes['Acct-Session-Id'] ?? '') });
    // A retransmitted (or replayed) Start is answered, so a real NAS stops resending; it changed nothing.
    opts.metrics.radius.inc({ outcome: 'accepted', reason: outcome === 'duplicate_start' ? 'duplicate' : 'ok' });
    const reply = radius.encode_response({ packet, code: 'Accounting-Response', secret: opts.secret });
    sock.send(reply, rinfo.port, rinfo.address);
  };
  return new Promise((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(opts.port, opts.host, () => {
      sock.off('error', reject);
      sock.on('error', (e) => opts.log.error({ err: e }, 'radius socket error'));
      resolve({ port: sock.address().port, close: async () => {
          await new Promise<void>((r) => sock.close(() => r()));
          await Promise.all(inFlight);
        },
      });
    });
  });
}
