// The account client: the one way the shared account pages reach ASSA. The desktop app
// gives them its AppApi proxy (the core adds the session cookie and the CSRF token and
// sends the request over the modem link when it is up); the web portal gives them direct
// fetch calls to /api/v1 on its own origin. The pages never know which.
import { createContext, useContext } from 'react';

export type AssaMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface AssaRequestOptions {
  query?: Record<string, string>;
  /** A money-moving request: the client sends a fresh Idempotency-Key (A-MON-2). */
  idempotent?: boolean;
}

export interface AssaError {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

/** A coded answer of ASSA other than 2xx, as a value the pages can branch on. */
export class AssaCallError extends Error {
  constructor(
    readonly status: number,
    readonly error: AssaError,
  ) {
    super(error.message);
  }
  get code(): string {
    return this.error.code;
  }
}

export interface AccountClient {
  /** One API call; resolves with the JSON body of a 2xx answer, rejects with AssaCallError. */
  request<T = unknown>(method: AssaMethod, path: string, body?: unknown, opts?: AssaRequestOptions): Promise<T>;
  /**
   * A-SEC-4 where the host can activate a RUNA by itself (the app, through the modem,
   * R-AUTO-3). Absent in the portal: there the subscriber activates one from their phone
   * and types it, and the Security page sends it.
   */
  openProtected?: () => Promise<unknown>;
}

/** The error body of an answer, or a coded stand-in when the body has none. */
export function errorOf(status: number, body: unknown): AssaError {
  const e = (body as { error?: AssaError } | null)?.error;
  return e && typeof e.code === 'string' ? e : { code: `http_${status}`, message: `The server answered ${status}.` };
}

export const AccountClientContext = createContext<AccountClient | null>(null);

export function useAccountClient(): AccountClient {
  const c = useContext(AccountClientContext);
  if (!c) throw new Error('useAccountClient outside AccountClientContext');
  return c;
}
