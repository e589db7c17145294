// U-DASH-1: number, balance and the days to the next fee — red with the missing amount
// when the balance will not cover it (A-DATA-2). Read from ASSA over the account link.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { useApi } from '../../api-context';
import { formatKyivDate, formatUah } from '../../format';
import { errorText } from '../../hooks/use-live';
import { feeForecast } from '../../../../src/shared/fee-forecast';
import { useCatalogueText } from '../../i18n/catalogue-texts';

interface AccountSummary {
  number: string;
  status: string;
  balance: number;
  tariff: { id: string; name: string; monthlyFee: number };
}

export function BalanceCard({ loggedIn }: { loggedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const word = useCatalogueText();
  const lang = i18n.language as Language;
  const api = useApi();
  const [acc, setAcc] = useState<AccountSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!loggedIn) return;
    let live = true;
    const load = () =>
      api.call('assa.request', { method: 'GET', path: '/api/v1/account' }).then(
        (r) => {
          if (!live) return;
          if (r.status === 200) {
            setAcc(r.body as AccountSummary);
            setError(null);
          } else setError(errorText(t, (r.body as { error?: unknown } | null)?.error));
        },
        (e: unknown) => live && setError(errorText(t, e)),
      );
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, loggedIn, t]);

  if (!loggedIn) return null;
  const f = acc ? feeForecast(acc.balance, acc.tariff.monthlyFee, Date.now()) : null;
  return (
    <article className="card" aria-labelledby="balance-card">
      <h2 id="balance-card">{t('balance.title')}</h2>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {acc && f ? (
        <>
          <p className="big" data-testid="balance">{formatUah(acc.balance, lang)}</p>
          <p className="muted">
            {word(acc.tariff.id, 'name', acc.tariff.name)} · {t('balance.fee', { fee: formatUah(acc.tariff.monthlyFee, lang) })}
          </p>
          <p className={f.shortKopecks > 0 ? 'short' : 'muted'} data-testid="fee-forecast">
            {f.shortKopecks > 0
              ? t('balance.short', { missing: formatUah(f.shortKopecks, lang), date: formatKyivDate(`${f.nextFeeDay}T12:00:00Z`, lang), days: f.daysToFee })
              : t('balance.covered', { days: f.daysToFee })}
          </p>
        </>
      ) : (
        !error && <p className="muted">…</p>
      )}
    </article>
  );
}
