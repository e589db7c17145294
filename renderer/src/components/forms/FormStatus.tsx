// What a form's last action came to, drawn right under its button: the success words
// (announced politely) or the error in the user's language (announced at once).
import { useTranslation } from 'react-i18next';
import { errorText } from '../../hooks/use-live';
import type { FormAction } from './use-form-action';

export function FormStatus({ action, fields = [], testId }: { action: FormAction; fields?: readonly string[]; testId?: string }) {
  const { t } = useTranslation();
  const error = action.formError(fields);
  return (
    <div className="form-status" aria-live="polite" data-testid={testId}>
      {action.message ? <p className="ok">{action.message}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      ) : null}
    </div>
  );
}

/** The error of one field, under that field; `id` is what its input's aria-describedby names. */
export function FieldError({ action, field, id }: { action: FormAction; field: string; id: string }) {
  const { t } = useTranslation();
  const error = action.errorFor(field);
  return error ? (
    <span className="error field-error" id={id} role="alert">
      {errorText(t, error)}
    </span>
  ) : null;
}
