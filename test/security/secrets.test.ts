// Finding 1 and 10 (secrets): a server started without its secrets refuses to start, no
// secret is built into the code, and the once-published defaults open nothing. Drives the
// real `assa server` process over HTTP and real UDP.
import dgram from 'node:dgram';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import radius from 'radius';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '../integration/assa/assa-harness';
import { runToExit, startServerProcess, type ServerProcess } from './server-process';

/** The defaults the code used to carry (published in the repository's history). */
const OLD_NETWORK_SECRET = 'assa-demo-network-secret';
const OLD_RADIUS_SECRET = 'assa-demo-radius-secret';
const NET = 'operator-network-secret-4f1c';
const RAD = 'operator-radius-secret-77ab3';

let s: ServerProcess | undefined;
afterEach(async () => {
  await s?.stop();
  s = undefined;
});

function accounting(port: number, secret: string, attributes: Array<[string, string | number]>, from = '127.0.0.1'): Promise<Buffer | null> {
  const sock = dgram.createSocket('udp4');
  const packet = radius.encode({ code: 'Accounting-Request', secret, identifier: 7, attributes });
  return new Promise((resolve) => {
    sock.bind(0, from, () => {
      const t = setTimeout(() => (sock.close(), resolve(null)), 600);
      sock.on('message', (m) => (clearTimeout(t), sock.close(), resolve(m)));
      sock.send(packet, port, '127.0.0.1');
    });
  });
}
const start = (ip: string, session: string): Array<[string, string | number]> => [['Acct-Status-Type', 'Start'], ['Calling-Station-Id', '441234567'], ['Framed-IP-Address', ip], ['Acct-Session-Id', session]];

describe('secrets contract (CONTRACTS.md assa server)', () => {
  it('without --demo and without secrets: exit 2 naming the missing option', async () => {
    const none = await runToExit(['--db', ':memory:', '--port', '0', '--radius-port', '0']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--network-secret|--radius-secret/);
    const noRadius = await runToExit(['--db', ':memory:', '--port', '0', '--radius-port', '0', '--network-secret', NET]);
    expect(noRadius.code).toBe(2);
    expect(noRadius.stderr).toContain('--radius-secret');
    expect(noRadius.stderr).not.toContain(NET);
    const noNetwork = await runToExit(['--db', ':memory:', '--port', '0', '--radius-port', '0'], { ASSA_RADIUS_SECRET: RAD });
    expect(noNetwork.code).toBe(2);
    expect(noNetwork.stderr).toContain('--network-secret');
    expect(noNetwork.stdout).not.toMatch(/listening on/);
  });

  it('a bad option value is exit 2 naming its source, not a stack trace', async () => {
    const r = await runToExit(['--db', ':memory:', '--port', 'eighty'], { ASSA_RADIUS_SECRET: RAD, ASSA_NETWORK_SECRET: NET });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const env = await runToExit(['--db', ':memory:'], { ASSA_RADIUS_SECRET: RAD, ASSA_NETWORK_SECRET: NET, ASSA_PORT: '99999' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('ASSA_PORT');
  });

  it('with both secrets (flag and environment) it starts; the old built-in defaults open nothing', async () => {
    s = await startServerProcess(['--network-secret', NET], { ASSA_RADIUS_SECRET: RAD });
    const sms = (secret: string) => request(s!.url, 'POST', '/api/v1/network/events', { body: { type: 'sms', number: '441234567', to: '2772', text: '123456', at: new Date().toISOString() }, headers: { 'x-assa-network-secret': secret } });
    expect((await sms(OLD_NETWORK_SECRET)).status).toBe(401);
    expect((await sms(NET)).status).toBe(200);
    expect(await accounting(s.radiusPort, OLD_RADIUS_SECRET, start('127.10.0.9', 'a1'))).toBeNull();
    expect(await accounting(s.radiusPort, RAD, start('127.10.0.9', 'a2'))).not.toBeNull();
  });

  it('--demo without secrets draws random ones, prints them, and the old defaults are refused', async () => {
    s = await startServerProcess(['--demo']);
    const drawnNet = /drew one for this run: ([0-9a-f]{32})/.exec(s.stderr().split('\n').find((l) => l.includes('network secret')) ?? '')?.[1];
    const drawnRad = /drew one for this run: ([0-9a-f]{32})/.exec(s.stderr().split('\n').find((l) => l.includes('radius secret')) ?? '')?.[1];
    expect(drawnNet).toBeTruthy();
    expect(drawnRad).toBeTruthy();
    expect(drawnNet).not.toBe(drawnRad);
    // Finding 1, first request of the takeover: a forged 2772 event with the published default.
    const forged = await request(s.url, 'POST', '/api/v1/network/events', { body: { type: 'sms', number: '441234567', to: '2772', text: '654321', at: new Date().toISOString() }, headers: { 'x-assa-network-secret': OLD_NETWORK_SECRET } });
    expect(forged.status).toBe(401);
    // ... so registering a number one does not own with a self-made RUNA fails too.
    const reg = await request(s.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', runa: '654321' } });
    expect(reg.status).toBe(403);
    expect(reg.body.error.code).toBe('ownership_unproven');
    expect(await accounting(s.radiusPort, OLD_RADIUS_SECRET, start('127.10.0.9', 'd1'))).toBeNull();
    expect(await accounting(s.radiusPort, drawnRad!, start('127.10.0.9', 'd2'))).not.toBeNull();
  });

  it('no secret value is built into the code (src/, hardware/)', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const hits: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|js|mjs|cjs)$/.test(f) && !/\.test\./.test(f)) {
          const t = readFileSync(p, 'utf8');
          if (t.includes(OLD_NETWORK_SECRET) || t.includes(OLD_RADIUS_SECRET) || /DEFAULT_(NETWORK|RADIUS)_SECRET/.test(t)) hits.push(path.relative(root, p));
        }
      }
    };
    for (const d of ['src', 'hardware', 'electron']) walk(path.join(root, d));
    expect(hits).toEqual([]);
  });
});
