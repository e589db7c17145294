// The LiqPay adapter against a server on loopback speaking LiqPay's protocol: signed
// requests (checked against openssl's own SHA-1), the order id as the idempotency key,
// declines, expired cards, the OTP/3-D Secure step with 3 tries, the status query after a
// lost answer, and the callback's signature check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayUnavailable } from '../../../src/assa/payments/gateway';
import { liqpayGateway } from '../../../src/assa/payments/liqpay-gateway';
import { encodeLiqpay, liqpaySignature } from '../../../src/assa/payments/liqpay-protocol';
import { startLiqpaySandbox, type LiqpaySandbox } from '../../support/liqpay-sandbox';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-liqpay-'));
const keys = { publicKey: 'sandbox_i000000001', privateKey: 'sandbox_secret_Z9x' };
let now = Date.parse('2027-01-15T10:00:00Z');
const clock = { now: () => now };
let box: LiqpaySandbox;
beforeAll(async () => {
  box = await startLiqpaySandbox({ ...keys, recordFile: path.join(dir, 'liqpay-record.db'), clock });
});
afterAll(async () => {
  await box.close();
  rmSync(dir, { recursive: true, force: true });
});

const card = (cardNumber: string, expiry = '12/29') => ({ kind: 'card' as const, cardNumber, expiry, cvc: '123' });

describe('LiqPay-style adapter (contract)', () => {
  it('signs as LiqPay documents: base64(sha1(private + data + private)), same as openssl', () => {
    const data = Buffer.from(JSON.stringify({ version: 3, action: 'status', order_id: 'x1' })).toString('base64');
    const openssl = execFileSync('sh', ['-c', 'printf %s "$1" | openssl dgst -sha1 -binary | base64', 'sh', keys.privateKey + data + keys.privateKey]).toString().trim();
    expect(liqpaySignature(keys.privateKey, data)).toBe(openssl);
  });

  it('a card payment goes out signed, with the key as order_id and the amount in hryvnias; asking twice charges once', async () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    const req = { key: 'pay_contract_1', amount: 15_025, description: 'Top-up 441234567', source: card('4111111111111111') };
    expect(await g.charge(req)).toEqual({ status: 'approved', amount: 15_025 });
    expect(await g.charge(req)).toEqual({ status: 'approved', amount: 15_025 });
    const sent = box.requests.filter((r) => r.order_id === 'pay_contract_1');
    expect(sent[0]).toMatchObject({ version: 3, public_key: keys.publicKey, action: 'pay', amount: 150.25, currency: 'UAH', card: '4111111111111111', card_exp_month: '12', card_exp_year: '29' });
    expect(box.record.charges().filter((c) => c.key === 'pay_contract_1')).toHaveLength(1);
  });

  it('declines, and refuses an expired card (last month) but takes one that expires this month', async () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    expect(await g.charge({ key: 'pay_decl', amount: 1000, description: '', source: card('4000000000000002') })).toMatchObject({ status: 'declined', reason: 'card_declined' });
    expect(await g.charge({ key: 'pay_exp', amount: 1000, description: '', source: card('4111111111111111', '12/26') })).toMatchObject({ status: 'declined', reason: 'card_expired' });
    expect(await g.charge({ key: 'pay_thismonth', amount: 1000, description: '', source: card('4111111111111111', '01/27') })).toMatchObject({ status: 'approved' });
  });

  it('3-D Secure: two wrong codes leave the payment waiting, the right one approves; three wrong decline', async () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    expect(await g.charge({ key: 'pay_3ds_a', amount: 5000, description: '', source: card('4000000000003220') })).toEqual({ status: '3ds_required', amount: 5000, triesLeft: 3 });
    expect(await g.confirm3ds('pay_3ds_a', '0000')).toEqual({ status: '3ds_required', amount: 5000, triesLeft: 2 });
    expect(await g.confirm3ds('pay_3ds_a', '0001')).toEqual({ status: '3ds_required', amount: 5000, triesLeft: 1 });
    expect(await g.confirm3ds('pay_3ds_a', '1234')).toEqual({ status: 'approved', amount: 5000 });
    expect(await g.confirm3ds('pay_3ds_a', '9999')).toEqual({ status: 'approved', amount: 5000 }); // settled: stays approved

    await g.charge({ key: 'pay_3ds_b', amount: 5000, description: '', source: card('4000000000003220') });
    for (const code of ['1', '2']) expect(await g.confirm3ds('pay_3ds_b', code)).toMatchObject({ status: '3ds_required' });
    expect(await g.confirm3ds('pay_3ds_b', '3')).toMatchObject({ status: 'declined', reason: '3ds_failed' });
  });

  it('a lost answer: the charge call fails as unavailable, and the status query tells the truth (one charge)', async () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    box.dropAnswers = 1;
    await expect(g.charge({ key: 'pay_lost', amount: 2500, description: '', source: card('4111111111111111') })).rejects.toBeInstanceOf(GatewayUnavailable);
    expect(await g.status('pay_lost')).toEqual({ status: 'approved', amount: 2500 });
    expect(await g.status('pay_never_sent')).toEqual({ status: 'unknown' });
    expect(box.record.charges().filter((c) => c.key === 'pay_lost')).toHaveLength(1);
  });

  it('wrong keys are no answer about the payment (unavailable), never a decline', async () => {
    const g = liqpayGateway({ url: box.url, publicKey: keys.publicKey, privateKey: 'wrong' });
    await expect(g.charge({ key: 'pay_badkey', amount: 1000, description: '', source: card('4111111111111111') })).rejects.toBeInstanceOf(GatewayUnavailable);
    const g2 = liqpayGateway({ url: 'http://127.0.0.1:1/api/request', ...keys, timeoutMs: 2000 });
    await expect(g2.status('x')).rejects.toBeInstanceOf(GatewayUnavailable);
    expect(box.record.charges().some((c) => c.key === 'pay_badkey')).toBe(false);
  });

  it('checks the callback signature: the gateway\'s word is taken, a forged or altered one is not', () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    const genuine = encodeLiqpay(keys.privateKey, { order_id: 'pay_cb', status: 'success', amount: 10 });
    expect(g.verifyCallback(genuine.data, genuine.signature)).toEqual({ key: 'pay_cb', outcome: { status: 'approved', amount: 1000 } });
    const forged = encodeLiqpay('not-the-key', { order_id: 'pay_cb', status: 'success', amount: 10 });
    expect(g.verifyCallback(forged.data, forged.signature)).toBeNull();
    const altered = Buffer.from(JSON.stringify({ order_id: 'pay_cb', status: 'success', amount: 1000 })).toString('base64');
    expect(g.verifyCallback(altered, genuine.signature)).toBeNull();
    expect(g.verifyCallback(undefined, genuine.signature)).toBeNull();
  });

  it('a 3-D Secure wait that runs out (15 min) is declined in the gateway\'s record', async () => {
    const g = liqpayGateway({ url: box.url, ...keys });
    await g.charge({ key: 'pay_3ds_late', amount: 3000, description: '', source: card('4000000000003220') });
    now += 15 * 60_000 - 1;
    expect(await g.status('pay_3ds_late')).toMatchObject({ status: '3ds_required' });
    now += 1;
    expect(await g.status('pay_3ds_late')).toMatchObject({ status: 'declined', reason: '3ds_expired' });
  });
});
