// The portal's account client: direct fetch calls to /api/v1 on the portal's own origin.
// The session is the HttpOnly cookie the browser keeps (the page never sees it); every
// state-changing call echoes the readable CSRF cookie (assa_csrf, or __Host-assa_csrf over
// HTTPS) in X-CSRF-Token (double submit).
// The portal talks to nothing but /api/v1: any other path is refused before it is sent.
import { AssaCallError, errorOf, type AccountClient, type AssaMethod, type AssaRequestOptions } from '../src/pages/account/account-client';

/** Over HTTPS the server prefixes its cookies with __Host- (Secure, Path=/, no Domain). */
export const CSRF_COOKIES = ['__Host-assa_csrf', 'assa_csrf'] as const;
const API = /^\/api\/v1\/(?!.*\.\.)[A-Za-z0-9/_.~-]*$/;

export function readCookie(cookies: string, name: string): string | null {
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export interface PortalClientOptions {
  /** Called when ASSA says the session ended (401 not_logged_in), so the portal shows the login. */
  onSessionEnded?: () => void;
  fetch?: typeof fetch;
  cookies?: () => string;
  newKey?: () => string;
}

export function portalAccountClient(opts: PortalClientOptions = {}): AccountClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const cookies = opts.cookies ?? (() => document.cookie);
  const newKey = opts.newKey ?? (() => crypto.randomUUID());
  return {
    async request<T>(method: AssaMethod, path: string, body?: unknown, o: AssaRequestOptions = {}): Promise<T> {
      if (!API.test(path)) throw new AssaCallError(0, { code: 'not_api_path', message: `The portal only calls /api/v1 (not ${path}).` });
      const qs = o.query && Object.keys(o.query).length ? `?${new URLSearchParams(o.query).toString()}` : '';
      const headers: Record<string, string> = { accept: 'application/json, text/csv;q=0.9' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET') {
        const jar = cookies();
        const csrf = CSRF_COOKIES.map((n) => readCookie(jar, n)).find((v) => v !== null);
        if (csrf) headers['x-csrf-token'] = csrf;
      }
      if (o.idempotent) headers['idempotency-key'] = newKey();
      let res: Response;
      try {
        res = await doFetch(path + qs, { method, headers, credentials: 'same-origin', cache: 'no-store', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      } catch {
        throw new AssaCallError(0, { code: 'network_unreachable', message: 'The server cannot be reached; check the connection and try again.' });
      }
      const type = res.headers.get('content-type') ?? '';
      const parsed: unknown = res.status === 204 ? null : type.includes('json') ? await res.json().catch(() => null) : await res.text();
      if (!res.ok) {
        const err = new AssaCallError(res.status, errorOf(res.status, parsed));
        if (res.status === 401 && err.code === 'not_logged_in') opts.onSessionEnded?.();
        throw err;
      }
      return parsed as T;
    },
  };
}
