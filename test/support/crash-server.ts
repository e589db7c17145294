// `assa server --demo` as a real process on a database and port that outlive it, for the
// crash tests: start it (optionally with --crash-at), kill it with SIGKILL, start it again.
// Every wait has a limit and says what it waited for, with the server's last words.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export const CRASH_NETWORK_SECRET = 'crash-test-network-secret-0123';
export const CRASH_RADIUS_SECRET = 'crash-test-radius-secret-01234';

export interface CrashServer {
  child: ChildProcess;
  stderr(): string;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

const tail = (s: string) => s.split('\n').slice(-15).join('\n');

/**
 * Spawns the server. With `until: 'listening'` resolves once it prints "listening on";
 * with `until: 'exit'` once it has exited (a --crash-at point reached during start-up).
 */
export function spawnServer(db: string, port: number, o: { crashAt?: string; until?: 'listening' | 'exit'; args?: string[]; timeoutMs?: number } = {}): Promise<CrashServer & { signal?: NodeJS.Signals | null }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ASSA_')));
  const args = ['bin/assa.js', 'server', '--demo', '--db', db, '--port', String(port), '--radius-port', '0', '--network-secret', CRASH_NETWORK_SECRET, '--radius-secret', CRASH_RADIUS_SECRET, '--rate-limit', '100000', '--log-level', 'warn', ...(o.crashAt ? ['--crash-at', o.crashAt] : []), ...(o.args ?? [])];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  // Both pipes are always read: a child blocked on a full pipe never gets to listen.
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const what = `assa server on ${db} port ${port}${o.crashAt ? ` --crash-at ${o.crashAt}` : ''}`;
  // The first start may build the UI bundle (minutes on a loaded machine); later ones take seconds.
  const limit = o.timeoutMs ?? 240_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what}: ${o.until === 'exit' ? 'did not exit' : 'did not print "listening on"'} within ${limit / 1000} s; stderr:\n${tail(err)}`));
    }, limit);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (o.until !== 'exit' && /listening on http/.test(out)) {
        clearTimeout(timer);
        resolve({ child, stderr: () => err });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (o.until === 'exit') resolve({ child, stderr: () => err, signal });
      else reject(new Error(`${what} exited (${code ?? signal}) before listening; stderr:\n${tail(err)}`));
    });
  });
}

/** Waits for a child to exit (it may have already), at most `ms`; answers the signal that ended it. */
export function exited(child: ChildProcess, what: string, ms = 30_000): Promise<NodeJS.Signals | number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.signalCode ?? child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no exit within ${ms / 1000} s`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? code);
    });
  });
}

export async function kill9(s: CrashServer, what: string): Promise<void> {
  s.child.kill('SIGKILL');
  await exited(s.child, `${what} after SIGKILL`);
}

export async function stop(s: CrashServer, what: string): Promise<void> {
  s.child.kill('SIGTERM');
  await exited(s.child, `${what} after SIGTERM`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** One HTTP request; `null` when the connection died without an answer (the server was killed). */
export function call(base: string, method: string, p: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<{ status: number; body: Json; cookies: string[] } | null> {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const r = http.request(new URL(p, base), { method, timeout: timeoutMs, headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let t = '';
      res.on('data', (c: Buffer) => (t += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: t ? JSON.parse(t) : null, cookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []) });
        } catch {
          resolve(null);
        }
      });
      res.on('error', () => resolve(null));
    });
    r.on('error', () => resolve(null));
    r.on('timeout', () => r.destroy());
    r.end(payload ?? undefined);
  });
}

/** Registers `number` with a RUNA over the network endpoint and logs in; the session's headers (cookie, CSRF). */
export async function registerAndLogin(base: string, number: string, runa: string): Promise<Record<string, string>> {
  const sms = await call(base, 'POST', '/api/v1/network/events', { type: 'sms', number, to: '2772', text: runa, at: new Date().toISOString() }, { 'x-assa-network-secret': CRASH_NETWORK_SECRET });
  if (sms?.status !== 200) throw new Error(`RUNA SMS for ${number}: ${sms?.status} ${JSON.stringify(sms?.body)}`);
  const reg = await call(base, 'POST', '/api/v1/registrations', { number, password: 'Kvitka2026', runa });
  if (reg?.status !== 201) throw new Error(`registration of ${number}: ${reg?.status} ${JSON.stringify(reg?.body)}`);
  const r = await call(base, 'POST', '/api/v1/sessions', { number, password: 'Kvitka2026' });
  if (r?.status !== 200) throw new Error(`login of ${number}: ${r?.status} ${JSON.stringify(r?.body)}`);
  const h = { cookie: r.cookies.map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': r.body.csrfToken as string };
  const terms = await call(base, 'POST', '/api/v1/terms/accept', {}, h);
  if (terms?.status !== 200) throw new Error(`terms of ${number}: ${terms?.status}`);
  return h;
}
