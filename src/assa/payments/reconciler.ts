// Settles every card and e-wallet payment left open — by a crash between the gateway's
// answer and our commit, a lost connection, or a 3-D Secure step nobody finished — against
// the gateway's own record (`status`). Runs once at start (nothing of this process is in
// flight then) and periodically after (leaving alone what a live request may still be
// settling). A payment the gateway has never heard of after the longest a request can
// take never reached it: it is declined as not sent, and nothing was charged.
import type { AssaContext } from '../context';
import { settlePayment } from '../services/payment-service';
import { PaymentsStore } from '../store/payments-store';
import { GatewayUnavailable, type PaymentGateway } from './gateway';

/** A live request is done with the gateway well within this. */
export const IN_FLIGHT_GRACE_MS = 30_000;
/** Unknown to the gateway this long after it was written: it was never sent. */
export const NEVER_SENT_AFTER_MS = 15 * 60_000;

export interface ReconcileResult {
  checked: number;
  approved: number;
  declined: number;
  stillOpen: number;
  unavailable: number;
}

export async function reconcileOnce(ctx: AssaContext, gateway: PaymentGateway, graceMs = IN_FLIGHT_GRACE_MS): Promise<ReconcileResult> {
  const r: ReconcileResult = { checked: 0, approved: 0, declined: 0, stillOpen: 0, unavailable: 0 };
  const now = ctx.clock.now();
  const open = await new PaymentsStore(ctx.store.db).open(new Date(now - graceMs + 1).toISOString(), 1000);
  for (const p of open) {
    if (p.gateway !== gateway.name) continue;
    r.checked++;
    let o;
    try {
      o = await gateway.status(p.id);
    } catch (e) {
      if (!(e instanceof GatewayUnavailable)) throw e;
      r.unavailable++;
      continue;
    }
    if (o.status === 'unknown') {
      if (now - Date.parse(p.created_at) < NEVER_SENT_AFTER_MS) {
        r.stillOpen++;
        continue;
      }
      o = { status: 'declined' as const, amount: p.amount_kopecks, reason: 'not_sent' as const };
    }
    const settled = await settlePayment(ctx, p.id, o, 'reconciler');
    if (settled.status === 'approved') r.approved++;
    else if (settled.status === 'declined') r.declined++;
    else r.stillOpen++;
  }
  return r;
}

/** Once now (everything open is settled: nothing of ours is in flight at start), then every `everyMs`. */
export async function startReconciler(ctx: AssaContext, gateway: PaymentGateway, everyMs = 15_000): Promise<{ stop(): void; idle(): Promise<void>; first: ReconcileResult }> {
  const first = await reconcileOnce(ctx, gateway, 0);
  if (first.checked) ctx.log.info({ ...first }, 'reconciler: open payments at start settled against the gateway');
  let running: Promise<unknown> = Promise.resolve();
  const t = setInterval(() => {
    running = running.then(() => reconcileOnce(ctx, gateway)).catch((e: unknown) => ctx.log.error({ err: e }, 'reconciler pass failed'));
  }, everyMs);
  t.unref?.();
  return { stop: () => clearInterval(t), idle: () => running.then(() => undefined), first };
}
