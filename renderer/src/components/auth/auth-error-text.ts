// A failed account step in the user's words: per-rule messages for a weak password, and
// "try again after HH:MM" (Kyiv time) where a limit says until when to wait.
import type { TFunction } from 'i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivTime } from '../../format';
import { errorText } from '../../hooks/use-live';

export interface AuthProblem {
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

export function authErrorText(t: TFunction, e: unknown, lang: Language): string[] {
  const err = (e ?? {}) as AuthProblem;
  const rules = err.details?.rules;
  if (err.code === 'weak_password' && Array.isArray(rules) && rules.length) return rules.map((r) => t(`auth.broken.${String(r)}`));
  const retryAt = err.details?.retryAt;
  const base = errorText(t as never, e);
  if (typeof retryAt === 'string' && !Number.isNaN(Date.parse(retryAt))) return [base, t('auth.waitUntil', { time: formatKyivTime(retryAt, lang) })];
  return [base];
}
