// A-UTL: who called, blocked numbers, transfers.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssaCall, useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

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
