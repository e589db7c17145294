// Finding 10 (RADIUS): accounting only from the configured NAS addresses, with the
// shared secret, over real UDP — radclient (FreeRADIUS) as the NAS, and the codec.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { promisify } from 'node:util';
import radius from 'radius';
import { afterEach, describe, expect, it } from 'vitest';
import { request, startHarness, TEST_RADIUS_SECRET, type Harness } from '../integration/assa/assa-harness';

const run = promisify(execFile);
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function accounting(port: number, attributes: Array<[string, string | number]>, from: string, secret = TEST_RADIUS_SECRET): Promise<Buffer | null> {
  const sock = dgram.createSocket('udp4');
  const packet = radius.encode({ code: 'Accounting-Request', secret, identifier: 5, attributes });
  return new Promise((resolve) => {
    sock.bind(0, from, () => {
      const t = setTimeout(() => (sock.close(), resolve(null)), 600);
      sock.on('message', (m) => (clearTimeout(t), sock.close(), resolve(m)));
      sock.send(packet, port, '127.0.0.1');
    });
  });
}
const start = (ip: string, session: string): Array<[string, string | number]> => [['Acct-Status-Type', 'Start'], ['Calling-Station-Id', '441234568'], ['Framed-IP-Address', ip], ['Acct-Session-Id', session]];

describe('RADIUS accounting only from configured NAS addresses', () => {
  it('a packet with the right secret from an address not in --radius-clients is dropped unanswered and changes nothing', async () => {
    h = await startHarness({ radiusClients: ['127.0.0.2'] });
    // An attacker on another host (here 127.0.0.9) who learned the secret claims 127.10.0.40 for 441234568.
    expect(await accounting(h.assa.radiusPort, start('127.10.0.40', 'x1'), '127.0.0.9')).toBeNull();
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.40' })).status).toBe(404);
    // The configured NAS is answered and its session counts.
    expect(await accounting(h.assa.radiusPort, start('127.10.0.40', 'x2'), '127.0.0.2')).not.toBeNull();
    expect((await request(h.assa.url, 'GET', '/api/v1/whoami', { from: '127.10.0.40' })).body).toEqual({ number: '441234568' });
    const m = String((await request(h.assa.url, 'GET', '/metrics')).body);
    expect(m).toMatch(/assa_radius_packets_total\{outcome="refused",reason="client"\} 1/);
  });

  it('CIDR blocks work, and radclient from an allowed address is answered', async () => {
    h = await startHarness({ radiusClients: ['127.0.0.0/30'] });
    const child = run('radclient', ['-x', '-r', '1', '-t', '2', `127.0.0.1:${h.assa.radiusPort}`, 'acct', TEST_RADIUS_SECRET]);
    child.child.stdin!.end('Acct-Status-Type = Start\nCalling-Station-Id = "441234568"\nFramed-IP-Address = 127.10.0.41\nAcct-Session-Id = "rc-1"\n');
    expect((await child).stdout).toMatch(/Accounting-Response/);
    expect(await accounting(h.assa.radiusPort, start('127.10.0.42', 'x3'), '127.0.0.3')).not.toBeNull();
    expect(await accounting(h.assa.radiusPort, start('127.10.0.43', 'x4'), '127.0.0.4')).toBeNull();
  });

  it('a bad --radius-clients entry is a clear error at start', async () => {
    await expect(startHarness({ radiusClients: ['10.0.0.0/33'] })).rejects.toMatchObject({ code: 'invalid_option' });
  });
});
