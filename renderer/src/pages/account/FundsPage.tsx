// A-MON-1: every credit and debit of a period with the running balance.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { kyivDay, kyivMidnight } from '../../../../src/shared/kyiv-time';
import { formatKyivDateTime, formatUah } from '../../format';
import { useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { InvoicesCard } from './InvoicesCard';

interface Movements {
  items: Array<{ id: number | string; at: string; kind: string; amount: number; balanceAfter: number; description: string }>;
  openingBalance: number;
  closingBalance: number;
}

export function FundsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const today = kyivDay(Date.now());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const query = { from: kyivMidnight(from).toISOString(), to: new Date(kyivMidnight(to).getTime() + 86_400_000).toISOString() };
  const { data, error } = useAssaGet<Movements>('/api/v1/money/movements', query);
  return (
    <>
    <article className="card wide" aria-labelledby="funds-title">
      <h2 id="funds-title">{t('acc.nav.funds')}</h2>
      <div className="actions">
        <label>
          {t('acc.from')} <input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label>
          {t('acc.to')} <input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
      </div>
      <ErrorNote error={error} />
      {data ? (
        <>
          <p>{t('acc.funds.opening', { amount: formatUah(data.openingBalance, lang) })}</p>
          <table className="table" data-testid="funds-table">
            <thead>
              <tr>
                <th scope="col">{t('acc.when')}</th>
                <th scope="col">{t('acc.funds.what')}</th>
                <th scope="col">{t('acc.funds.amount')}</th>
                <th scope="col">{t('acc.funds.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatKyivDateTime(m.at, lang)}</td>
                  {/* The server's line is English; other languages show the kind of the movement in their words. */}
                  <td>{lang === 'en' && m.description ? m.description : t(`acc.funds.kinds.${m.kind}`, { defaultValue: m.kind })}</td>
                  <td className={m.amount < 0 ? 'neg' : 'pos'}>{formatUah(m.amount, lang)}</td>
                  <td>{formatUah(m.balanceAfter, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('acc.funds.closing', { amount: formatUah(data.closingBalance, lang) })}</p>
        </>
      ) : null}
    </article>
    <InvoicesCard />
    </>
  );
}
