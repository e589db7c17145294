// Stateless nodes (issue 11): two real `assa server` processes on one PostgreSQL database
// serve the same subscribers. RADIUS accounting (FreeRADIUS's radclient) reaches node A,
// and whoami and a RUNA-less registration over the subscriber's link answer through B;
// a login on A is a session on B; the month start, due when both start at once, is
// applied once. Needs PostgreSQL (ASSA_TEST_PG_URL or a private cluster), else skipped
// with the reason printed.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyivMonth } from '../../../src/shared/kyiv-time';
import { AssaStore } from '../../../src/assa/store/assa-store';
import { loadDemoData } from '../../../src/assa/store/demo-data';
import { openStoreEngine } from '../../../src/assa/store/open-database';
import { freshDatabase, postgresUnavailable, type FreshDatabase } from '../../support/postgres';
import { LISTENING, radiusPortOf, waitForOutput } from '../../support/child-output';
import { Client, request } from './assa-harness';

const noPg = await postgresUnavailable();
const hasRadclient = ['/usr/bin/radclient', '/usr/local/bin/radclient'].some((p) => existsSync(p));
const run = promisify(execFile);
const NETWORK_SECRET = 'two-nodes-network-secret-0123';
const RADIUS_SECRET = 'two-nodes-radius-secret-01234';

interface Node {
  url: string;
  radiusPort: number;
  child: ChildProcess;
  stderr: () => string;
}

function startNode(db: string, dir: string): Promise<Node> {
  const child = spawn(process.execPath, [path.resolve('bin/assa.js'), 'server', '--demo', '--db', db, '--db-pool', '4', '--port', '0', '--radius-port', '0', '--network-secret', NETWORK_SECRET, '--radius-secret', RADIUS_SECRET, '--rate-limit', '100000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: dir,
  });
  return waitForOutput(child, LISTENING, { name: 'assa server' }).then((r) => ({ url: r.match[1]!, radiusPort: radiusPortOf(r.stderr()), child, stderr: r.stderr }));
}

async function stop(n: Node | undefined) {
  if (!n || n.child.exitCode !== null) return;
  const exited = new Promise((r) => n.child.once('exit', r));
  n.child.kill('SIGTERM');
  await exited;
}

