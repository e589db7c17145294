// Finding 10 (RADIUS replay) with FreeRADIUS's radclient as the NAS: its real packets are
// captured off the wire and sent again byte for byte, as an attacker on the path would.
// A replayed old Start never takes the owner's IP-to-number mapping; a packet whose
// Event-Timestamp is more than 300 s from the server's clock is dropped (both sides); a
// Start older than the session open on that address does not displace it.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request, startHarness, TEST_RADIUS_SECRET, type Harness } from '../integration/assa/assa-harness';

/** The window, written out (not imported) so that a change to the rule fails here. */
const WINDOW_S = 300;
const run = promisify(execFile);
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const attrs = (a: { status: string; number: string; ip: string; session: string; eventS?: number }) =>
  `Acct-Status-Type = ${a.status}\nCalling-Station-Id = "${a.number}"\nFramed-IP-Address = ${a.ip}\nAcct-Session-Id = "${a.session}"\nNAS-IP-Address = 127.0.0.1\n${a.eventS !== undefined ? `Event-Timestamp = ${a.eventS}\n` : ''}`;

/** The exact bytes radclient puts on the wire for `text` (sent to a socket of ours that never answers). */
async function capture(text: string): Promise<Buffer> {
  const sock = dgram.createSocket('udp4');
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  const got = new Promise<Buffer>((r) => sock.once('message', (m) => r(m)));
  const child = run('radclient', ['-r', '1', '-t', '1', `127.0.0.1:${sock.address().port}`, 'acct', TEST_RADIUS_SECRET]);
  child.child.stdin!.end(text);
  const bytes = await got;
  await child.catch(() => undefined); // it times out: nobody answers it
  sock.close();
  return bytes;
}

/** Sends captured bytes to the server; true when answered within 800 ms. */
function replay(bytes: Buffer): Promise<boolean> {
  const sock = dgram.createSocket('udp4');
  return new Promise((resolve) => {
    sock.bind(0, '127.0.0.1', () => {
      const t = setTimeout(() => (sock.close(), resolve(false)), 800);
      sock.on('message', () => (clearTimeout(t), sock.close(), resolve(true)));
      sock.send(bytes, h.assa.radiusPort, '127.0.0.1');
    });
  });
}

async function send(text: string): Promise<boolean> {
  const child = run('radclient', ['-x', '-r', '1', '-t', '1', `127.0.0.1:${h.assa.radiusPort}`, 'acct', TEST_RADIUS_SECRET]);
  child.child.stdin!.end(text);
  try {
    return /Accounting-Response/.test((await child).stdout);
  } catch {
    return false; // radclient exits non-zero when nothing answers
  }
}

const whoami = async (ip: string) => (await request(h.assa.url, 'GET', '/api/v1/whoami', { from: ip })).body?.number as string | undefined;
const nowS = () => Math.floor(h.clock.now() / 1000);

describe('RADIUS replays', () => {
  it('a captured old Start sent again after the owner got the address changes nothing (answered, so a NAS stops resending)', async () => {
    const ip = '127.10.0.50';
    const old = await capture(attrs({ status: 'Start', number: '441234567', ip, session: 'old-1', eventS: nowS() }));
    expect(await replay(old)).toBe(true); // the first delivery is the NAS's real Start
    expect(await whoami(ip)).toBe('441234567');
    expect(await send(attrs({ status: 'Stop', number: '441234567', ip, session: 'old-1', eventS: nowS() }))).toBe(true);
    h.clock.advance(30_000);
    expect(await send(attrs({ status: 'Start', number: '441234568', ip, session: 'new-1', eventS: nowS() }))).toBe(true);
    expect(await whoami(ip)).toBe('441234568');
    // The attacker replays the old Start byte for byte.
    expect(await replay(old)).toBe(true);
    expect(await whoami(ip)).toBe('441234568');
    const m = String((await request(h.assa.url, 'GET', '/metrics')).body);
    expect(m).toMatch(/assa_radius_packets_total\{outcome="accepted",reason="duplicate"\} 1/);
  });

  it(`Event-Timestamp ${WINDOW_S} s old is taken; ${WINDOW_S + 1} s old is dropped unanswered and changes nothing`, async () => {
    const t = nowS();
    const edge = await capture(attrs({ status: 'Start', number: '441234567', ip: '127.10.0.51', session: 'edge-1', eventS: t }));
    const late = await capture(attrs({ status: 'Start', number: '441234567', ip: '127.10.0.52', session: 'late-1', eventS: t }));
    h.clock.advance(WINDOW_S * 1000);
    expect(await replay(edge)).toBe(true);
    expect(await whoami('127.10.0.51')).toBe('441234567');
    h.clock.advance(1000);
    expect(await replay(late)).toBe(false);
    expect(await whoami('127.10.0.52')).toBeUndefined();
    // From the future too (a NAS clock far ahead is as untrustworthy as a replay).
    expect(await send(attrs({ status: 'Start', number: '441234567', ip: '127.10.0.53', session: 'future-1', eventS: nowS() + WINDOW_S + 1 }))).toBe(false);
    expect(await whoami('127.10.0.53')).toBeUndefined();
    const m = String((await request(h.assa.url, 'GET', '/metrics')).body);
    expect(m).toMatch(/assa_radius_packets_total\{outcome="refused",reason="stale"\} 2/);
  });

  it('a new Start that claims to be older than the session open on the address does not displace it', async () => {
    const ip = '127.10.0.54';
    expect(await send(attrs({ status: 'Start', number: '441234568', ip, session: 'own-1', eventS: nowS() }))).toBe(true);
    h.clock.advance(60_000);
    expect(await send(attrs({ status: 'Start', number: '441234567', ip, session: 'forged-1', eventS: nowS() - 90 }))).toBe(false);
    expect(await whoami(ip)).toBe('441234568');
    // A genuinely newer Start on that address (the NAS gave it to someone else) does take it.
    expect(await send(attrs({ status: 'Start', number: '441234567', ip, session: 'next-1', eventS: nowS() }))).toBe(true);
    expect(await whoami(ip)).toBe('441234567');
  });
});
