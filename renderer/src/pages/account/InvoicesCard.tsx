// A-MON-4: the monthly tax invoice to download — the server's printable HTML document,
// saved as a file the browser opens (and prints or saves as PDF).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { kyivMonth } from '../../../../src/shared/kyiv-time';
import { FormStatus } from '../../components/forms/FormStatus';
import { useFormAction } from '../../components/forms/use-form-action';
import { formatMonth } from '../../format';
import { useAssaCall } from '../../hooks/use-assa';

/** This Kyiv month and the eleven before it, newest first ("2026-12", "2026-11", ...). */
export function lastMonths(now: number, count = 12): string[] {
  const [y, m] = kyivMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

export function InvoicesCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const a = useFormAction();
  const months = lastMonths(Date.now());
  const [month, setMonth] = useState(months[1] ?? months[0]!);
  const download = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const html = await call<string>('GET', `/api/v1/invoices/${month}`);
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      Object.assign(document.createElement('a'), { href: url, download: `invoice-${month}.html` }).click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return t('invoices.saved', { month: formatMonth(month, lang) });
    });
  };
  return (
    <article className="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('invoices.title')}</h2>
      <p className="muted">{t('invoices.intro')}</p>
      <form className="form" onSubmit={download}>
        <label>
          {t('invoices.month')}
          <select value={month} onChange={(e) => setMonth(e.target.value)} data-testid="invoice-month">
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={a.busy} data-testid="invoice-download">{t('invoices.download')}</button>
        <FormStatus action={a} testId="invoice-status" />
      </form>
    </article>
  );
}
