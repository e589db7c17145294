// A real ASSA server for a test: a SQLite file in a temp folder (or, with
// ASSA_TEST_ENGINE=postgres, a fresh PostgreSQL database: CI's second pass), HTTP on 127.0.0.1:0,
// RADIUS on a free UDP port, a clock the test moves, a cheap KDF (the strong default is
// asserted separately), mail to an outbox folder or a real SMTP server.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startAssa, type EmbeddedAssa, type StartAssaOptions } from '../../../src/assa/embedded';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER } from '../../../src/shared/network-contract';
import { testDatabase } from '../../support/postgres';

/** The secrets every harness server is started with (no secret is built into the code). */
export const TEST_NETWORK_SECRET = 'harness-network-secret-0123456789';
export const TEST_RADIUS_SECRET = 'harness-radius-secret-0123456789';

export interface Harness {
  assa: EmbeddedAssa;
  dir: string;
  /** The database it runs on: a SQLite file path or a PostgreSQL URL. */
  dbTarget: string;
  clock: { t: number; now(): number; advance(ms: number): void };
  outbox(): string[];
  close(): Promise<void>;
}

export async function startHarness(extra: Partial<StartAssaOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-it-'));
  const clock = {
    t: Date.parse('2026-11-17T10:00:00Z'),
    now() {
      return this.t;
    },
    advance(ms: number) {
      this.t += ms;
    },
  };
  const db = await testDatabase(dir);
  const assa = await startAssa({
    dbPath: db.target,
    port: 0,
    radiusPort: 0,
    demo: true,
    networkSecret: TEST_NETWORK_SECRET,
    radiusSecret: TEST_RADIUS_SECRET,
    kdf: { N: 1024, r: 8, p: 1 },
    clock,
    mailOutboxDir: path.join(dir, 'outbox'),
    // Generous limits: these tests are about features; test/security checks the real ones.
    config: { rateLimit: { global: 10_000, login: 1000, registration: 1000 }, hashBudget: { max: 100_000, windowMs: 60_000 }, failedLoginBudget: { max: 100_000, windowMs: 60_000 } },
    ...extra,
  });
  return {
    assa,
    dir,
    dbTarget: extra.dbPath ?? db.target,
    clock,
    outbox: () => {
      try {
        return readdirSync(path.join(dir, 'outbox')).sort().map((f) => readFileSync(path.join(dir, 'outbox', f), 'utf8'));
      } catch {
        return [];
      }
    },
    async close() {
      await assa.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: http.IncomingHttpHeaders;
}

/** One HTTP request, optionally from a given local address (127.10.x.y is a subscriber's session address). */
export function request(base: string, method: string, p: string, opts: { body?: unknown; cookie?: string; headers?: Record<string, string>; from?: string } = {}): Promise<Res> {
  const payload = opts.body === undefined ? null : Buffer.from(JSON.stringify(opts.body));
  return new Promise((resolve, reject) => {
    const r = http.request(
      new URL(p, base),
      {
        method,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
        ...(opts.from ? { localAddress: opts.from } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    r.on('error', reject);
    r.end(payload ?? undefined);
  });
}

/** A browser-like client: keeps the cookies and echoes the CSRF token on writes. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly from?: string,
  ) {}
  get csrf(): string | undefined {
    return this.cookies.get('assa_csrf');
  }
  async call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const h = { ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers };
    const res = await request(this.base, method, p, { body, ...(cookie ? { cookie } : {}), headers: h, ...(this.from ? { from: this.from } : {}) });
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      const value = v.join('=');
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k!.trim());
      else this.cookies.set(k!.trim(), value);
    }
    return res;
  }
  async login(number: string, password: string): Promise<Res> {
    return this.call('POST', '/api/v1/sessions', { number, password });
  }
}

/**
 * Registers numbers the way a subscriber does (A-REG-1): the network's 2772 SMS with the
 * RUNA, then POST /registrations with it; refuses to go on unless each answers 201.
 */
export async function registerNumbers(base: string, subscribers: ReadonlyArray<{ number: string; runa: string; email?: string }>, password = 'Kvitka2026'): Promise<void> {
  for (const s of subscribers) {
    await networkSms(base, s.number, s.runa);
    const r = await request(base, 'POST', '/api/v1/registrations', { body: { number: s.number, password, runa: s.runa, ...(s.email ? { email: s.email } : {}) } });
    if (r.status !== 201) throw new Error(`registering ${s.number} answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
}
/** The two demo numbers most suites register (password Kvitka2026). */
export const TWO_SUBSCRIBERS = [
  { number: '441234567', runa: '100001' },
  { number: '441234568', runa: '100002' },
] as const;

/** The network's 2772 event (A-NET-2), as the virtual modem's network side sends it. */
export function networkSms(base: string, number: string, text: string, secret = TEST_NETWORK_SECRET): Promise<Res> {
  return request(base, 'POST', NETWORK_EVENTS_PATH, { body: { type: 'sms', number, to: '2772', text, at: new Date().toISOString() }, headers: { [NETWORK_SECRET_HEADER]: secret } });
}
export function networkDial(base: string, number: string, digits: string, secret = TEST_NETWORK_SECRET): Promise<Res> {
  return request(base, 'POST', NETWORK_EVENTS_PATH, { body: { type: 'dial', number, digits, at: new Date().toISOString() }, headers: { [NETWORK_SECRET_HEADER]: secret } });
}
