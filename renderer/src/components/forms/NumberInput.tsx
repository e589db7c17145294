// One number form everywhere a subscriber number is typed (A-NUM-1): any form the spec
// allows (0441234567, +380 44 123 45 67, 380441234567, 441234567, with spaces, dashes,
// dots or brackets) is accepted; the field says how it reads it, or what is wrong, as
// the person types; the form sends the 9-digit national form.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, normaliseNumber } from '../../../../src/shared/phone-number';

/** The 9-digit form of what was typed, or null when it is not a Ukrainian number. */
export function numberForServer(raw: string): string | null {
  const r = normaliseNumber(raw);
  return r.ok ? r.number : null;
}

/** The words under the field: how the number reads, or (once the person has left the field) why it is not one; null for the plain hint. */
export function numberFeedback(raw: string, touched: boolean): { ok: boolean; key: string; number?: string } | null {
  const r = normaliseNumber(raw);
  if (r.ok) return { ok: true, key: 'numberForm.reads', number: formatNumber(r.number) };
  // An empty field is the browser's to flag (required); the words stay the hint.
  if (r.reason === 'empty' || !touched) return null;
  return { ok: false, key: `numberForm.${r.reason}` };
}

export function NumberInput(props: { label: string; value: string; onChange: (raw: string) => void; required?: boolean; testId?: string; describedBy?: string; name?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [touched, setTouched] = useState(false);
  const fb = numberFeedback(props.value, touched);
  const invalid = fb !== null && !fb.ok && (props.required || props.value.trim() !== '');
  return (
    <label>
      {props.label}
      <input
        value={props.value}
        name={props.name}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        inputMode="tel"
        autoComplete="tel-national"
        placeholder="0XX XXX XX XX"
        required={props.required}
        aria-invalid={invalid || undefined}
        aria-describedby={[`${id}-fb`, props.describedBy].filter(Boolean).join(' ')}
        data-testid={props.testId}
      />
      <span id={`${id}-fb`} className={invalid ? 'hint error' : 'hint'} data-testid={props.testId ? `${props.testId}-reads` : undefined}>
        {fb ? t(fb.key, fb.number ? { number: fb.number } : {}) : t('numberForm.hint')}
      </span>
    </label>
  );
}
