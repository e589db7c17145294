// The sections whose server side is smallest: details (A-DET), utilities (A-UTL), group
// (A-GRP), help (A-HLP-1/2). Each shows what the server gives and its reasons when it cannot.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { kyivDay, kyivMidnight } from '../../../../src/shared/kyiv-time';
import { formatBytes, formatKyivDateTime } from '../../format';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { CallbackForm, MyRequests, useHelpRequests } from './help-desk';

interface DetailItem {
  id: string;
  startedAt: string;
  endedAt?: string | null;
  kind?: string;
  peer?: string;
  seconds?: number;
  inBytes?: number;
  outBytes?: number;
  ip?: string;
  cost?: number;
}

export function DetailsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const today = kyivDay(Date.now());
  const [kind, setKind] = useState<'sessions' | 'calls'>('sessions');
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const query = { kind, from: kyivMidnight(from).toISOString(), to: new Date(kyivMidnight(today).getTime() + 86_400_000).toISOString() };
  const { data, error } = useAssaGet<{ items: DetailItem[]; totals?: Record<string, number> }>('/api/v1/details', query);
  const [csvError, setCsvError] = useState<unknown>(null);
  const csv = async () => {
    try {
      const text = await call<string>('GET', '/api/v1/details.csv', undefined, { query });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `details-${kind}-${from}.csv` });
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setCsvError(e);
    }
  };
  return (
    <article className="card wide" aria-labelledby="det-title">
      <h2 id="det-title">{t('acc.nav.details')}</h2>
      <div className="actions">
        <label>
          {t('acc.det.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as 'sessions' | 'calls')}>
            <option value="sessions">{t('acc.det.sessions')}</option>
            <option value="calls">{t('acc.det.calls')}</option>
          </select>
        </label>
        <label>
          {t('acc.from')} <input type="date" value={from} max={today} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => void csv()}>{t('acc.det.csv')}</button>
      </div>
      <ErrorNote error={error ?? csvError} />
      {data ? (
        <table className="table" data-testid="details-table">
          <thead>
            <tr>
              <th scope="col">{t('acc.when')}</th>
              <th scope="col">{kind === 'sessions' ? 'IP' : t('acc.det.peer')}</th>
              <th scope="col">{kind === 'sessions' ? t('acc.det.traffic') : t('acc.det.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id}>
                <td>{formatKyivDateTime(d.startedAt, lang)}</td>
                <td>{kind === 'sessions' ? (d.ip ?? '—') : (d.peer ?? '—')}</td>
                <td>{kind === 'sessions' ? `↓ ${formatBytes(d.inBytes ?? 0, lang)} ↑ ${formatBytes(d.outBytes ?? 0, lang)}` : `${d.seconds ?? 0} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  );
}

export function UtilitiesPage() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const missed = useAssaGet<Array<{ from: string; at: string }>>('/api/v1/utilities/missed-calls');
  const blocked = useAssaGet<Array<{ number: string }>>('/api/v1/utilities/blocked');
  const [num, setNum] = useState('');
  const [err, setErr] = useState<unknown>(null);
  const block = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      await call('POST', '/api/v1/utilities/blocked', { number: num });
      setNum('');
      blocked.reload();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <>
      <article className="card" aria-labelledby="missed-title">
        <h2 id="missed-title">{t('acc.utl.missed')}</h2>
        <ErrorNote error={missed.error} />
        <ul className="list">{(missed.data ?? []).map((m, i) => <li key={i}>{m.from} · {m.at}</li>)}</ul>
      </article>
      <article className="card" aria-labelledby="blocked-title">
        <h2 id="blocked-title">{t('acc.utl.blocked')}</h2>
        <ErrorNote error={blocked.error ?? err} />
        <ul className="list">{(blocked.data ?? []).map((b) => <li key={b.number}>{b.number}</li>)}</ul>
        <form className="form" onSubmit={block}>
          <label>
            {t('acc.utl.blockNumber')}
            <input value={num} onChange={(e) => setNum(e.target.value)} inputMode="tel" required />
          </label>
          <button type="submit">{t('acc.utl.block')}</button>
        </form>
        <p><a href="#/account/payments">{t('acc.utl.transferLink')}</a></p>
      </article>
    </>
  );
}

export function GroupPage() {
  const { t } = useTranslation();
  const { data, error } = useAssaGet<{ name: string; members: Array<{ number: string; role: string }> }>('/api/v1/group');
  return (
    <article className="card wide" aria-labelledby="grp-title">
      <h2 id="grp-title">{t('acc.nav.group')}</h2>
      <ErrorNote error={error} />
      {data ? (
        <>
          <p>{data.name}</p>
          <ul className="list">{data.members.map((m) => <li key={m.number}>{m.number} — {m.role}</li>)}</ul>
        </>
      ) : null}
    </article>
  );
}

export function HelpPage() {
  const { t } = useTranslation();
  const call = useAssaCall();
  const unsupported = useAssaGet<Array<{ id: string; operation: string; reason: string; whereToGo: string }>>('/api/v1/help/unsupported');
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const requests = useHelpRequests();
  const ticket = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      const r = await call<{ id: string | number }>('POST', '/api/v1/help/tickets', { text });
      setMsg(t('acc.help.ticketCreated', { id: r.id }));
      setText('');
      requests.reload();
    } catch (e) {
      setErr(e);
    }
  };
  return (
    <>
      <article className="card" aria-labelledby="ticket-title">
        <h2 id="ticket-title">{t('acc.help.ticket')}</h2>
        <form className="form" onSubmit={ticket}>
          <label>
            {t('acc.help.question')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} />
          </label>
          <button type="submit">{t('acc.help.send')}</button>
        </form>
        <p aria-live="polite">{msg ?? ''}</p>
        <ErrorNote error={err} />
      </article>
      <MyRequests requests={requests.data} error={requests.error} />
      <CallbackForm onSent={requests.reload} />
      <article className="card" aria-labelledby="cannot-title">
        <h2 id="cannot-title">{t('acc.help.cannot')}</h2>
        <ErrorNote error={unsupported.error} />
        <dl data-testid="help-unsupported">
          {(unsupported.data ?? []).map((u) => (
            <div key={u.id} className="faq">
              <dt>{t(`docs.unsupported.${u.id}.operation`, { defaultValue: u.operation })}</dt>
              <dd>
                {t(`docs.unsupported.${u.id}.reason`, { defaultValue: u.reason })} <strong>{t(`docs.unsupported.${u.id}.whereToGo`, { defaultValue: u.whereToGo })}</strong>
              </dd>
            </div>
          ))}
        </dl>
      </article>
    </>
  );
}
