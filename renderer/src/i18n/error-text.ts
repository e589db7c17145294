// A coded error as the user reads it, in the user's language (U-I18N-1). The server sends
// a code, the field and parameters; its English `message` is for logs and API users, so
// it reaches the screen only in English and only for a code we have no text for. A
// validator's raw words ("body/amount must be >= 1") never reach any screen: they become
// "check this field" with the field's own label.
import i18next from 'i18next';

type T = (key: string, opts?: Record<string, unknown>) => string;

interface CodedLike {
  code?: string;
  message?: string;
  field?: string;
  details?: unknown;
  error?: CodedLike;
}

/** Words a validator writes; a message containing them is not for people. */
const RAW_VALIDATOR = /\b(must (match|be|have|NOT)|body\/|querystring\/|params\/|should (match|be))\b/i;

export function errorText(t: T, e: unknown, language: string = i18next.language): string {
  const err = unwrap(e);
  const code = err?.code;
  const params = { ...(isRecord(err?.details) ? err.details : {}), ...(err?.field ? { field: fieldLabel(t, err.field) } : {}) };
  if (code === 'invalid_request' || code === 'bad_request') return err?.field ? t('errors.checkField', params) : t('errors.checkInput');
  // bad_credentials names a field only when the current password of a change is wrong: "wrong number or password" would mislead there.
  if (code === 'bad_credentials' && (err?.field === 'oldPassword' || err?.field === 'password')) return t('errors.currentPasswordWrong');
  if (code) {
    const key = `errors.codes.${code}`;
    const translated = t(key, params);
    if (translated !== key) return translated;
  }
  const message = err?.message;
  if (message && language === 'en' && !RAW_VALIDATOR.test(message)) return message;
  return code ? t('errors.unknownCode', { code }) : t('errors.generic', { message: '' });
}

/** The field's label as the forms show it, else the field's own name. */
function fieldLabel(t: T, field: string): string {
  const key = `errors.fields.${field}`;
  const label = t(key);
  return label === key ? field : label;
}

function unwrap(e: unknown): CodedLike | null {
  if (!e || typeof e !== 'object') return null;
  const c = e as CodedLike;
  // AssaCallError keeps the server's body under `error`; AppCallError is flat.
  return c.error && typeof c.error === 'object' && typeof c.error.code === 'string' ? c.error : c;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
