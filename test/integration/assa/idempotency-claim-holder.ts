// A node that claims one Idempotency-Key and then lives until it is killed, for the
// node-owned claims test: an `assa` store opened in its own process (its own node), as a
// server mid-request would hold the claim. Prints one JSON line: the outcome and its node id.
// env: ASSA_DB (SQLite file or postgres:// URL), NUMBER, KEY, ROUTE, BODY_HASH, NOW
import { IDEMPOTENCY_CLAIM_STALE_MS } from '../../../src/assa/http/idempotency-binding';
import { AssaStore } from '../../../src/assa/store/assa-store';
import { openStoreEngine } from '../../../src/assa/store/open-database';

async function main() {
  const store = new AssaStore(await openStoreEngine(process.env.ASSA_DB!));
  const outcome = await store.security.claimIdempotencyKey({ number: process.env.NUMBER!, key: process.env.KEY!, route: process.env.ROUTE!, bodyHash: process.env.BODY_HASH!, now: Number(process.env.NOW), staleAfterMs: IDEMPOTENCY_CLAIM_STALE_MS });
  process.stdout.write(`${JSON.stringify({ outcome, node: await store.engine.node.id() })}\n`);
  // Alive, holding the claim (and on PostgreSQL its node lock), until SIGKILL.
  setInterval(() => undefined, 60_000);
}
void main();
