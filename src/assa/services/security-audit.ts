// The audit log of subscriber security events (issue 12): who, what, when, from where.
// Written beside the action and awaited — an event that cannot be recorded fails the
// request (a 500, logged) rather than happening unrecorded. The operator API's own actions
// go to operator_audit; this table is the subscriber side (see src/assa/README.md).
import type { AssaContext } from '../context';
import type { AssaStore } from '../store/assa-store';
import type { SecurityEventKind } from '../store/security-store';

let seq = 0;

export async function auditEvent(
  ctx: Pick<AssaContext, 'clock' | 'rng' | 'store'>,
  e: { number: string | null; event: SecurityEventKind; ip?: string | null; details?: Record<string, unknown> },
  store: AssaStore = ctx.store,
): Promise<void> {
  const at = ctx.clock.now();
  // Sortable by time, then by order of writing within one millisecond of this process.
  const id = `${String(at).padStart(15, '0')}-${String(seq++ % 1e6).padStart(6, '0')}-${ctx.rng.bytes(4).toString('hex')}`;
  await store.security.recordEvent({ id, at, number: e.number, event: e.event, ip: e.ip ?? null, details: e.details ?? {} });
}
