// An ASSA server with its operators: admin, support and billing accounts created the way
// `assa operator add` does, logged in over HTTP, one-time passwords replaced.
import http from 'node:http';
import { addOperator } from '../../../src/assa/operator/services/operator-accounts';
import type { OperatorRole } from '../../../src/assa/operator/roles';
import { OperatorStore } from '../../../src/assa/store/operator-store';
import { Client, startHarness, type Harness, type Res } from '../assa/assa-harness';
import type { StartAssaOptions } from '../../../src/assa/embedded';

export const OP = '/api/v1/operator';
export const NEW_PASSWORD = 'Sunflower-2026-desk';

/** A browser-like operator client: the operator cookies, the CSRF header on writes. */
export class OperatorClient extends Client {
  override get csrf(): string | undefined {
    return this.cookies.get('assa_operator_csrf');
  }
  op(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    return this.call(method, `${OP}${path}`, body, headers);
  }
  /** A CSV upload: the file's bytes as the body, not JSON. */
  csv(path: string, text: string): Promise<Res> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const r = http.request(new URL(`${OP}${path}`, this.base), { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8', cookie, 'x-csrf-token': this.csrf ?? '' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'), headers: res.headers }));
      });
      r.on('error', reject);
      r.end(text);
    });
  }
}

export interface OperatorHarness extends Harness {
  ops: OperatorStore;
  /** Logged in, password replaced. */
  as: Record<OperatorRole, OperatorClient>;
  newOperator(login: string, role: OperatorRole): Promise<{ client: OperatorClient; oneTime: string }>;
}

export async function startOperatorHarness(extra: Partial<StartAssaOptions> = {}): Promise<OperatorHarness> {
  const h = await startHarness(extra);
  const ops = new OperatorStore(h.assa.ctx.store);
  const newOperator = async (login: string, role: OperatorRole) => {
    const r = await addOperator(ops, h.assa.ctx.hasher, h.assa.ctx.rng, { login, role, at: new Date(h.clock.now()).toISOString(), by: null });
    return { client: new OperatorClient(h.assa.url), oneTime: r.password };
  };
  const as = {} as Record<OperatorRole, OperatorClient>;
  for (const role of ['admin', 'support', 'billing'] as const) {
    const { client, oneTime } = await newOperator(`${role}1`, role);
    const l = await client.op('POST', '/sessions', { login: `${role}1`, password: oneTime });
    if (l.status !== 200) throw new Error(`login ${role}: ${l.status} ${JSON.stringify(l.body)}`);
    const p = await client.op('PUT', '/password', { oldPassword: oneTime, newPassword: NEW_PASSWORD });
    if (p.status !== 200) throw new Error(`password ${role}: ${p.status} ${JSON.stringify(p.body)}`);
    as[role] = client;
  }
  return { ...h, ops, as, newOperator };
}

/** A subscriber logged in to the self-service (registered over its own data session is not needed: the test registers directly). */
export async function subscriberSession(h: Harness, number: string, password = 'Kvitka2026'): Promise<Client> {
  if (!(await h.assa.ctx.store.account(number))) await h.assa.ctx.store.createAccount(number, await h.assa.ctx.hasher.hash(password), null, new Date(h.clock.now()).toISOString());
  const c = new Client(h.assa.url);
  const r = await c.login(number, password);
  if (r.status !== 200) throw new Error(`subscriber login ${r.status}`);
  return c;
}
