// Issue 12 finding 2 on the operator side: an unknown or disabled operator login must cost
// what a wrong password costs. Checked by the work done (the hash parameters the password
// is checked against), not by the clock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OperatorClient, startOperatorHarness, type OperatorHarness } from './operator-harness';

let h: OperatorHarness;
beforeAll(async () => {
  // Not the N=1024 a fixed dummy used to have: the check must see the hasher's own parameters.
  h = await startOperatorHarness({ kdf: { N: 2 ** 11, r: 8, p: 1 } });
});
afterAll(async () => h.close());

describe('operator login: no telling who exists', () => {
  it('an unknown login checks the password against a hash with the same parameters as a real one, and answers the same', async () => {
    const verify = vi.spyOn(h.assa.ctx.hasher, 'verify');
    const params = (stored: string) => stored.split('$').slice(1, 4).join('$');
    const known = await new OperatorClient(h.assa.url).op('POST', '/sessions', { login: 'support1', password: 'Wrong-password-2026' });
    const unknown = await new OperatorClient(h.assa.url).op('POST', '/sessions', { login: 'nobody-here', password: 'Wrong-password-2026' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const checked = verify.mock.calls.map(([, stored]) => params(stored));
    expect(checked).toHaveLength(2);
    const { N, r, p } = h.assa.ctx.hasher.params;
    expect(checked).toEqual([`${N}$${r}$${p}`, `${N}$${r}$${p}`]);
    verify.mockRestore();
  });
});
