// The app's one HTTP client for ASSA (ARCHITECTURE.md rule 6). Node's http, not fetch,
// because a request must be able to leave through the modem's data session: binding the
// socket to the link's local address makes the operator see the subscriber's own IP
// (A-NUM-3, A-REG-3a). Keeps the session cookie and echoes the CSRF token the server set.
import http from 'node:http';
import https from 'node:https';
import setCookie from 'set-cookie-parser';
import { CodedError } from '../../shared/errors';

export interface AssaResponse<T = unknown> {
  status: number;
  body: T;
  contentType: string | null;
  /** Seconds from the Retry-After header (429, 503), when the server sent one. */
  retryAfterS?: number | null;
}

export interface AssaRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
  /** Leave through this local address (the modem link's), when set. */
  localAddress?: string | null;
  timeoutMs?: number;
}

/** Cookies whose value the server expects echoed in a header (double-submit CSRF). */
const CSRF_COOKIES = ['csrf', 'csrf_token', 'assa_csrf', '_csrf', 'XSRF-TOKEN'];
export const CSRF_HEADER = 'x-csrf-token';

export class AssaClient {
  private readonly jar = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(private baseUrl: string) {}

  get base(): string {
    return this.baseUrl;
  }

  /** A new server forgets the old one's cookies. */
  setBase(url: string): void {
    if (url === this.baseUrl) return;
    this.baseUrl = url;
    this.forget();
  }

  forget(): void {
    this.jar.clear();
    this.csrfToken = null;
  }

  hasSession(): boolean {
    return this.jar.size > 0;
  }

  async request<T = unknown>(req: AssaRequest): Promise<AssaResponse<T>> {
    if (!this.baseUrl) throw new CodedError('assa_not_configured', 'No self-service server is set: choose one in Settings.');
    const url = new URL(req.path, this.baseUrl);
    if (!url.pathname.startsWith('/api/v1/') || url.pathname.split('/').some((s) => s === '..' || s === '.')) {
      throw new CodedError('invalid_path', 'Only ASSA API paths can be requested.', { field: 'path' });
    }
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const payload = req.body === undefined ? null : Buffer.from(JSON.stringify(req.body));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (req.method !== 'GET' && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    const lib = url.protocol === 'https:' ? https : http;
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const r = lib.request(
        url,
        { method: req.method, headers, ...(req.localAddress ? { localAddress: req.localAddress } : {}), timeout: req.timeoutMs ?? 15_000 },
        resolve,
      );
      r.on('timeout', () => r.destroy(new CodedError('assa_timeout', 'The self-service server did not answer in time.')));
      r.on('error', (e) => reject(e instanceof CodedError ? e : new CodedError('assa_unreachable', `The self-service server cannot be reached: ${e.message}`, { cause: e })));
      r.end(payload ?? undefined);
    });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    this.remember(res);
    const text = Buffer.concat(chunks).toString('utf8');
    const contentType = res.headers['content-type'] ?? null;
    let body: unknown = text;
    if (contentType?.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new CodedError('assa_bad_reply', 'The self-service server sent a reply that is not JSON.');
      }
    } else if (!text) body = null;
    const retry = Number(res.headers['retry-after']);
    return { status: res.statusCode ?? 0, body: body as T, contentType, retryAfterS: Number.isFinite(retry) && retry >= 0 ? retry : null };
  }

  /** The server may also hand the CSRF token in a body (login reply). */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  private remember(res: http.IncomingMessage): void {
    for (const c of setCookie.parse(res.headers['set-cookie'] ?? [])) {
      const expired = c.maxAge !== undefined ? c.maxAge <= 0 : c.expires !== undefined && c.expires.getTime() < Date.now();
      if (expired || c.value === '') this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
      if (CSRF_COOKIES.includes(c.name)) this.csrfToken = expired ? null : c.value;
    }
    const h = res.headers[CSRF_HEADER];
    if (typeof h === 'string' && h) this.csrfToken = h;
  }
}

/**
 * The error body of an ASSA reply (CONTRACTS.md shape) as a CodedError. A 429 carries
 * `retryAt` (from Retry-After, else from "in N s" in the message) so a screen can say
 * until when to wait; the server's details (e.g. the broken password rules) are kept.
 */
export function assaError(r: AssaResponse, now = Date.now()): CodedError {
  const e = (r.body as { error?: { code?: string; message?: string; field?: string; details?: Record<string, unknown>; rules?: unknown } } | null)?.error;
  const details: Record<string, unknown> = { ...(e?.details ?? {}) };
  if (Array.isArray(e?.rules)) details.rules = e.rules;
  if (r.status === 429) {
    const inS = r.retryAfterS ?? Number(/in (\d+) ?s\b/.exec(e?.message ?? '')?.[1] ?? NaN);
    if (Number.isFinite(inS)) details.retryAt = new Date(now + inS * 1000).toISOString();
  }
  return new CodedError(e?.code ?? (r.status === 429 ? 'rate_limited' : `http_${r.status}`), e?.message ?? `The self-service server answered ${r.status}.`, {
    ...(e?.field ? { field: e.field } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  });
}
