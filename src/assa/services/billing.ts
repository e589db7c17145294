// A-DATA-2 / A-SVC-2 / A-TAR-2: the month start (Kyiv time) and what a payment re-checks.
// The rule for one number is `planMonthStart` (domain/month-start-plan.ts); this file
// only reads what the rule needs and writes what it decided. The run goes through the
// numbers in chunks by number range, each chunk its own short transaction that also
// records how far the run got, so a live server is never write-locked for long, a run
// cut by a crash resumes where it stopped, and running it again changes nothing (every
// charge is recorded per number and month: fee:<month>, service_charges, the applied
// change). One node runs it at a time (the store engine's job lock).
import { kyivDay, kyivMonth, startOfNextKyivMonth } from '../../shared/kyiv-time';
import { planMonthStart, type MonthStartPlan } from '../domain/month-start-plan';
import type { AssaContext } from '../context';
import type { Db } from '../store/open-database';
import { writeMonthStart, type MonthStartWrites } from '../store/month-start-writes';
import { applyPricesInForce } from './prices-in-force';

export const MONTH_START_CHUNK = 2_000;

interface Due {
  number: string;
  status: string;
  balance: number;
  tariffId: string;
  tariffName: string;
  fee: number;
  feePaid: boolean;
  change: { tariffId: string; name: string; switchCost: number; newFee: number } | null;
  /** Paid extras whose fee this month is not yet taken; `suspended` when a short balance stopped one. */
  services: Array<{ id: string; name: string; fee: number; suspended: boolean }>;
}

export interface MonthStartResult {
  alreadyRan: boolean;
  charged: number;
  blocked: number;
  suspended: number;
  changed: number;
  waiting: number;
  chunks: number;
  maxChunkMs: number;
}

const feeRef = (month: string) => `fee:${month}`;
const serviceRef = (id: string, month: string) => `svc:${id}:${month}`;
const changeRef = (month: string) => `tariff:${month}`;

/** What the rule needs for the numbers in (after, upTo]: one query per table, not per number. */
async function loadDue(db: Db, month: string, after: string, upTo: string, only?: string): Promise<Due[]> {
  const lo = only ?? after;
  const subs = await db
    .selectFrom('subscribers as s')
    .innerJoin('tariffs as t', 't.id', 's.tariff_id')
    .select(['s.number', 's.status', 's.balance_kopecks', 's.tariff_id', 't.name', 't.monthly_fee_kopecks'])
    .where('s.status', 'in', ['active', 'blocked'])
    .$call((q) => (only ? q.where('s.number', '=', only) : q.where('s.number', '>', lo).where('s.number', '<=', upTo)))
    .orderBy('s.number')
    .execute();
  if (!subs.length) return [];
  const first = subs[0]!.number;
  const last = subs[subs.length - 1]!.number;
  const paid = new Set(
    (await db.selectFrom('movements').select('number').where('kind', '=', 'fee').where('ref', '=', feeRef(month)).where('number', '>=', first).where('number', '<=', last).execute()).map((r) => r.number),
  );
  const changes = new Map(
    (
      await db
        .selectFrom('tariff_changes as c')
        .innerJoin('tariffs as t', 't.id', 'c.tariff_id')
        .select(['c.number', 'c.tariff_id', 't.name', 't.switch_cost_kopecks', 't.monthly_fee_kopecks'])
        .where('c.effective_from', '<=', `${month}-01`)
        .where('c.number', '>=', first)
        .where('c.number', '<=', last)
        .execute()
    ).map((c) => [c.number, { tariffId: c.tariff_id, name: c.name, switchCost: c.switch_cost_kopecks, newFee: c.monthly_fee_kopecks }]),
  );
  const services = new Map<string, Due['services']>();
  for (const r of await db
    .selectFrom('subscriber_services as ss')
    .innerJoin('services as v', 'v.id', 'ss.service_id')
    .select(['ss.number', 'ss.suspended', 'v.id', 'v.name', 'v.monthly_fee_kopecks'])
    .where('v.monthly_fee_kopecks', '>', 0)
    .where('ss.number', '>=', first)
    .where('ss.number', '<=', last)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('service_charges as sc').select('sc.number').whereRef('sc.number', '=', 'ss.number').whereRef('sc.service_id', '=', 'ss.service_id').where('sc.month', '=', month))))
    .execute()) {
    const list = services.get(r.number) ?? [];
    list.push({ id: r.id, name: r.name, fee: r.monthly_fee_kopecks, suspended: r.suspended === 1 });
    services.set(r.number, list);
  }
  return subs.map((s) => ({
    number: s.number,
    status: s.status,
    balance: s.balance_kopecks,
    tariffId: s.tariff_id,
    tariffName: s.name,
    fee: s.monthly_fee_kopecks,
    feePaid: paid.has(s.number),
    change: changes.get(s.number) ?? null,
    services: services.get(s.number) ?? [],
  }));
}

