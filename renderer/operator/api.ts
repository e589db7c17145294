// The console talks only to the operator API, on its own origin: the HttpOnly session
// cookie travels by itself, the CSRF token (from the login answer or GET /me) goes in
// the x-csrf-token header of every write. Errors come back as values with a code.
export const BASE = '/api/v1/operator';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The parameters of the code (rules of weak_password, permission of forbidden_role…). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let csrf = '';
export const setCsrf = (t: string) => {
  csrf = t;
};

export async function api<T>(method: string, path: string, body?: unknown, opts: { csv?: boolean; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = opts.csv ? 'text/csv' : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const res = await fetch(`${BASE}${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: opts.csv ? String(body) : JSON.stringify(body) } : {}) });
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; field?: string; details?: Record<string, unknown> } } | null)?.error;
    throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? res.statusText, e?.field, e?.details);
  }
  return data as T;
}

export interface Me {
  login: string;
  role: 'admin' | 'support' | 'billing';
  mustChangePassword: boolean;
  csrfToken: string;
  demoClock: boolean;
  now: string;
}
