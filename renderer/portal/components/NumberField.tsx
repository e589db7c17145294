// A-NUM-1: the number as the subscriber types it (0441234567, +380 44 123 45 67, …), with
// the canonical login shown back as soon as it is one, or what is wrong with it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseNumber } from '../../../src/shared/phone-number';

export function NumberField({ value, onChange, serverError }: { value: string; onChange: (v: string) => void; serverError?: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const n = normaliseNumber(value);
  const shown = value.trim() === '' ? null : n.ok ? t('portal.number.canonical', { number: n.number }) : t(`portal.number.errors.${n.reason}`);
  const bad = (value.trim() !== '' && !n.ok) || !!serverError;
  return (
    <label>
      {t('portal.number.label')}
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode="tel"
        autoComplete="username"
        required
        maxLength={32}
        aria-invalid={bad || undefined}
        aria-describedby={`${id}-hint ${id}-canon`}
        data-testid="portal-number-input"
      />
      <span id={`${id}-hint`} className="hint">
        {t('portal.number.hint')}
      </span>
      <span id={`${id}-canon`} className={n.ok ? 'canonical' : 'field-error'} aria-live="polite" data-testid="portal-number-canonical">
        {serverError ?? shown ?? ''}
      </span>
    </label>
  );
}

/** The canonical number, or null while the typed one is not a number yet. */
export function canonical(value: string): string | null {
  const n = normaliseNumber(value);
  return n.ok ? n.number : null;
}
