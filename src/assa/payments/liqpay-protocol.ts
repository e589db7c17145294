// The LiqPay API v3 wire format, pure (https://www.liqpay.ua/documentation/api/aquiring):
// every request and callback is two form fields, `data` = base64 of the JSON parameters
// and `signature` = base64(sha1(private_key + data + private_key)). Amounts travel as
// decimal hryvnias; we keep kopecks and convert at this edge only.
import { createHash, timingSafeEqual } from 'node:crypto';

export const LIQPAY_VERSION = 3;

export const liqpaySignature = (privateKey: string, data: string): string => createHash('sha1').update(privateKey + data + privateKey).digest('base64');

export function encodeLiqpay(privateKey: string, params: Record<string, unknown>): { data: string; signature: string } {
  const data = Buffer.from(JSON.stringify(params), 'utf8').toString('base64');
  return { data, signature: liqpaySignature(privateKey, data) };
}

export type LiqpayDecoded = { ok: true; params: Record<string, unknown> } | { ok: false; code: 'bad_signature' | 'bad_data' };

/** Checks the signature first (in constant time) and only then reads the data. */
export function decodeLiqpay(privateKey: string, data: unknown, signature: unknown): LiqpayDecoded {
  if (typeof data !== 'string' || typeof signature !== 'string') return { ok: false, code: 'bad_data' };
  const want = Buffer.from(liqpaySignature(privateKey, data));
  const got = Buffer.from(signature);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, code: 'bad_signature' };
  try {
    const params = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as unknown;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return { ok: false, code: 'bad_data' };
    return { ok: true, params: params as Record<string, unknown> };
  } catch {
    return { ok: false, code: 'bad_data' };
  }
}

export const kopecksToUah = (k: number): number => Number((k / 100).toFixed(2));
export const uahToKopecks = (u: unknown): number => Math.round(Number(u) * 100);

/**
 * LiqPay's payment statuses and what they mean here. `sandbox` is LiqPay's approved test
 * payment; `3ds_verify`/`otp_verify` wait for the cardholder's code; `processing`,
 * `wait_secure` and the like are not final yet.
 */
export type LiqpayMeaning = 'approved' | 'declined' | '3ds_required' | 'pending' | 'unknown';
export function liqpayMeaning(p: Record<string, unknown>): LiqpayMeaning {
  const status = String(p.status ?? '');
  if (status === 'success' || status === 'sandbox') return 'approved';
  if (status === '3ds_verify' || status === 'otp_verify') return '3ds_required';
  if (status === 'failure' || status === 'reversed') return 'declined';
  if (status === 'error') return p.err_code === 'payment_not_found' ? 'unknown' : 'declined';
  return 'pending';
}
