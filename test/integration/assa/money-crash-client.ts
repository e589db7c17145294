// One client process of the money crash test: it sends card (some with 3-D Secure and a
// wrong code first), e-wallet, scratch-card and transfer operations, each under its own
// Idempotency-Key, and retries each one with the same key until the answer is definitive
// (the server is being killed -9 meanwhile). Every definitive answer is one JSON line on
// stdout; the test checks them against the database and the gateway's own record.
// env: ASSA_URL, CLIENT_ID, AUTH (JSON headers), OPS, SEED, PEERS (JSON numbers), SELF, VOUCHERS (JSON codes)
import http from 'node:http';

const base = process.env.ASSA_URL!;
const id = process.env.CLIENT_ID!;
const auth = JSON.parse(process.env.AUTH!) as Record<string, string>;
const peers = JSON.parse(process.env.PEERS!) as string[];
const vouchers = JSON.parse(process.env.VOUCHERS ?? '[]') as string[];
const ops = Number(process.env.OPS ?? 40);
let seed = Number(process.env.SEED ?? 1);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;

type Answer = { status: number; body: Record<string, unknown> | null };
/** Why attempts of the current key got no answer (ECONNREFUSED, ECONNRESET, timeout, …) and how long they took: said when a key is stuck. */
let noAnswer: Record<string, number> = {};
const attempts: Array<[string, number]> = [];
function send(method: string, p: string, body: unknown, key: string): Promise<Answer | null> {
  const payload = Buffer.from(JSON.stringify(body));
  const t0 = Date.now();
  return new Promise((resolve) => {
    const none = (why: string) => {
      noAnswer[why] = (noAnswer[why] ?? 0) + 1;
      attempts.push([why, Date.now() - t0]);
      resolve(null);
    };
    const r = http.request(new URL(p, base), { method, headers: { 'content-type': 'application/json', ...auth, 'idempotency-key': key }, timeout: 10_000 }, (res) => {
      let t = '';
      res.on('data', (c: Buffer) => (t += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: t ? (JSON.parse(t) as Record<string, unknown>) : null });
        } catch {
          none('unparsable');
        }
      });
      res.on('error', (e: NodeJS.ErrnoException) => none(`response ${e.code ?? e.message}`));
    });
    r.on('error', (e: NodeJS.ErrnoException) => none(e.code ?? e.message));
    r.on('timeout', () => r.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    r.end(payload);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const THINK_MS = Number(process.env.THINK_MS ?? 150);
let retries = 0;
/** A key with no definitive answer this long is a failure of the server, said so and not waited for forever. */
const GIVE_UP_MS = Number(process.env.GIVE_UP_MS ?? 180_000);
/**
 * Definitive: a 2xx that is not "pending", or a 4xx refusal. Anything else is retried with
 * the same key: no answer, a 5xx, "pending", and 409 idempotency_in_flight (an earlier
 * attempt of this key is still being answered, e.g. after our 10 s timeout — taking the 409
 * as a refusal would count an operation that may well go through as refused).
 */
async function untilDefinitive(method: string, p: string, body: unknown, key: string): Promise<Answer> {
  const since = Date.now();
  let last: Answer | null = null;
  noAnswer = {};
  attempts.length = 0;
  for (;;) {
    const a = await send(method, p, body, key);
    const inFlight = a?.status === 409 && (a.body?.error as { code?: string } | undefined)?.code === 'idempotency_in_flight';
    if (a && a.status < 500 && a.status !== 202 && a.body?.status !== 'pending' && !inFlight) return a;
    if (a) last = a;
    if (Date.now() - since > GIVE_UP_MS) {
      out({ key, stuck: true, waitedMs: Date.now() - since, lastStatus: last?.status ?? null, lastBody: last?.body ?? null, noAnswer, lastAttempts: attempts.slice(-30) });
      process.exit(3);
    }
    retries++;
    await sleep(40 + rnd() * 120);
  }
}

const out = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ client: id, ...o })}\n`);

async function main() {
  for (let i = 0; i < ops; i++) {
    // A pause between operations, as a person's: the operations spread over several server lives.
    if (i) await sleep(THINK_MS * (0.5 + rnd()));
    const key = `crash-${id}-op-${i}`; // 8-100 characters, as the server requires
    const kind = pick(['card', 'card', 'card3ds', 'ewallet', 'voucher', 'transfer', 'transfer']);
    // Half of the operations pay for another number (A-MON-3), some of them under 10 UAH.
    const forOther = rnd() < 0.5 ? pick(peers) : undefined;
    const amount = pick([500, 999, 1000, 2500, 5000, 15_000, 30_000]);
    if (kind === 'transfer') {
      const to = forOther ?? pick(peers);
      const a = await untilDefinitive('POST', '/api/v1/money/transfers', { to, amount }, key);
      out({ key, kind, status: a.status, to, amount, ref: a.body?.transferId ?? null, code: (a.body?.error as { code?: string } | undefined)?.code ?? null });
      continue;
    }
    if (kind === 'voucher') {
      const code = vouchers.length ? vouchers.shift()! : '30000000000001';
      const a = await untilDefinitive('POST', '/api/v1/money/topups/voucher', { code, ...(forOther ? { forNumber: forOther } : {}) }, key);
      out({ key, kind, status: a.status, to: forOther ?? null, amount: a.body?.amount ?? null, ref: a.body?.paymentId ?? null, code: (a.body?.error as { code?: string } | undefined)?.code ?? null });
      continue;
    }
    const body =
      kind === 'ewallet'
        ? { wallet: 'privat24', account: rnd() < 0.2 ? 'decline-acct' : 'acct-1', amount, ...(forOther ? { forNumber: forOther } : {}) }
        : { cardNumber: kind === 'card3ds' ? '4000000000003220' : rnd() < 0.15 ? '4000000000000002' : '4111111111111111', expiry: rnd() < 0.1 ? '01/20' : '12/30', cvc: '123', amount, ...(forOther ? { forNumber: forOther } : {}) };
    let a = await untilDefinitive('POST', kind === 'ewallet' ? '/api/v1/money/topups/ewallet' : '/api/v1/money/topups/card', body, key);
    if (a.status === 200 && a.body?.status === '3ds_required') {
      const pid = String(a.body.paymentId);
      // One wrong code first in half of the cases: it must not cancel the payment.
      if (rnd() < 0.5) {
        const w = await untilDefinitive('POST', `/api/v1/money/topups/card/${pid}/confirm`, { code: '0000' }, `${key}-wrong`);
        out({ key: `${key}-wrong`, kind: '3ds-wrong', status: w.status, paymentId: pid, code: (w.body?.error as { code?: string } | undefined)?.code ?? null });
      }
      a = await untilDefinitive('POST', `/api/v1/money/topups/card/${pid}/confirm`, { code: '1234' }, `${key}-confirm`);
    }
    out({ key, kind, status: a.status, to: forOther ?? null, amount, ref: a.body?.paymentId ?? null, paymentStatus: a.body?.status ?? null, code: (a.body?.error as { code?: string } | undefined)?.code ?? null });
  }
  out({ done: true, retries });
}
void main();
