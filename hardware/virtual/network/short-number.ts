// Short number 2772 (ASSA.md A-NET-2, A-RUNA-1): what counts as 2772 traffic, and the
// hand-over to ASSA over HTTP as agreed in src/shared/network-contract.ts.
import { CodedError } from '../../../src/shared/errors';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER, type NetworkEvent, type NetworkReply } from '../../../src/shared/network-contract';

export const SHORT_NUMBER = '2772';

/** A-RUNA-1: "*2772*XXXXXX" or "2772XXXXXX" (any digits after; ASSA judges the format). */
export function isShortNumberDial(digits: string): boolean {
  return /^\*2772\*[0-9]*#?$/.test(digits) || /^2772[0-9]+$/.test(digits);
}

export interface ShortNumberTarget {
  /** ASSA base URL, e.g. http://127.0.0.1:8750 */
  url: string;
  secret: string;
  timeoutMs?: number;
}

function isReply(x: unknown): x is NetworkReply {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  if (r.kind === 'sms') return r.from === '2772' && typeof r.text === 'string';
  if (r.kind === 'announcement') return typeof r.text === 'string' && ['activated', 'invalid_number', 'failed'].includes(String(r.outcome));
  return false;
}

/** POSTs one event; resolves with ASSA's reply or rejects with a CodedError (assa_unreachable, assa_rejected, assa_bad_reply). */
export async function postNetworkEvent(target: ShortNumberTarget, event: NetworkEvent): Promise<NetworkReply> {
  const url = new URL(NETWORK_EVENTS_PATH, target.url.endsWith('/') ? target.url : `${target.url}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [NETWORK_SECRET_HEADER]: target.secret },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(target.timeoutMs ?? 5000),
    });
  } catch (e) {
    throw new CodedError('assa_unreachable', `ASSA at ${url.origin} did not answer: ${(e as Error).message}`, { cause: e });
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new CodedError('assa_rejected', `ASSA answered HTTP ${res.status} to a 2772 event`, { details: { status: res.status } });
  const reply = (body as { reply?: unknown } | null)?.reply;
  if (!isReply(reply)) throw new CodedError('assa_bad_reply', 'ASSA answered a 2772 event without a valid reply');
  return reply;
}