type Writes = MonthStartWrites;

const newWrites = (): Writes => ({ movements: [], balances: new Map(), serviceCharges: [], resumed: [], suspended: [], block: [], unblock: [], applied: [], waiting: [] });

/** Turns one number's plan into rows (the movements carry their running balance). */
function collect(w: Writes, d: Due, plan: MonthStartPlan, month: string, at: string): void {
  let balance = d.balance;
  for (const s of plan.steps) {
    balance -= s.amount;
    if (s.kind === 'tariff_change') w.movements.push({ number: d.number, at, kind: 'tariff_change', amount_kopecks: -s.amount, balance_after_kopecks: balance, description: `Switch to ${d.change!.name}`, ref: changeRef(month) });
    else if (s.kind === 'fee') w.movements.push({ number: d.number, at, kind: 'fee', amount_kopecks: -s.amount, balance_after_kopecks: balance, description: `Monthly fee ${month}`, ref: feeRef(month) });
    else {
      const service = d.services.find((x) => x.id === s.serviceId);
      const name = service?.name ?? s.serviceId;
      w.movements.push({ number: d.number, at, kind: 'service_fee', amount_kopecks: -s.amount, balance_after_kopecks: balance, description: `${name}: monthly fee ${month}`, ref: serviceRef(s.serviceId, month) });
      w.serviceCharges.push({ number: d.number, service_id: s.serviceId, month, amount_kopecks: s.amount, charged_at: at });
      // only a suspended one is resumed: on PostgreSQL the planner takes `suspended = 1` for one
      // row, so an UPDATE over every paid service scanned the whole table once per chunk
      if (service?.suspended) w.resumed.push({ number: d.number, service_id: s.serviceId });
    }
  }
  if (plan.steps.length) w.balances.set(d.number, balance);
  if (d.change && !plan.changeWaits) w.applied.push({ number: d.number, tariffId: d.change.tariffId });
  if (plan.changeWaits) w.waiting.push({ number: d.number, missing: plan.changeWaits.missing });
  if (plan.block && d.status !== 'blocked') w.block.push(d.number);
  if (!plan.block && d.status === 'blocked' && (d.feePaid || plan.steps.some((s) => s.kind === 'fee'))) w.unblock.push(d.number);
  for (const id of plan.suspend) w.suspended.push({ number: d.number, service_id: id });
}

/** One chunk's decisions, written set-based (store/month-start-writes.ts). */
const write = (db: Db, w: Writes): Promise<void> => writeMonthStart(db, w);

/** The month start of `month`, resumable and idempotent; `chunk` numbers per transaction. */
export async function runMonthStart(ctx: AssaContext, month: string, opts: { chunk?: number } = {}): Promise<MonthStartResult> {
  const r: MonthStartResult = { alreadyRan: false, charged: 0, blocked: 0, suspended: 0, changed: 0, waiting: 0, chunks: 0, maxChunkMs: 0 };
  const chunk = opts.chunk ?? MONTH_START_CHUNK;
  const at = new Date(ctx.clock.now()).toISOString();
  // One node at a time (a PostgreSQL advisory lock across nodes): a second caller waits for
  // the first and then finds the month billed. Within the lock each chunk still re-reads the
  // progress row inside its own transaction, so even two runners could only share chunks.
  const locked = await ctx.store.engine.withJobLock('month-start', async () => {
    const done = await ctx.store.db.selectFrom('billing_runs').select('month').where('month', '=', month).executeTakeFirst();
    if (done) return false;
    // The month is billed at the prices in force for it (issue 14), whoever starts the run.
    await ctx.store.transaction((tx) => applyPricesInForce(tx, month));
    await ctx.store.db.insertInto('billing_progress').values({ month, last_number: '', started_at: at, finished_at: null }).onConflict((oc) => oc.column('month').doNothing()).execute();
    for (;;) {
      const started = performance.now();
      const more = await ctx.store.transaction(async (tx) => {
        // Another runner (the operator's button, a second node) may have finished meanwhile.
        if (await tx.db.selectFrom('billing_runs').select('month').where('month', '=', month).executeTakeFirst()) return false;
        const p = await tx.db.selectFrom('billing_progress').select('last_number').where('month', '=', month).executeTakeFirstOrThrow();
        const edge = await tx.db.selectFrom('subscribers').select('number').where('number', '>', p.last_number).orderBy('number').offset(chunk - 1).limit(1).executeTakeFirst();
        const upTo = edge?.number ?? '999999999';
        const due = await loadDue(tx.db, month, p.last_number, upTo);
        const w = newWrites();
        for (const d of due) collect(w, d, planMonthStart({ balance: d.balance, tariffFee: d.feePaid ? null : d.fee, change: d.change, services: d.services }), month, at);
        await write(tx.db, w);
        r.charged += w.movements.filter((m) => m.kind === 'fee').length;
        r.blocked += w.block.length;
        r.suspended += w.suspended.length;
        r.changed += w.applied.length;
        r.waiting += w.waiting.length;
        const finished = !edge;
        await tx.db.updateTable('billing_progress').set({ last_number: upTo, chunks: (eb) => eb('chunks', '+', 1), finished_at: finished ? at : null }).where('month', '=', month).execute();
        if (finished) await tx.db.insertInto('billing_runs').values({ month, ran_at: at }).execute();
        return !finished;
      });
      const ms = performance.now() - started;
      ctx.crashAt?.('month-start:after-chunk');
      r.chunks++;
      r.maxChunkMs = Math.max(r.maxChunkMs, ms);
      if (!more) break;
    }
    await ctx.store.db.updateTable('billing_progress').set({ max_chunk_ms: Math.round(r.maxChunkMs) }).where('month', '=', month).execute();
    return true;
  }, { wait: true });
  r.alreadyRan = !(locked.ran && locked.value);
  ctx.metrics.billingRuns.inc({ result: r.alreadyRan ? 'already_ran' : 'ran' });
  if (!r.alreadyRan) ctx.log.info({ month, ...r }, 'month-start billing run');
  return r;
}

