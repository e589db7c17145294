// The access server's RADIUS accounting client (APP.md V-3, ASSA.md A-NET-1, RFC 2866):
// Start, Interim-Update and Stop for each data session, sent over real UDP and
// retransmitted until an Accounting-Response whose authenticator checks out, a bounded
// number of times. Octet counts are from the NAS's view: Input = sent by the subscriber.
import dgram from 'node:dgram';
import { radius, type RadiusAttributeValue } from './radius-lib';

export interface RadiusTarget {
  host: string;
  port: number;
  secret: string;
}

export type AcctStatus = 'Start' | 'Interim-Update' | 'Stop';

export interface AccountingRecord {
  status: AcctStatus;
  sessionId: string;
  number: string;
  ip: string;
  /** Seconds since the session began. */
  sessionTime: number;
  /** Bytes the subscriber sent (modem upload). */
  inputOctets: number;
  /** Bytes the subscriber received (modem download). */
  outputOctets: number;
  terminateCause?: 'User-Request' | 'Lost-Carrier' | 'Lost-Service' | 'Port-Error';
  eventTime: Date;
}

export interface AccountingResult {
  acknowledged: boolean;
  attempts: number;
}

export interface RadiusAccountingOptions {
  target: RadiusTarget;
  nasIp?: string;
  /** Wait for a response before resending. */
  timeoutMs?: number;
  /** Total tries, first send included. */
  attempts?: number;
}

const GIGA = 2 ** 32;

export function accountingAttributes(r: AccountingRecord, nasIp: string): [string, RadiusAttributeValue][] {
  const attrs: [string, RadiusAttributeValue][] = [
    ['Acct-Status-Type', r.status],
    ['Acct-Session-Id', r.sessionId],
    ['User-Name', r.number],
    ['Calling-Station-Id', r.number],
    ['Framed-IP-Address', r.ip],
    ['NAS-IP-Address', nasIp],
    ['Event-Timestamp', r.eventTime],
  ];
  if (r.status !== 'Start') {
    attrs.push(
      ['Acct-Session-Time', Math.floor(r.sessionTime)],
      ['Acct-Input-Octets', r.inputOctets % GIGA],
      ['Acct-Output-Octets', r.outputOctets % GIGA],
      ['Acct-Input-Gigawords', Math.floor(r.inputOctets / GIGA)],
      ['Acct-Output-Gigawords', Math.floor(r.outputOctets / GIGA)],
    );
  }
  if (r.status === 'Stop' && r.terminateCause) attrs.push(['Acct-Terminate-Cause', r.terminateCause]);
  return attrs;
}

export class RadiusAccountingClient {
  private socket: dgram.Socket | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { request: Buffer; done: () => void }>();

  constructor(private readonly opts: RadiusAccountingOptions) {}

  private ensureSocket(): dgram.Socket {
    if (this.socket) return this.socket;
    const s = dgram.createSocket(this.opts.target.host.includes(':') ? 'udp6' : 'udp4');
    s.on('message', (msg) => {
      const id = msg[1];
      if (id === undefined) return;
      const p = this.pending.get(id);
      if (!p) return;
      // a response with a wrong authenticator (wrong secret) is ignored, as RFC 2866 says
      if (radius.verify_response({ request: p.request, response: msg, secret: this.opts.target.secret })) p.done();
    });
    s.on('error', () => undefined); // ICMP unreachable etc.: the retransmit loop decides
    s.unref();
    this.socket = s;
    return s;
  }

  send(record: AccountingRecord): Promise<AccountingResult> {
    const socket = this.ensureSocket();
    const identifier = this.nextId;
    this.nextId = (this.nextId + 1) % 256;
    const request = radius.encode({
      code: 'Accounting-Request',
      secret: this.opts.target.secret,
      identifier,
      attributes: accountingAttributes(record, this.opts.nasIp ?? '127.0.0.1'),
    });
    const maxAttempts = this.opts.attempts ?? 3;
    const timeoutMs = this.opts.timeoutMs ?? 1000;
    return new Promise((resolve) => {
      let attempts = 0;
      let timer: NodeJS.Timeout | null = null;
      const finish = (acknowledged: boolean) => {
        if (timer) clearTimeout(timer);
        this.pending.delete(identifier);
        resolve({ acknowledged, attempts });
      };
      this.pending.set(identifier, { request, done: () => finish(true) });
      const attempt = () => {
        if (attempts >= maxAttempts) return finish(false);
        attempts++;
        socket.send(request, this.opts.target.port, this.opts.target.host);
        timer = setTimeout(attempt, timeoutMs);
      };
      attempt();
    });
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
  }
}

/** "HOST:PORT" (or "[v6]:PORT") as given to `assa sim --radius`. */
export function parseHostPort(s: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(s.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port > 0 && port < 65536)) throw new RangeError(`expected HOST:PORT, got "${s}"`);
  return { host: (m[1] ?? m[2])!, port };
}
