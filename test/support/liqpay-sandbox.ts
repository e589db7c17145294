// A LiqPay-protocol server on loopback for the adapter's contract tests: it checks the
// public key and the signature of every request exactly as LiqPay does, keeps its charges
// in a durable test-gateway record (so a test can count them), answers `pay`, `confirm`
// and `status`, and posts the signed callback to `server_url` like the real one.
// `dropAnswers` makes it charge and then cut the connection — the lost answer of a crash.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AssaClock } from '../../src/assa/domain/clock';
import { decodeLiqpay, encodeLiqpay, kopecksToUah, uahToKopecks } from '../../src/assa/payments/liqpay-protocol';
import { openTestGateway, type TestGateway } from '../../src/assa/payments/test-gateway';
import type { GatewayOutcome, PaymentSource } from '../../src/assa/payments/gateway';

export interface LiqpaySandbox {
  url: string;
  record: TestGateway;
  requests: Array<Record<string, unknown>>;
  callbacks: Array<{ status: number; body: string }>;
  dropAnswers: number;
  close(): Promise<void>;
}

const ERR: Record<string, string> = { card_expired: 'expired_card', card_declined: 'limit', wallet_declined: 'limit', '3ds_failed': 'otp_invalid', '3ds_expired': 'otp_expired' };

function liqpayAnswer(orderId: string, o: GatewayOutcome): Record<string, unknown> {
  if (o.status === 'unknown') return { result: 'error', status: 'error', err_code: 'payment_not_found', err_description: 'payment not found' };
  const base = { result: 'ok', action: 'pay', order_id: orderId, amount: kopecksToUah(o.amount), currency: 'UAH', payment_id: Math.abs(hash(orderId)) };
  if (o.status === 'approved') return { ...base, status: 'success' };
  if (o.status === '3ds_required') return { ...base, status: 'otp_verify', otp_tries_left: o.triesLeft };
  return { ...base, status: 'failure', err_code: ERR[o.reason] ?? 'err_payment' };
}
const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

export async function startLiqpaySandbox(o: { publicKey: string; privateKey: string; recordFile: string; clock: AssaClock }): Promise<LiqpaySandbox> {
  const record = openTestGateway(o.recordFile, o.clock);
  const box: LiqpaySandbox = { url: '', record, requests: [], callbacks: [], dropAnswers: 0, close: async () => {} };
  const postCallback = async (serverUrl: unknown, answer: Record<string, unknown>) => {
    if (typeof serverUrl !== 'string' || answer.status === 'otp_verify') return;
    const body = new URLSearchParams(encodeLiqpay(o.privateKey, answer)).toString();
    try {
      const r = await fetch(serverUrl, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      box.callbacks.push({ status: r.status, body: await r.text() });
    } catch (e) {
      box.callbacks.push({ status: 0, body: (e as Error).message });
    }
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      void (async () => {
        const form = new URLSearchParams(raw);
        const d = decodeLiqpay(o.privateKey, form.get('data'), form.get('signature'));
        const send = (j: Record<string, unknown>) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(j));
        if (!d.ok) return send({ result: 'error', status: 'error', err_code: 'invalid_signature' });
        const p = d.params;
        box.requests.push(p);
        if (p.public_key !== o.publicKey || p.version !== 3) return send({ result: 'error', status: 'error', err_code: 'public_key_not_found' });
        const orderId = String(p.order_id ?? '');
        let out: GatewayOutcome;
        if (p.action === 'pay') {
          const source: PaymentSource = p.paytype === 'card' ? { kind: 'card', cardNumber: String(p.card), expiry: `${String(p.card_exp_month)}/${String(p.card_exp_year)}`, cvc: String(p.card_cvv) } : { kind: 'wallet', wallet: String(p.paytype), account: String(p.phone) };
          out = await record.charge({ key: orderId, amount: uahToKopecks(p.amount), description: String(p.description ?? ''), source });
        } else if (p.action === 'confirm') out = await record.confirm3ds(orderId, String(p.otp ?? ''));
        else if (p.action === 'status') out = await record.status(orderId);
        else return send({ result: 'error', status: 'error', err_code: 'unknown_action' });
        const answer = liqpayAnswer(orderId, out);
        if (p.action !== 'status') void postCallback(p.server_url, answer);
        if (box.dropAnswers > 0 && p.action !== 'status') {
          box.dropAnswers--;
          return req.socket.destroy();
        }
        send(answer);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  box.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/request`;
  box.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    record.close();
  };
  return box;
}
