// The demo gateway's own record lives in its own file and survives closing it (the crash
// test kills it with -9 as part of the server process).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestGateway } from './test-gateway';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-testgw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const card = (cardNumber: string, expiry = '12/30') => ({ kind: 'card' as const, cardNumber, expiry, cvc: '123' });

describe('test gateway', () => {
  it('charges once per key, and its record is still there after a reopen', async () => {
    const file = path.join(dir, 'gw.db');
    const clock = { now: () => Date.parse('2027-03-10T10:00:00Z') };
    const g = openTestGateway(file, clock);
    expect(await g.charge({ key: 'k1', amount: 5000, description: '', source: card('4111111111111111') })).toEqual({ status: 'approved', amount: 5000 });
    expect(await g.charge({ key: 'k1', amount: 5000, description: '', source: card('4111111111111111') })).toEqual({ status: 'approved', amount: 5000 });
    expect(await g.charge({ key: 'k2', amount: 700, description: '', source: { kind: 'wallet', wallet: 'privat24', account: 'decline-me' } })).toMatchObject({ status: 'declined', reason: 'wallet_declined' });
    g.close();
    const again = openTestGateway(file, clock);
    expect(again.charges().map((c) => [c.key, c.status])).toEqual([
      ['k1', 'approved'],
      ['k2', 'declined'],
    ]);
    expect(await again.status('k1')).toEqual({ status: 'approved', amount: 5000 });
    expect(await again.status('nope')).toEqual({ status: 'unknown' });
    again.close();
  });
  it('refuses expired cards; 3 tries of the 3-D Secure code', async () => {
    const g = openTestGateway(':memory:', { now: () => Date.parse('2027-03-10T10:00:00Z') });
    expect(await g.charge({ key: 'e', amount: 100, description: '', source: card('4111111111111111', '02/27') })).toMatchObject({ status: 'declined', reason: 'card_expired' });
    expect(await g.charge({ key: 'e2', amount: 100, description: '', source: card('4111111111111111', '03/27') })).toMatchObject({ status: 'approved' });
    await g.charge({ key: 't', amount: 100, description: '', source: card('4000000000003220') });
    expect(await g.confirm3ds('t', '1')).toMatchObject({ status: '3ds_required', triesLeft: 2 });
    expect(await g.confirm3ds('t', '2')).toMatchObject({ status: '3ds_required', triesLeft: 1 });
    expect(await g.confirm3ds('t', '1234')).toEqual({ status: 'approved', amount: 100 });
    await g.charge({ key: 'u', amount: 100, description: '', source: card('4000000000003220') });
    await g.confirm3ds('u', '1');
    await g.confirm3ds('u', '2');
    expect(await g.confirm3ds('u', '3')).toMatchObject({ status: 'declined', reason: '3ds_failed' });
    expect(await g.confirm3ds('u', '1234')).toMatchObject({ status: 'declined' });
    expect(await g.confirm3ds('never', '1234')).toEqual({ status: 'unknown' });
    g.close();
  });
});
