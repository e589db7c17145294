// M-DIAG-1 / U-DIAG-1: the diagnostic report as text for a person, copied or saved to a
// file for support; the same JSON as `assa diag --json`.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context';
import { errorText } from '../../hooks/use-live';

export function ReportCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [text, setText] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const load = async () => {
    setMsg(null);
    try {
      setText((await api.call('diag.report', {})).text);
    } catch (e) {
      setMsg(errorText(t, e));
    }
  };
  const copy = async () => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setMsg(t('diag.copied'));
    } catch {
      setMsg(t('diag.copyFailed'));
    }
  };
  const save = async () => {
    try {
      setMsg(t('diag.savedTo', { path: (await api.call('diag.save', {})).path }));
    } catch (e) {
      setMsg(errorText(t, e));
    }
  };
  return (
    <article className="card wide" aria-labelledby="report-title">
      <h2 id="report-title">{t('diag.report')}</h2>
      <div className="actions">
        <button type="button" onClick={load} data-testid="diag-make">{t('diag.make')}</button>
        <button type="button" onClick={copy} disabled={!text}>{t('diag.copy')}</button>
        <button type="button" onClick={save}>{t('diag.save')}</button>
      </div>
      <p aria-live="polite" className="muted" data-testid="diag-message">{msg ?? ''}</p>
      {text ? <pre className="report" data-testid="diag-report" tabIndex={0}>{text}</pre> : null}
    </article>
  );
}
