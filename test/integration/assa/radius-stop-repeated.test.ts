// Issue 13 item 8: a repeated RADIUS Stop (the NAS retransmits it, or sends a second one
// with another cause) is the same session ending once: FreeRADIUS's radclient sends Start,
// Stop and Stop again; the record keeps the first Stop's time and cause, its counters are
// not added twice, and the details and the month's usage show one session.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, networkSms, request, startHarness, TEST_RADIUS_SECRET, type Harness } from './assa-harness';

const run = promisify(execFile);
const hasRadclient = ['/usr/bin/radclient', '/usr/local/bin/radclient'].some((p) => existsSync(p));
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

async function radclient(lines: string): Promise<string> {
  const child = run('radclient', ['-x', '-r', '2', '-t', '2', `127.0.0.1:${h.assa.radiusPort}`, 'acct', TEST_RADIUS_SECRET]);
  child.child.stdin!.end(`Calling-Station-Id = "0441234567"\nUser-Name = "441234567"\nFramed-IP-Address = 127.10.0.9\nAcct-Session-Id = "sess-stop-twice"\nNAS-IP-Address = 127.0.0.1\n${lines}`);
  return (await child).stdout;
}

describe('RADIUS Stop is idempotent (issue 13)', () => {
  it.skipIf(!hasRadclient)('Start, Stop, Stop again (later, another cause, same counters): one session, the first Stop’s end, bytes counted once', async () => {
    await radclient('Acct-Status-Type = Start\n');
    h.clock.advance(120_000);
    const firstStop = new Date(h.clock.now()).toISOString();
    expect(await radclient('Acct-Status-Type = Stop\nAcct-Input-Octets = 7000000\nAcct-Output-Octets = 3000000\nAcct-Session-Time = 120\nAcct-Terminate-Cause = User-Request\n')).toMatch(/Accounting-Response/);
    await networkSms(h.assa.url, '441234567', '100001');
    expect((await request(h.assa.url, 'POST', '/api/v1/registrations', { body: { number: '441234567', password: 'Kvitka2026', runa: '100001' } })).status).toBe(201);
    const c = new Client(h.assa.url);
    expect((await c.login('441234567', 'Kvitka2026')).status).toBe(200);
    expect((await c.call('POST', '/api/v1/terms/accept', {})).status).toBe(200);
    const before = (await c.call('GET', '/api/v1/account')).body;
    h.clock.advance(30_000);
    // The same Stop again, 30 s later, as a NAS that lost our answer (or a second NAS process) sends it.
    expect(await radclient('Acct-Status-Type = Stop\nAcct-Input-Octets = 7000000\nAcct-Output-Octets = 3000000\nAcct-Session-Time = 150\nAcct-Terminate-Cause = Lost-Carrier\n')).toMatch(/Accounting-Response/);
    const rows = await h.assa.ctx.store.dataSessions('441234567', '2000-01-01', '2100-01-01');
    expect(rows.filter((r) => r.session_id === 'sess-stop-twice')).toHaveLength(1);
    expect(rows.find((r) => r.session_id === 'sess-stop-twice')).toMatchObject({ stop_cause: 'User-Request', stopped_at: firstStop, in_bytes: 3000000, out_bytes: 7000000 });
    const after = (await c.call('GET', '/api/v1/account')).body;
    expect(after.balance).toBe(before.balance);
    expect(after.packages).toEqual(before.packages);
    // A-DET-2: one session in the details, its cost and the period's cost total 0 (data is in the plan).
    const d = await c.call('GET', `/api/v1/details?kind=sessions&from=2026-11-17T09:00:00Z&to=2026-11-17T11:00:00Z`);
    expect(d.body.items).toHaveLength(1);
    expect(d.body.items[0]).toMatchObject({ cost: 0, seconds: 120, stopCause: 'User-Request' });
    expect(d.body.periodTotals).toEqual({ count: 1, seconds: 120, inBytes: 3000000, outBytes: 7000000, cost: 0 });
  });
});
