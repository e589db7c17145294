// M-AT-1 / U-DIAG-1: the technician's AT terminal — any command, every line both ways
// with its Kyiv time as it happens (unsolicited reports included), command history on
// the up and down keys; the app's own polling can be hidden, the lines filtered, and the
// view paused while the modem keeps talking (the lines that came meanwhile are counted).
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import type { TranscriptLineDto } from '../../../../src/shared/app-methods-modem';
import { useApi } from '../../api-context';
import { formatKyivTime } from '../../format';
import { errorText } from '../../hooks/use-live';
import { normaliseCommand, visibleLines } from './terminal-view';

const MAX_LINES = 400;

export function AtTerminal({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const api = useApi();
  const [lines, setLines] = useState<TranscriptLineDto[]>([]);
  const [cmd, setCmd] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const [hidePolling, setHidePolling] = useState(false);
  const [filter, setFilter] = useState('');
  // While paused the view keeps the lines it had; new ones still arrive and are counted.
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    api.call('at.transcript', {}).then((l) => setLines(l.slice(-MAX_LINES)), () => undefined);
    return api.subscribe((e) => {
      if (e.type === 'at.line') setLines((prev) => [...prev.slice(-(MAX_LINES - 1)), e.line]);
    });
  }, [api]);
  const frozen = pausedAt === null ? lines : lines.slice(0, pausedAt);
  const shown = useMemo(() => visibleLines(frozen, mine, { hidePolling, filter }), [frozen, mine, hidePolling, filter]);
  const waiting = pausedAt === null ? 0 : lines.length - pausedAt;
  useEffect(() => {
    if (pausedAt === null) log.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [shown, pausedAt]);

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    const c = cmd.trim();
    if (!c) return;
    setError(null);
    setMine((m) => new Set(m).add(normaliseCommand(c)));
    setHistory((h) => [...h.filter((x) => x !== c), c].slice(-50));
    setCursor(null);
    setCmd('');
    try {
      await api.call('at.send', { command: c });
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    if (history.length === 0) return;
    const next = e.key === 'ArrowUp' ? Math.max(0, (cursor ?? history.length) - 1) : Math.min(history.length, (cursor ?? history.length) + 1);
    setCursor(next);
    setCmd(history[next] ?? '');
  };
  return (
    <article className="card wide" aria-labelledby="term-title">
      <h2 id="term-title">{t('diag.terminal')}</h2>
      <div className="term-tools">
        <label>
          <input type="checkbox" checked={hidePolling} onChange={(e) => setHidePolling(e.target.checked)} data-testid="at-hide-polling" /> {t('diag.hidePolling')}
        </label>
        <label htmlFor="at-filter">{t('diag.filter')}</label>
        <input id="at-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" spellCheck={false} data-testid="at-filter" />
        <button type="button" onClick={() => setPausedAt(pausedAt === null ? lines.length : null)} aria-pressed={pausedAt !== null} data-testid="at-pause">
          {pausedAt === null ? t('diag.pause') : t('diag.resume')}
        </button>
        {waiting > 0 ? <span className="muted" data-testid="at-waiting">{t('diag.newWhilePaused', { count: waiting })}</span> : null}
      </div>
      <ol className="terminal" ref={log} aria-label={t('diag.transcript')} data-testid="at-transcript" tabIndex={0}>
        {shown.map(({ line: l, index }) => (
          <li key={index} className={`t-${l.dir}`}>
            <time dateTime={l.t}>{formatKyivTime(l.t, lang)}</time> <span aria-hidden="true">{l.dir === 'tx' ? '»' : '«'}</span>
            <span className="sr-only">{l.dir === 'tx' ? t('diag.sent') : t('diag.received')}</span> <code>{l.line}</code>
          </li>
        ))}
      </ol>
      <form className="term-form" onSubmit={send}>
        <label htmlFor="at-cmd">{t('diag.command')}</label>
        <input id="at-cmd" value={cmd} onChange={(e) => setCmd(e.target.value)} onKeyDown={onKey} disabled={!enabled} autoComplete="off" spellCheck={false} placeholder="AT+CSQ" data-testid="at-input" />
        <button type="submit" disabled={!enabled} data-testid="at-send">
          {t('diag.send')}
        </button>
      </form>
      {!enabled ? <p className="muted">{t('diag.noModem')}</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </article>
  );
}
