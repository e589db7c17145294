// The KDF's waiting room, fair per client address (issue 12, finding 6). A FIFO queue let
// a flood from a few addresses fill it, and a real login then waited behind the whole
// flood (12.5x its idle time). Here each address has its own short line and the free
// hash slots go round the addresses in turn (round-robin, one hash per address per
// round), so a login from an address that is not flooding waits for at most one hash per
// address that is, however many each has sent. An address may have only `perClient`
// hashes waiting; beyond that, and beyond `maxQueued` in all, a request is refused at
// once (503 + Retry-After) instead of growing the line.
import { contextSlot } from '../async-context';
import { isIPv6 } from 'node:net';
import { CodedError } from '../../shared/errors';

/** Thrown when the queue is full; `details.retryAfterS` is a fair guess of when a slot frees. */
export class KdfBusyError extends CodedError {
  constructor(readonly retryAfterS: number) {
    super('kdf_busy', 'The server is busy checking passwords; try again in a few seconds.', { details: { retryAfterS } });
  }
}

/**
 * The client a hash is computed for, set per request (the hash-budget hooks in
 * http/hardening.ts) so that the hasher's callers need not pass it along. Work outside
 * a request (CLI, jobs) is the one client `internal`.
 */
const kdfClient = contextSlot<string>('KDF client');
export const runAsKdfClient = <T>(client: string, fn: () => T): T => kdfClient.run(client, fn);
export const currentKdfClient = (): string => kdfClient.get() ?? 'internal';

/**
 * The fairness key of an address: an IPv4 address itself (also when IPv4-mapped), an IPv6
 * address by its /64 — one subscriber line or host gets a whole /64, so counting single
 * IPv6 addresses would give one machine 2^64 lines of its own.
 */
export function clientKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class FairKdfQueue {
  private active = 0;
  /** Waiting hashes per client; the Map's order is the round: the first key is served next. */
  private readonly lines = new Map<string, Array<() => void>>();
  private total = 0;
  private refused = 0;
  /** Mean time of one hash (ms), kept as a moving average for Retry-After. */
  private meanMs = 0;

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
    readonly perClient: number,
  ) {}

  get running(): number {
    return this.active;
  }
  get queued(): number {
    return this.total;
  }
  /** Addresses with at least one hash waiting. */
  get waitingClients(): number {
    return this.lines.size;
  }
  get rejected(): number {
    return this.refused;
  }

  async run<T>(client: string, fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      const line = this.lines.get(client);
      if (this.total >= this.maxQueued || (line?.length ?? 0) >= this.perClient) {
        this.refused++;
        // Until this client's turn comes round again: one hash for each waiting client.
        const waitMs = ((Math.min(this.lines.size, this.total) + this.concurrency) / this.concurrency) * (this.meanMs || 500);
        throw new KdfBusyError(Math.max(1, Math.ceil(waitMs / 1000)));
      }
      // A client new to the round joins its end; one already in it keeps its place.
      await new Promise<void>((r) => {
        if (line) line.push(r);
        else this.lines.set(client, [r]);
        this.total++;
      });
    } else {
      this.active++;
    }
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const ms = performance.now() - t0;
      this.meanMs = this.meanMs ? this.meanMs * 0.8 + ms * 0.2 : ms;
      this.handOver();
    }
  }

  /** The finishing hash hands its slot to the next client in the round (`active` stays counted for it). */
  private handOver(): void {
    const next = this.lines.entries().next();
    if (next.done) {
      this.active--;
      return;
    }
    const [client, line] = next.value;
    const go = line.shift()!;
    this.lines.delete(client);
    if (line.length) this.lines.set(client, line); // to the end of the round
    this.total--;
    go();
  }
}
