// A card line that says what went wrong, with the reason the server gave (A-HLP-2 style).
import { useTranslation } from 'react-i18next';
import { errorText } from '../../hooks/use-live';
import { AssaCallError } from './account-client';

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof AssaCallError ? error.error : error;
  return (
    <p className="error" role="alert">
      {errorText(t, e)}
    </p>
  );
}