describe.skipIf(noPg)('two assa server processes on one PostgreSQL database', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-two-nodes-'));
  let pg: FreshDatabase;
  let a: Node;
  let b: Node;
  let month = '';
  beforeAll(async () => {
    pg = await freshDatabase('two_nodes');
    // The database as a running deployment leaves it: the demo subscribers, an earlier
    // month billed, this month not yet. Both nodes then start at once, each with its
    // billing tick finding this month's start due.
    const store = new AssaStore(await openStoreEngine(pg.url));
    month = kyivMonth(Date.now());
    await loadDemoData(store, Date.now());
    // The demo data counts this month as billed already: take that back.
    await store.db.deleteFrom('billing_runs').where('month', '=', month).execute();
    await store.money.markBillingRun('2000-01', new Date().toISOString());
    await store.close();
    [a, b] = await Promise.all([startNode(pg.url, dir), startNode(pg.url, dir)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the month start due when both nodes started at once was applied once', async () => {
    const store = new AssaStore(await openStoreEngine(pg.url));
    try {
      expect(await store.money.billingRan(month)).toBe(true);
      const fees = await store.db.selectFrom('movements').select(['number']).where('kind', '=', 'fee').where('ref', '=', `fee:${month}`).execute();
      // The demo's 441234568 has exactly its fee (15000 of 15000); the others are short and blocked.
      expect(fees.map((f) => f.number)).toEqual(['441234568']);
      expect(await store.money.balance('441234568')).toBe(0);
      expect((await store.subscriber('441234567'))?.status).toBe('blocked');
      const runs = await store.db.selectFrom('billing_runs').select('month').where('month', '=', month).execute();
      expect(runs).toHaveLength(1);
    } finally {
      await store.close();
    }
    // Each node counts its own billing runs: one ran it, the other found it done or skipped.
    const ran = await Promise.all([a, b].map(async (n) => /assa_billing_runs_total\{result="ran"\} (\d+)/.exec((await request(n.url, 'GET', '/metrics')).body)?.[1] ?? '0'));
    expect(ran.map(Number).sort()).toEqual([0, 1]);
  });

  it.skipIf(!hasRadclient)('RADIUS Start to node A: whoami and a registration without RUNA over the link answer through node B', async () => {
    const attrs = 'Acct-Status-Type = Start\nCalling-Station-Id = "0441234568"\nFramed-IP-Address = 127.10.0.21\nAcct-Session-Id = "two-nodes-1"\nNAS-IP-Address = 127.0.0.1\n';
    const child = run('radclient', ['-x', '-r', '2', '-t', '2', `127.0.0.1:${a.radiusPort}`, 'acct', RADIUS_SECRET]);
    child.child.stdin!.end(attrs);
    expect((await child).stdout).toMatch(/Accounting-Response/);
    expect(await request(b.url, 'GET', '/api/v1/whoami', { from: '127.10.0.21' })).toMatchObject({ status: 200, body: { number: '441234568' } });
    expect((await request(b.url, 'GET', '/api/v1/whoami')).body.error.code).toBe('not_on_subscriber_link');
    const reg = await request(b.url, 'POST', '/api/v1/registrations', { body: { number: '441234568', password: 'Kvitka2026' }, from: '127.10.0.21' });
    expect(reg, JSON.stringify(reg.body)).toMatchObject({ status: 201, body: { provedBy: 'data-session' } });
  });

  it('a login on node A is a session on node B (its cookie reads the account there), and a logout on B ends it on A', async () => {
    // Registered over the link above; without radclient, with a RUNA here.
    const code = '246810';
    if (!hasRadclient) await request(a.url, 'POST', '/api/v1/network/events', { body: { type: 'sms', number: '441234568', to: '2772', text: code, at: new Date().toISOString() }, headers: { 'x-assa-network-secret': NETWORK_SECRET } });
    if (!hasRadclient) expect((await request(b.url, 'POST', '/api/v1/registrations', { body: { number: '441234568', password: 'Kvitka2026', runa: code } })).status).toBe(201);
    const onA = new Client(a.url);
    expect((await onA.login('441234568', 'Kvitka2026')).status).toBe(200);
    const onB = new Client(b.url);
    onB.cookies = new Map(onA.cookies);
    const account = await onB.call('GET', '/api/v1/account');
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ number: '441234568' });
    expect((await onB.call('DELETE', '/api/v1/sessions/current')).status).toBe(204);
    expect((await onA.call('GET', '/api/v1/account')).status).toBe(401);
  });

  it('20 transfers and 4 scratch cards at once on one number, split across A and B: every one answered, none 5xx, the ledger and the monthly limit kept', async () => {
    const payer = '441230001';
    const payee = '441230002';
    const start = 200_000;
    const vouchers = Array.from({ length: 4 }, (_, i) => ({ code: `770000000000${String(i + 1).padStart(2, '0')}`, amount: 1000 * (i + 1) }));
    const store = new AssaStore(await openStoreEngine(pg.url));
    try {
      const tariff = (await store.money.tariffs())[0]!.id;
      const at = new Date().toISOString();
      for (const number of [payer, payee]) await store.insertSubscriber({ number, account_number: `9${number}`, owner_name: `Concurrent ${number}`, status: 'active', tariff_id: tariff, balance_kopecks: 0, corporate: 0, connected_at: at });
      await store.transaction(async (tx) => {
        await tx.money.move(payer, 'adjustment', start, at, 'Opening balance', 'opening');
        for (const v of vouchers) await tx.money.addVoucher(v.code, v.amount);
      });
    } finally {
      await store.close();
    }
    const code = '135790';
    await request(a.url, 'POST', '/api/v1/network/events', { body: { type: 'sms', number: payer, to: '2772', text: code, at: new Date().toISOString() }, headers: { 'x-assa-network-secret': NETWORK_SECRET } });
    expect((await request(b.url, 'POST', '/api/v1/registrations', { body: { number: payer, password: 'Kvitka2026', runa: code } })).status).toBe(201);
    const onA = new Client(a.url);
    expect((await onA.login(payer, 'Kvitka2026')).status).toBe(200);
    const onB = new Client(b.url);
    onB.cookies = new Map(onA.cookies);

    // 20 × 60.00 UAH = 1200.00 against the 1000.00 a month for others: 16 go through, 4 are refused.
    const amount = 6000;
    const sends = [
      ...Array.from({ length: 20 }, (_, i) => () => (i % 2 ? onB : onA).call('POST', '/api/v1/money/transfers', { to: payee, amount }, { 'idempotency-key': `two-nodes-transfer-${i}` })),
      ...vouchers.map((v, i) => () => (i % 2 ? onA : onB).call('POST', '/api/v1/money/topups/voucher', { code: v.code }, { 'idempotency-key': `two-nodes-voucher-${i}` })),
    ];
    const answers = await Promise.all(sends.map((s) => s()));
    const summary = answers.map((r) => `${r.status} ${r.body?.error?.code ?? ''}`.trim());
    expect(answers.filter((r) => r.status >= 500), summary.join(', ')).toEqual([]);
    const transfers = answers.slice(0, 20);
    expect(transfers.filter((r) => r.status === 200)).toHaveLength(16);
    expect(transfers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body.error.code}`)).toEqual(Array(4).fill('400 transfer_limit'));
    expect(answers.slice(20).map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const check = new AssaStore(await openStoreEngine(pg.url));
    try {
      const sums = async (number: string) => {
        const r = await check.db.selectFrom('movements').select((eb) => eb.fn.sum<number>('amount_kopecks').as('s')).where('number', '=', number).executeTakeFirstOrThrow();
        return { balance: await check.money.balance(number), movements: Number(r.s) };
      };
      const credited = vouchers.reduce((s, v) => s + v.amount, 0);
      expect(await sums(payer)).toEqual({ balance: start - 16 * amount + credited, movements: start - 16 * amount + credited });
      expect(await sums(payee)).toEqual({ balance: 16 * amount, movements: 16 * amount });
      // Every movement's running total follows the one before it (no two computed from one read).
      const rows = await check.db.selectFrom('movements').select(['amount_kopecks', 'balance_after_kopecks']).where('number', '=', payer).orderBy('id').execute();
      let running = 0;
      for (const m of rows) expect(m.balance_after_kopecks).toBe((running += m.amount_kopecks));
    } finally {
      await check.close();
    }
  });
});
