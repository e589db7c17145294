// A-DATA-1/2: the data by number, and the balance rule where it bites.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatKyivDate, formatUah } from '../../format';
import { useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';
import { useCatalogueText } from '../../i18n/catalogue-texts';

export interface AccountData {
  number: string;
  accountNumber: string;
  ownerName: string;
  status: string;
  balance: number;
  tariff: { id: string; name: string; monthlyFee: number };
  email: string | null;
  connectedAt: string;
  forecast?: { nextFeeDate: string; feeKopecks: number; shortKopecks: number };
  packages?: { minutesLeft: number; smsLeft: number; megabytesLeft: number };
  tenureMonths?: number;
  loyaltyLevel?: string;
  bonusKopecks?: number;
  services?: Array<{ id: string; name: string }>;
}

export function DataPage() {
  const { t, i18n } = useTranslation();
  const word = useCatalogueText();
  const lang = i18n.language as Language;
  const { data: a, error } = useAssaGet<AccountData>('/api/v1/account');
  return (
    <article className="card wide" aria-labelledby="data-title">
      <h2 id="data-title">{t('acc.nav.data')}</h2>
      <ErrorNote error={error} />
      {a ? (
        <dl className="facts" data-testid="acc-data">
          <dt>{t('acc.data.number')}</dt>
          <dd>{a.number}</dd>
          <dt>{t('acc.data.accountNumber')}</dt>
          <dd>{a.accountNumber}</dd>
          <dt>{t('acc.data.owner')}</dt>
          <dd>{a.ownerName}</dd>
          <dt>{t('acc.data.status')}</dt>
          <dd data-testid="acc-status">{t(`acc.status.${a.status}`, { defaultValue: a.status })}</dd>
          <dt>{t('acc.data.tariff')}</dt>
          <dd>
            {word(a.tariff.id, 'name', a.tariff.name)} ({formatUah(a.tariff.monthlyFee, lang)})
          </dd>
          <dt>{t('acc.data.balance')}</dt>
          <dd data-testid="acc-balance">{formatUah(a.balance, lang)}</dd>
          {a.forecast ? (
            <>
              <dt>{t('acc.data.nextFee')}</dt>
              <dd className={a.forecast.shortKopecks > 0 ? 'short' : undefined}>
                {formatKyivDate(`${a.forecast.nextFeeDate}T12:00:00Z`, lang)} · {formatUah(a.forecast.feeKopecks, lang)}
                {a.forecast.shortKopecks > 0 ? ` — ${t('acc.data.shortBy', { amount: formatUah(a.forecast.shortKopecks, lang) })}` : ''}
              </dd>
            </>
          ) : null}
          {a.packages ? (
            <>
              <dt>{t('acc.data.packages')}</dt>
              <dd>{t('acc.data.packagesLeft', { minutes: a.packages.minutesLeft, sms: a.packages.smsLeft, mb: a.packages.megabytesLeft })}</dd>
            </>
          ) : null}
          {a.tenureMonths !== undefined ? (
            <>
              <dt>{t('acc.data.tenure')}</dt>
              <dd>{t('acc.data.months', { count: a.tenureMonths })}{a.loyaltyLevel ? ` · ${a.loyaltyLevel}` : ''}</dd>
            </>
          ) : null}
          {a.bonusKopecks !== undefined ? (
            <>
              <dt>{t('acc.data.bonuses')}</dt>
              <dd>{formatUah(a.bonusKopecks, lang)}</dd>
            </>
          ) : null}
          <dt>{t('acc.data.email')}</dt>
          <dd>{a.email ?? '—'}</dd>
          <dt>{t('acc.data.since')}</dt>
          <dd>{formatKyivDate(a.connectedAt, lang)}</dd>
        </dl>
      ) : null}
    </article>
  );
}
