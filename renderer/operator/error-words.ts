// An operator API error in the console's language (issue 18). The server answers with a code,
// the field and parameters; its English message is for logs and API users, so it reaches the
// screen only in English and only for a code the console has no words for. A weak password
// says which rules it breaks; a request that never reached the server says so.
import type { TFunction } from 'i18next';
import { errorText } from '../src/i18n/error-text';
import { ApiError } from './api';

export function consoleErrorText(t: TFunction, lng: string, e: unknown): string {
  if (e instanceof ApiError) {
    const rules = e.details?.rules;
    if (e.code === 'weak_password' && Array.isArray(rules) && rules.length) return rules.map((r) => t(`errors.rules.${String(r)}`)).join(' ');
    return errorText((key, opts) => t(key, opts), e, lng);
  }
  // fetch() rejects with a TypeError when the server is down or the network is gone
  if (e instanceof TypeError) return t('errors.network');
  return String(e);
}
