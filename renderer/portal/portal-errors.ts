// A coded error from ASSA as the subscriber reads it on the public pages: the portal's
// own words for the codes these pages meet, else the app's catalogue, else the server's.
import { errorText } from '../src/hooks/use-live';
import { AssaCallError } from '../src/pages/account/account-client';

type T = (k: string, o?: Record<string, unknown>) => string;

export function portalErrorText(t: T, e: unknown): string {
  const err = e instanceof AssaCallError ? e.error : (e as { code?: string; message?: string } | null);
  const key = `portal.errors.${err?.code ?? ''}`;
  const own = err?.code ? t(key) : key;
  return own !== key ? own : errorText(t, err);
}

export function codeOf(e: unknown): string | null {
  return e instanceof AssaCallError ? e.code : null;
}

export function fieldOf(e: unknown): string | null {
  return e instanceof AssaCallError ? (e.error.field ?? null) : null;
}
