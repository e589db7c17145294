// Small pieces every console page uses: a labelled field, a message line that screen
// readers announce, a data table with real headers, a loader of one API resource.
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleErrorText } from './error-words';

export function Field(p: { label: string; value: string; onChange: (v: string) => void; type?: string; required?: boolean; testId: string; autoComplete?: string; hint?: string; multiline?: boolean; pattern?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const common = { id, value: p.value, required: p.required, 'data-testid': p.testId, 'aria-describedby': p.hint ? hintId : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={5} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} autoComplete={p.autoComplete ?? 'off'} pattern={p.pattern} onChange={(e) => p.onChange(e.target.value)} />
      )}
      {p.hint ? (
        <small id={hintId} className="hint">
          {p.hint}
        </small>
      ) : null}
    </div>
  );
}

export function Select<T extends string>(p: { label: string; value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; testId: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{p.label}</label>
      <select id={id} value={p.value} data-testid={p.testId} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type Note = { kind: 'ok' | 'error'; text: string } | null;

export function Message({ note, testId }: { note: Note; testId: string }) {
  // Always in the page, so a change is announced (polite for news, assertive for errors).
  return (
    <p className={note ? `note ${note.kind}` : 'note'} role={note?.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {note?.text ?? ''}
    </p>
  );
}

export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (e: unknown) => consoleErrorText(t, i18n.language, e);
}

export function Table<R>(p: { caption: string; columns: Array<{ head: string; cell: (r: R) => ReactNode }>; rows: R[]; testId: string; rowKey: (r: R) => string | number }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table data-testid={p.testId}>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th key={c.head} scope="col">
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.length === 0 ? (
            <tr>
              <td colSpan={p.columns.length}>{t('common.none')}</td>
            </tr>
          ) : (
            p.rows.map((r) => (
              <tr key={p.rowKey(r)}>
                {p.columns.map((c) => (
                  <td key={c.head}>{c.cell(r)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One GET resource: its data, an error line, and reload(). */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const run = useCallback(() => {
    load().then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, deps);
  useEffect(run, [run]);
  return { data, error, reload: run };
}

export function Section(p: { title: string; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="card" data-testid={p.testId}>
      <h2 id={id}>{p.title}</h2>
      {p.children}
    </section>
  );
}
