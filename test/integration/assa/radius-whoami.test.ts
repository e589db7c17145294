// A-NET-1, A-NUM-3, A-REG-3a on real UDP: RADIUS accounting from FreeRADIUS's radclient
// and from the radius codec; whoami and registration from the session's own address
// (127.10.0.7: Linux routes all of 127/8 to loopback, so the test can send from it).
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import radius from 'radius';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, startHarness, TEST_RADIUS_SECRET, type Harness } from './assa-harness';

const run = promisify(execFile);
const hasRadclient = ['/usr/bin/radclient', '/usr/local/bin/radclient'].some((p) => existsSync(p));
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

async function radclient(status: 'Start' | 'Stop', ip: string, extra = ''): Promise<string> {
  const attrs = `Acct-Status-Type = ${status}\nCalling-Station-Id = "0441234567"\nUser-Name = "441234567"\nFramed-IP-Address = ${ip}\nAcct-Session-Id = "sess-7"\nNAS-IP-Address = 127.0.0.1\n${extra}`;
  const child = run('radclient', ['-x', '-r', '2', '-t', '2', `127.0.0.1:${h.assa.radiusPort}`, 'acct', TEST_RADIUS_SECRET]);
  child.child.stdin!.end(attrs);
  return (await child).stdout;
}

/** Sends one accounting packet with the codec; resolves with the reply or null after 500 ms. */
function sendAccounting(secret: string, attributes: Array<[string, string | number]>, identifier = 9): Promise<Buffer | null> {
  const sock = dgram.createSocket('udp4');
  const packet = radius.encode({ code: 'Accounting-Request', secret, identifier, attributes });
  return new Promise((resolve) => {
    const t = setTimeout(() => (sock.close(), resolve(null)), 500);
    sock.on('message', (m) => (clearTimeout(t), sock.close(), resolve(m)));
    sock.send(packet, h.assa.radiusPort, '127.0.0.1');
  });
}

describe('A-NET-1 RADIUS accounting → A-NUM-3 / A-REG-3a', () => {
  it.skipIf(!hasRadclient)('radclient Start for 441234567 at 127.10.0.7: whoami there answers the number, registration needs no RUNA; from 127.0.0.1 it is refused', async () => {
    const out = await radclient('Start', '127.10.0.7');
    expect(out).toMatch(/Accounting-Response/);
    const who = await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.7' });
    expect(who).toMatchObject({ status: 200, body: { number: '441234567' } });
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami')).body.error.code).toBe('not_on_subscriber_link');
    const refused = await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026' } });
    expect(refused.body.error.code).toBe('ownership_unproven');
    const ok = await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026' }, from: '127.10.0.7' });
    expect(ok).toMatchObject({ status: 201, body: { provedBy: 'data-session' } });
  });

  it.skipIf(!hasRadclient)('a Stop ends the session (no more whoami) and keeps it as an A-DET-2 record with Gigawords counted', async () => {
    await radclient('Start', '127.10.0.8');
    await radclient('Stop', '127.10.0.8', 'Acct-Input-Octets = 1000\nAcct-Output-Octets = 5000\nAcct-Output-Gigawords = 1\nAcct-Session-Time = 120\nAcct-Terminate-Cause = User-Request\n');
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.8' })).status).toBe(404);
    const rows = await h.assa.ctx.store.dataSessions('441234567', '2000-01-01', '2100-01-01');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ip: '127.10.0.8', in_bytes: 2 ** 32 + 5000, out_bytes: 1000, seconds: 120, stop_cause: 'User-Request' });
    expect(rows[0]!.stopped_at).not.toBeNull();
  });

  it('answers a packet with the right secret and ignores one with a wrong secret', async () => {
    const attrs: Array<[string, string | number]> = [['Acct-Status-Type', 'Start'], ['User-Name', '441234568'], ['Framed-IP-Address', '127.10.0.9'], ['Acct-Session-Id', 'x1']];
    expect(await sendAccounting('not-the-secret', attrs)).toBeNull();
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.9' })).status).toBe(404);
    const reply = await sendAccounting(TEST_RADIUS_SECRET, attrs);
    expect(reply).not.toBeNull();
    expect(radius.decode({ packet: reply!, secret: TEST_RADIUS_SECRET }).code).toBe('Accounting-Response');
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.9' })).body.number).toBe('441234568');
  });

  it('an Interim-Update keeps the session open and counts Gigawords; the number comes from Calling-Station-Id in any A-NUM-1 form; the reply authenticator checks out', async () => {
    const base: Array<[string, string | number]> = [['Calling-Station-Id', '+380 44 123-45-68'], ['User-Name', 'ignored-when-calling-station-is-set'], ['Framed-IP-Address', '127.10.0.11'], ['Acct-Session-Id', 'int-1']];
    const sent = radius.encode({ code: 'Accounting-Request', secret: TEST_RADIUS_SECRET, identifier: 21, attributes: [['Acct-Status-Type', 'Start'], ...base] });
    const startReply = await sendAccounting(TEST_RADIUS_SECRET, [['Acct-Status-Type', 'Start'], ...base], 21);
    expect(startReply).not.toBeNull();
    // The Response Authenticator is MD5(reply with the request's authenticator + secret) (RFC 2866 §3).
    expect(radius.verify_response({ response: startReply!, request: sent, secret: TEST_RADIUS_SECRET })).toBe(true);
    const interim = await sendAccounting(TEST_RADIUS_SECRET, [['Acct-Status-Type', 'Interim-Update'], ...base, ['Acct-Input-Octets', 10], ['Acct-Input-Gigawords', 2], ['Acct-Output-Octets', 300], ['Acct-Session-Time', 60]], 22);
    expect(radius.decode({ packet: interim!, secret: TEST_RADIUS_SECRET }).code).toBe('Accounting-Response');
    const [row] = await h.assa.ctx.store.dataSessions('441234568', '2000-01-01', '2100-01-01');
    expect(row).toMatchObject({ ip: '127.10.0.11', out_bytes: 2 * 2 ** 32 + 10, in_bytes: 300, seconds: 60, stopped_at: null });
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.11' })).body).toEqual({ number: '441234568' });
  });
});
