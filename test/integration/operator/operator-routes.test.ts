// Every operator route over real HTTP against a real server and its SQLite file: what it
// does, what it refuses, and what the subscriber then sees through the ASSA API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_ADJUSTMENT_LIMIT_KOPECKS } from '../../../src/assa/operator/roles';
import { Client } from '../assa/assa-harness';
import { storedText } from '../../support/postgres';
import { startOperatorHarness, subscriberSession, type OperatorHarness } from './operator-harness';

describe('the operator API', () => {
  let h: OperatorHarness;
  beforeAll(async () => {
    h = await startOperatorHarness();
  });
  afterAll(async () => h?.close());

  it('creates a subscriber (opening balance as a movement) and refuses duplicates and bad fields', async () => {
    const s = h.as.support;
    const r = await s.op('POST', '/subscribers', { number: '0445550101', accountNumber: '2000550101', ownerName: 'Mariia Bondar', tariffId: '3g-lite', balance: 12_000, email: 'm.bondar@example.com' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ number: '445550101', status: 'active', balance: 12_000, currency: 'UAH', corporate: false });
    expect((await s.op('POST', '/subscribers', { number: '445550101', accountNumber: '2000550199', ownerName: 'X Y', tariffId: '3g-lite' })).body.error).toMatchObject({ code: 'number_exists', field: 'number' });
    expect((await s.op('POST', '/subscribers', { number: '445550102', accountNumber: '2000550101', ownerName: 'X Y', tariffId: '3g-lite' })).body.error).toMatchObject({ code: 'account_number_exists' });
    expect((await s.op('POST', '/subscribers', { number: '445550103', accountNumber: '2000550103', ownerName: 'X Y', tariffId: 'no-such' })).body.error).toMatchObject({ code: 'unknown_tariff', field: 'tariffId' });
    expect((await s.op('POST', '/subscribers', { number: '12', accountNumber: '2000550104', ownerName: 'X Y', tariffId: '3g-lite' })).body.error).toMatchObject({ code: 'invalid_number', field: 'number' });
    const v = await s.op('GET', '/subscribers/445550101');
    expect(v.body.movements).toEqual([expect.objectContaining({ kind: 'adjustment', amount: 12_000, balanceAfter: 12_000 })]);
    expect(v.body.email).toBe('m.bondar@example.com');
    expect(v.body.operations[0]).toMatchObject({ kind: 'create', operator: 'support1' });
    expect(v.body.audit[0]).toMatchObject({ action: 'subscriber.create', operator: 'support1' });
  });

  it('imports a CSV: good lines in, every rejected line with its number and reason; nothing of a bad header', async () => {
    const csv = ['number,accountNumber,ownerName,tariffId,balance', '445550201,2000550201,Petro Shevchenko,3g-lite,5000', '445550202,2000550202,Bad Tariff,nope,0', '441234567,2000550203,Already There,3g-lite,0', 'x,2000550204,Bad Number,3g-lite,0', '445550205,2000550205,Halyna Moroz,freedom-of-speech,'].join('\n');
    const r = await h.as.support.csv('/subscribers/import', csv);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ imported: 2, rejected: [{ line: 3, code: 'unknown_tariff', field: 'tariffId' }, { line: 4, code: 'number_exists', field: 'number' }, { line: 5, code: 'invalid_number', field: 'number' }] });
    expect((await h.assa.ctx.store.subscriber('445550201'))?.balance_kopecks).toBe(5000);
    const bad = await h.as.support.csv('/subscribers/import', 'number,owner\n1,2');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'missing_column']);
  });

  it('finds subscribers by number or account number prefix and by owner name', async () => {
    const s = h.as.billing;
    expect((await s.op('GET', '/subscribers?q=0445550')).body.map((x: { number: string }) => x.number)).toEqual(['445550101', '445550201', '445550205']);
    expect((await s.op('GET', '/subscribers?q=1000441234')).body.map((x: { number: string }) => x.number)).toEqual(['441234567']);
    expect((await s.op('GET', '/subscribers?q=Kovalenko')).body.map((x: { number: string }) => x.number)).toEqual(['441234567']);
  });

  it('suspends, restores and disconnects with a reason, each an operation with who and when; blocked for non-payment is not lifted by hand', async () => {
    const s = h.as.support;
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'suspended', reason: 'trip abroad until March' })).body.status).toBe('suspended');
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'suspended', reason: 'again' })).body.error.code).toBe('status_unchanged');
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'active', reason: 'back home' })).body.status).toBe('active');
    const sub = await subscriberSession(h, '445550201');
    expect((await sub.call('GET', '/api/v1/account')).status).toBe(200);
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'disconnected', reason: 'contract terminated' })).body.status).toBe('disconnected');
    expect((await sub.call('GET', '/api/v1/account')).status).toBe(401);
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'suspended', reason: 'no way' })).body.error.code).toBe('disconnected');
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'active', reason: 'restored at the service centre' })).body.status).toBe('active');
    expect((await s.op('PUT', '/subscribers/449999999/status', { status: 'active', reason: 'please' })).body.error.code).toBe('blocked_for_non_payment');
    expect((await s.op('PUT', '/subscribers/445550201/status', { status: 'active', reason: 'x' })).status).toBe(400);
    expect((await s.op('PUT', '/subscribers/445559999/status', { status: 'suspended', reason: 'nobody' })).status).toBe(404);
    const ops = (await s.op('GET', '/subscribers/445550201')).body.operations.map((o: { kind: string; reason: string; operator: string }) => [o.kind, o.reason, o.operator]);
    expect(ops.slice(0, 4)).toEqual([
      ['restore', 'restored at the service centre', 'support1'],
      ['disconnect', 'contract terminated', 'support1'],
      ['resume', 'back home', 'support1'],
      ['suspend', 'trip abroad until March', 'support1'],
    ]);
  });

  it('changes the owner (the old login ends) and the number (money, login and history move)', async () => {
    const s = h.as.support;
    const old = await subscriberSession(h, '445550205');
    expect((await s.op('PUT', '/subscribers/445550205/owner', { ownerName: 'Andrii Moroz', reason: 'inheritance, documents seen' })).body.ownerName).toBe('Andrii Moroz');
    expect((await old.call('GET', '/api/v1/account')).status).toBe(401);
    expect(await h.assa.ctx.store.account('445550205')).toBeUndefined();

    const sub = await subscriberSession(h, '445550101', 'Bondar2026');
    const r = await s.op('PUT', '/subscribers/445550101/number', { newNumber: '0445550111', reason: 'asked for a new number' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ number: '445550111', balance: 12_000, accountNumber: '2000550101' });
    expect(await h.assa.ctx.store.subscriber('445550101')).toBeUndefined();
    expect((await sub.call('GET', '/api/v1/account')).status).toBe(401);
    const again = new Client(h.assa.url);
    expect((await again.login('445550111', 'Bondar2026')).status).toBe(200);
    expect((await again.call('GET', '/api/v1/account')).body).toMatchObject({ number: '445550111', balance: 12_000 });
    expect((await s.op('PUT', '/subscribers/445550111/number', { newNumber: '441234567', reason: 'taken' })).body.error.code).toBe('number_exists');
    expect((await s.op('GET', '/subscribers/445550111')).body.operations[0]).toMatchObject({ kind: 'change_number', from: '445550101', to: '445550111' });
  });

  it('unlocks a login locked by 10 wrong passwords, after the owner came in person', async () => {
    await subscriberSession(h, '441234568', 'Taras2026x');
    const c = new Client(h.assa.url);
    for (let i = 0; i < 10; i++) await c.login('441234568', `Wrong${i}pass`);
    expect((await c.login('441234568', 'Taras2026x')).status).toBe(423);
    expect((await h.as.billing.op('POST', '/logins/441234568/unlock', { reason: 'passport seen' })).status).toBe(403);
    expect((await h.as.support.op('POST', '/logins/441234568/unlock', { reason: 'passport seen' })).status).toBe(200);
    expect((await h.as.support.op('POST', '/logins/441234568/unlock', {})).body.error.code).toBe('not_locked');
    expect((await c.login('441234568', 'Taras2026x')).status).toBe(200);
    // The subscriber's security trail, newest first: the failures, the lock, who unlocked it, the login after.
    const trail = (await h.as.support.op('GET', '/subscribers/441234568')).body.securityEvents as Array<{ event: string; details: Record<string, unknown> }>;
    expect(trail.slice(0, 2).map((e) => e.event)).toEqual(['login_ok', 'unlock']);
    expect(trail.map((e) => e.event)).toContain('login_locked');
    expect(trail[1]!.details).toMatchObject({ by: 'operator', operator: 'support1', reason: 'passport seen' });
    expect(trail.filter((e) => e.event === 'login_failed').length).toBeGreaterThanOrEqual(10);
    expect((await h.as.support.op('POST', '/logins/445550201/unlock', {})).body.error.code).toBe('not_locked');
    expect((await h.as.support.op('POST', '/logins/445550202/unlock', {})).status).toBe(404);
  });

  it('the catalogue: tariffs and services in uk/ru/en with includes; a price change is a version from a month', async () => {
    const a = h.as.admin;
    const texts = { uk: { name: 'Розмова', description: '300 хвилин' }, ru: { name: 'Разговор', description: '300 минут' }, en: { name: 'Talk', description: '300 minutes' } };
    const r = await a.op('POST', '/tariffs', { id: 'talk-300', monthlyFee: 9000, texts, includes: { minutes: 300, megabytes: 1024 } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ id: 'talk-300', monthlyFee: 9000, texts, includes: { minutes: 300, megabytes: 1024 } });
    expect((await a.op('POST', '/tariffs', { id: 'talk-300', monthlyFee: 1, texts })).status).toBe(409);
    expect((await a.op('POST', '/tariffs', { id: 'talk-x', monthlyFee: 1, texts: { en: texts.en } })).body.error.code).toBe('text_missing');
    expect((await h.as.support.op('POST', '/tariffs', { id: 'talk-y', monthlyFee: 1, texts })).status).toBe(403);
    expect((await a.op('POST', '/services', { id: 'music', monthlyFee: 2500, texts, includes: { minutes: 0, megabytes: 3072 } })).status).toBe(201);
    // This month (2026-11) was billed when the database started: the change waits for December.
    const p = await a.op('PUT', '/tariffs/talk-300', { monthlyFee: 9900 });
    expect(p.body.monthlyFee).toBe(9000);
    expect(p.body.prices.map((x: { validFrom: string; monthlyFee: number }) => [x.validFrom, x.monthlyFee])).toEqual([['2026-11', 9000], ['2026-12', 9900]]);
    expect((await a.op('PUT', '/tariffs/talk-300', { monthlyFee: 1, validFrom: '2026-11' })).body.error.code).toBe('price_month_billed');
    expect((await a.op('PUT', '/services/music', { texts: { uk: { name: 'Музика', description: '3 ГБ' } } })).body.texts.uk.name).toBe('Музика');
    expect((await h.as.billing.op('GET', '/services')).body.find((x: { id: string }) => x.id === 'music')).toMatchObject({ includes: { megabytes: 3072 } });
    expect((await a.op('PUT', '/tariffs/none', { monthlyFee: 1 })).status).toBe(404);
  });

  it('vouchers: codes shown once, only hashes kept; a subscriber tops up with one', async () => {
    const r = await h.as.billing.op('POST', '/vouchers', { count: 3, amount: 5000 });
    expect(r.status).toBe(201);
    expect(r.headers['cache-control']).toBe('no-store');
    const codes: string[] = r.body.codes;
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^\d{14}$/);
    expect((await h.as.support.op('POST', '/vouchers', { count: 1, amount: 5000 })).status).toBe(403);
    const file = storedText(h.dbTarget);
    for (const c of codes) expect(file.includes(c)).toBe(false);
    const sub = await subscriberSession(h, '441234567');
    const before = (await sub.call('GET', '/api/v1/account')).body.balance;
    const t = await sub.call('POST', '/api/v1/money/topups/voucher', { code: codes[0] }, { 'idempotency-key': 'voucher-op-test-1' });
    expect(t.status).toBe(200);
    expect((await sub.call('GET', '/api/v1/account')).body.balance).toBe(before + 5000);
    const batches = await h.as.billing.op('GET', '/vouchers');
    expect(batches.body[0]).toMatchObject({ batchId: r.body.batchId, count: 3, amount: 5000, used: 1, createdBy: 'billing1' });
    expect(JSON.stringify(batches.body)).not.toContain(codes[1]);
  });

  it(`adjustments: a movement of kind adjustment with reason and operator; support up to ${SUPPORT_ADJUSTMENT_LIMIT_KOPECKS / 100} UAH`, async () => {
    const s = h.as.support;
    const ok = await s.op('POST', '/adjustments', { number: '0441234568', amount: SUPPORT_ADJUSTMENT_LIMIT_KOPECKS, reason: 'outage 2026-11-10' }, { 'idempotency-key': 'adj-key-0001' });
    expect(ok.status).toBe(201);
    const replay = await s.op('POST', '/adjustments', { number: '0441234568', amount: SUPPORT_ADJUSTMENT_LIMIT_KOPECKS, reason: 'outage 2026-11-10' }, { 'idempotency-key': 'adj-key-0001' });
    expect([replay.status, replay.body.id, replay.body.replayed]).toEqual([200, ok.body.id, true]);
    expect((await s.op('POST', '/adjustments', { number: '441234568', amount: 100, reason: 'other' }, { 'idempotency-key': 'adj-key-0001' })).status).toBe(422);
    const over = await s.op('POST', '/adjustments', { number: '441234568', amount: SUPPORT_ADJUSTMENT_LIMIT_KOPECKS + 1, reason: 'too big' });
    expect([over.status, over.body.error.code]).toEqual([403, 'adjustment_over_limit']);
    expect((await h.as.billing.op('POST', '/adjustments', { number: '441234568', amount: SUPPORT_ADJUSTMENT_LIMIT_KOPECKS + 1, reason: 'billing error Oct' })).status).toBe(201);
    expect((await h.as.billing.op('POST', '/adjustments', { number: '449999999', amount: -1, reason: 'below zero' })).body.error.code).toBe('insufficient_funds');
    const sub = await subscriberSession(h, '441234568', 'Taras2026x');
    const mv = await sub.call('GET', '/api/v1/money/movements?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    // The demo's opening balance is an adjustment movement too (issue 13); the operators' are the other two.
    const adj = (mv.body.items ?? mv.body).filter((m: { kind: string; description: string }) => m.kind === 'adjustment' && m.description !== 'Opening balance');
    expect(adj).toHaveLength(2);
    expect(JSON.stringify(adj)).toContain('outage 2026-11-10 (operator support1)');
  });

  it('month start on demand, idempotent; the runs and the pending payments are listed for billing', async () => {
    const b = h.as.billing;
    const first = await b.op('POST', '/billing/month-start', { month: '2026-12' });
    expect(first.status).toBe(200);
    expect(first.body.alreadyRan).toBe(false);
    const second = await b.op('POST', '/billing/month-start', { month: '2026-12' });
    expect(second.body).toMatchObject({ month: '2026-12', charged: 0, blocked: 0, alreadyRan: true });
    expect((await b.op('GET', '/billing/runs')).body.map((r: { month: string }) => r.month)).toEqual(['2026-12', '2026-11']);
    expect((await b.op('POST', '/billing/month-start', { month: '2026-13' })).status).toBe(400);
    await h.assa.ctx.store.money.addCardPayment({ id: 'pay-pending-1', number: '441234567', for_number: '441234567', amount_kopecks: 10_000, status: '3ds_required', created_at: new Date(h.clock.now() - 20 * 60_000).toISOString() });
    const rec = await b.op('GET', '/billing/reconciliation');
    expect(rec.body).toEqual([expect.objectContaining({ id: 'pay-pending-1', amount: 10_000, status: '3ds_required', ageMinutes: 20 })]);
  });

  it('groups: a group with a curator, members added and removed; one group per number', async () => {
    const s = h.as.support;
    const g = await s.op('POST', '/groups', { name: 'Kovalenko family', curator: '0441234567' });
    expect(g.status).toBe(201);
    expect(g.body.members).toEqual([expect.objectContaining({ number: '441234567', role: 'curator' })]);
    const id = g.body.id as string;
    expect((await s.op('POST', `/groups/${id}/members`, { number: '441234568' })).body.members.map((m: { number: string }) => m.number)).toEqual(['441234567', '441234568']);
    expect((await s.op('POST', `/groups/${id}/members`, { number: '441234568' })).body.error.code).toBe('already_in_group');
    expect((await s.op('POST', `/groups/${id}/members`, { number: '445559999' })).status).toBe(404);
    // The curator sees the member's account (A-GRP-1) through the subscribers' API.
    const cur = await subscriberSession(h, '441234567');
    expect((await cur.call('GET', '/api/v1/account?number=441234568')).status).toBe(200);
    expect((await s.op('DELETE', `/groups/${id}/members/441234567`)).body.error.code).toBe('curator_stays');
    expect((await s.op('DELETE', `/groups/${id}/members/441234568`)).status).toBe(200);
    expect((await cur.call('GET', '/api/v1/account?number=441234568')).status).toBe(403);
    expect((await h.as.billing.op('GET', '/groups')).body).toEqual([expect.objectContaining({ id, name: 'Kovalenko family', members: 1 })]);
    expect((await h.as.billing.op('POST', '/groups', { name: 'x', curator: '441234568' })).status).toBe(403);
  });

  it('the help desk: questions and call-backs queued, answered; the subscriber reads the answer in Help', async () => {
    const sub = await subscriberSession(h, '441234567');
    const q = await sub.call('POST', '/api/v1/help/tickets', { text: 'Why was my fee taken twice?' });
    const cb = await sub.call('POST', '/api/v1/help/callbacks', { phone: '0671234567', topic: 'tariff advice' });
    const tickets = await h.as.support.op('GET', '/tickets?status=open');
    expect(tickets.body.map((t: { id: number }) => t.id)).toContain(q.body.id);
    expect(tickets.body.every((t: { kind: string }) => t.kind === 'question')).toBe(true);
    expect((await h.as.support.op('GET', '/callbacks')).body).toEqual([expect.objectContaining({ id: cb.body.id, phone: '671234567', text: 'tariff advice', status: 'open' })]);
    const a = await h.as.support.op('POST', `/tickets/${q.body.id}/answer`, { text: 'It was taken once; the second line is the Antivirus fee.' });
    expect(a.body).toMatchObject({ status: 'answered', answers: [expect.objectContaining({ operator: 'support1' })] });
    await h.as.support.op('POST', `/tickets/${cb.body.id}/answer`, { text: 'Called back, advised 3G Lite.', close: true });
    expect((await h.as.support.op('GET', '/tickets/99999/answer')).status).toBe(404);
    expect((await h.as.support.op('POST', '/tickets/99999/answer', { text: 'x' })).status).toBe(404);
    const mine = await sub.call('GET', '/api/v1/help/tickets');
    expect(mine.body.find((t: { id: number }) => t.id === q.body.id)).toMatchObject({ status: 'answered', answers: [{ text: 'It was taken once; the second line is the Antivirus fee.' }] });
    expect(mine.body.find((t: { id: number }) => t.id === cb.body.id)).toMatchObject({ status: 'closed' });
    expect((await h.as.billing.op('GET', '/tickets')).status).toBe(403);
  });

  it('the audit log holds every operator action, newest first, paged', async () => {
    const all = await h.as.admin.op('GET', '/audit?limit=500');
    const actions = new Set(all.body.map((a: { action: string }) => a.action));
    for (const x of ['login', 'password_changed', 'subscriber.create', 'subscriber.import', 'subscriber.suspend', 'subscriber.change_owner', 'subscriber.change_number', 'subscriber.unlock_login', 'catalogue.tariff.create', 'catalogue.tariff.update', 'vouchers.issue', 'money.adjustment', 'billing.month_start', 'group.create', 'group.add_member', 'helpdesk.answer', 'helpdesk.callback_done']) expect([x, actions.has(x)]).toEqual([x, true]);
    const page = await h.as.admin.op('GET', `/audit?limit=5&before=${all.body[4].id}`);
    expect(page.body[0].id).toBe(all.body[5].id);
    expect((await h.as.billing.op('GET', '/audit')).status).toBe(403);
  });

  it('admin manages operators: add (one-time password once), role, disable; not oneself', async () => {
    const a = h.as.admin;
    const r = await a.op('POST', '/operators', { login: 'iryna', role: 'support' });
    expect(r.status).toBe(201);
    expect(r.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect((await a.op('POST', '/operators', { login: 'iryna', role: 'support' })).status).toBe(409);
    expect((await a.op('PUT', '/operators/iryna', { role: 'billing' })).body.operator).toMatchObject({ role: 'billing', mustChangePassword: true });
    const reset = await a.op('PUT', '/operators/iryna', { resetPassword: true });
    expect(reset.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(reset.body.oneTimePassword).not.toBe(r.body.oneTimePassword);
    expect((await a.op('PUT', '/operators/iryna', { disabled: true })).body.operator.disabled).toBe(true);
    const c = new (await import('./operator-harness')).OperatorClient(h.assa.url);
    const l = await c.op('POST', '/sessions', { login: 'iryna', password: reset.body.oneTimePassword });
    expect([l.status, l.body.error.code]).toEqual([401, 'bad_credentials']);
    expect((await a.op('PUT', '/operators/admin1', { disabled: true })).body.error.code).toBe('own_account');
    expect((await a.op('GET', '/operators')).body.map((o: { login: string }) => o.login)).toContain('iryna');
  });
});