/**
 * After money came in (inside its transaction): the same rule for one number — a block
 * for non-payment is lifted once this month's fee is covered, suspended services are paid
 * and resumed from the cheapest, and a tariff change that waited for money takes effect.
 */
export async function afterPayment(ctx: AssaContext, tx: { db: Db }, number: string): Promise<void> {
  const month = kyivMonth(ctx.clock.now());
  const [d] = await loadDue(tx.db, month, '', '', number);
  if (!d) return;
  const waiting = d.change ? await tx.db.selectFrom('tariff_changes').select('missing_kopecks').where('number', '=', number).executeTakeFirst() : undefined;
  const change = d.change && waiting?.missing_kopecks != null ? d.change : null;
  const services = d.services.filter((s) => s.suspended);
  // Only a block is the fee's business here; an active number's fee is the run's.
  const tariffFee = d.status === 'blocked' && !d.feePaid ? d.fee : null;
  if (tariffFee === null && !change && !services.length) return;
  const plan = planMonthStart({ balance: d.balance, tariffFee, change, services });
  const w = newWrites();
  collect(w, { ...d, feePaid: d.feePaid || tariffFee === null }, { ...plan, block: plan.block && d.status !== 'blocked' ? false : plan.block, suspend: [] }, month, new Date(ctx.clock.now()).toISOString());
  await write(tx.db, w);
}

export interface BillingClock {
  stop(): void;
  /** Resolves when no tick is running (awaited before the store closes). */
  idle(): Promise<void>;
}

/** Runs every month start that is due, also the ones missed while the server was down (and a run a crash cut short). */
export async function startBillingClock(ctx: AssaContext, checkEveryMs = 60_000): Promise<BillingClock> {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    // One tick at a time: a slow month start is not started again by the next interval.
    if (busy) return;
    busy = true;
    running = (async () => {
      const month = kyivMonth(ctx.clock.now());
      // A finished month is not run (nor counted) again; one a crash cut short is resumed.
      if (await ctx.store.db.selectFrom('billing_runs').select('month').where('month', '=', month).executeTakeFirst()) return;
      // Several nodes tick: the one holding the lock runs it, the others skip this tick.
      await ctx.store.engine.withJobLock('billing-tick', () => runMonthStart(ctx, month));
    })()
      .catch((e: unknown) => ctx.log.error({ err: e }, 'billing tick failed'))
      .finally(() => {
        busy = false;
      });
  };
  // A new database starts billing from its next month: this month counts as billed.
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.money.anyBillingRun())) await tx.money.markBillingRun(kyivMonth(ctx.clock.now()), new Date(ctx.clock.now()).toISOString());
  });
  tick();
  await running;
  const t = setInterval(tick, checkEveryMs);
  t.unref?.();
  return { stop: () => clearInterval(t), idle: () => running };
}

export const nextMonthStart = (now: number) => startOfNextKyivMonth(now);
export const today = (now: number) => kyivDay(now);
