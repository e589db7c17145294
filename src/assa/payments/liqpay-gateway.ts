// A LiqPay-style gateway adapter (Fondy speaks the same shape with other field names):
// server-to-server card and wallet payments (`pay`), the OTP/3-D Secure step (`confirm`),
// the status query the reconciler uses (`status`), and the signed callback the gateway
// posts to our server (checked in `verifyCallback`). Configured by flags or environment
// (ASSA_LIQPAY_URL, ASSA_LIQPAY_PUBLIC_KEY, ASSA_LIQPAY_PRIVATE_KEY, ASSA_LIQPAY_CALLBACK_URL).
import { decodeLiqpay, encodeLiqpay, kopecksToUah, LIQPAY_VERSION, liqpayMeaning, uahToKopecks } from './liqpay-protocol';
import { GatewayUnavailable, type DeclineReason, type GatewayOutcome, type PaymentGateway } from './gateway';

export interface LiqpayConfig {
  /** The API endpoint, e.g. https://www.liqpay.ua/api/request */
  url: string;
  publicKey: string;
  privateKey: string;
  /** Where the gateway posts the outcome (our /api/v1/payments/liqpay/callback). */
  callbackUrl?: string;
  /** A call that takes longer is treated as unanswered (the payment stays pending). */
  timeoutMs?: number;
}

export interface LiqpayGateway extends PaymentGateway {
  /** A callback's form fields: the gateway's word on one order, or null when the signature is wrong. */
  verifyCallback(data: unknown, signature: unknown): { key: string; outcome: GatewayOutcome } | null;
}

/** Errors about our request itself (keys, signature), not about the payer's money. */
const CONFIG_ERRORS = new Set(['invalid_signature', 'public_key_not_found', 'unknown_action', 'err_access', 'err_shop_not_agree']);

function reasonOf(p: Record<string, unknown>): DeclineReason {
  const code = String(p.err_code ?? '');
  if (/otp|3ds/i.test(code)) return /expired/i.test(code) ? '3ds_expired' : '3ds_failed';
  if (/expired/i.test(code)) return 'card_expired';
  return 'card_declined';
}

export function toOutcome(p: Record<string, unknown>): GatewayOutcome | 'pending' {
  const amount = uahToKopecks(p.amount);
  switch (liqpayMeaning(p)) {
    case 'approved':
      return { status: 'approved', amount };
    case 'declined':
      return { status: 'declined', amount, reason: reasonOf(p) };
    case '3ds_required':
      return { status: '3ds_required', amount, triesLeft: Number(p.otp_tries_left ?? 1) };
    case 'unknown':
      return { status: 'unknown' };
    default:
      return 'pending';
  }
}

export function liqpayGateway(cfg: LiqpayConfig): LiqpayGateway {
  const call = async (params: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const body = new URLSearchParams(encodeLiqpay(cfg.privateKey, { version: LIQPAY_VERSION, public_key: cfg.publicKey, ...params }));
    let res: Response;
    try {
      res = await fetch(cfg.url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, signal: AbortSignal.timeout(cfg.timeoutMs ?? 20_000) });
    } catch (e) {
      throw new GatewayUnavailable(`LiqPay did not answer: ${(e as Error).message}`);
    }
    if (res.status >= 500) throw new GatewayUnavailable(`LiqPay answered HTTP ${res.status}`);
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch {
      throw new GatewayUnavailable('LiqPay answered something that is not JSON');
    }
  };
  /** A non-final answer is no answer yet: the payment stays pending and is asked about again. */
  const final = (p: Record<string, unknown>): GatewayOutcome => {
    // Our own keys or signature refused: that says nothing about the payment, so it is no answer.
    if (p.status === 'error' && CONFIG_ERRORS.has(String(p.err_code))) throw new GatewayUnavailable(`LiqPay refused our request: ${String(p.err_code)}`);
    const o = toOutcome(p);
    if (o === 'pending') throw new GatewayUnavailable(`LiqPay: payment still ${String(p.status)}`);
    return o;
  };

  return {
    name: 'liqpay',
    async charge(req) {
      const s = req.source;
      const source =
        s.kind === 'card'
          ? { paytype: 'card', card: s.cardNumber, card_exp_month: s.expiry.slice(0, 2), card_exp_year: s.expiry.slice(3, 5), card_cvv: s.cvc }
          : { paytype: s.wallet, phone: s.account };
      const o = final(await call({ action: 'pay', order_id: req.key, amount: kopecksToUah(req.amount), currency: 'UAH', description: req.description, ...source, ...(cfg.callbackUrl ? { server_url: cfg.callbackUrl } : {}) }));
      if (o.status === 'unknown') throw new GatewayUnavailable('LiqPay does not know the payment it was just asked to make');
      return o;
    },
    async confirm3ds(key, code) {
      return final(await call({ action: 'confirm', order_id: key, otp: code }));
    },
    async status(key) {
      return final(await call({ action: 'status', order_id: key }));
    },
    verifyCallback(data, signature) {
      const d = decodeLiqpay(cfg.privateKey, data, signature);
      if (!d.ok || typeof d.params.order_id !== 'string') return null;
      const o = toOutcome(d.params);
      return o === 'pending' ? null : { key: d.params.order_id, outcome: o };
    },
  };
}
