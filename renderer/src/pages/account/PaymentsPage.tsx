// A-MON-2/3: top up by voucher or card (also for another number), and transfers within
// the monthly limits. Every request carries a fresh idempotency key.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { formatUah } from '../../format';
import { useAssaCall } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

const kop = (uah: string) => Math.round(Number(uah.replace(',', '.')) * 100);

export function PaymentsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const [code, setCode] = useState('');
  const [card, setCard] = useState({ cardNumber: '', expiry: '', cvc: '', amount: '', forNumber: '' });
  const [pending3ds, setPending3ds] = useState<string | null>(null);
  const [otp, setOtp] = useState('');
  const [transfer, setTransfer] = useState({ to: '', amount: '' });
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (fn: () => Promise<string>) => {
    setMsg(null);
    setError(null);
    try {
      setMsg(await fn());
    } catch (e) {
      setError(e);
    }
  };
  const voucher = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const r = await call<{ amount: number; balance: number }>('POST', '/api/v1/money/topups/voucher', { code: code.replace(/\D/g, '') }, { idempotent: true });
      setCode('');
      return t('acc.pay.toppedUp', { amount: formatUah(r.amount, lang), balance: formatUah(r.balance, lang) });
    });
  };
  const pay = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const body = { cardNumber: card.cardNumber.replace(/\s/g, ''), expiry: card.expiry, cvc: card.cvc, amount: kop(card.amount), ...(card.forNumber ? { forNumber: card.forNumber } : {}) };
      const r = await call<{ status: string; paymentId: string; amount: number; balance: number }>('POST', '/api/v1/money/topups/card', body, { idempotent: true });
      if (r.status === '3ds_required') {
        setPending3ds(r.paymentId);
        return t('acc.pay.threeDs');
      }
      return t('acc.pay.paid', { amount: formatUah(r.amount, lang) });
    });
  };
  const confirm3ds = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const r = await call<{ amount: number }>('POST', `/api/v1/money/topups/card/${pending3ds}/confirm`, { code: otp }, { idempotent: true });
      setPending3ds(null);
      return t('acc.pay.paid', { amount: formatUah(r.amount, lang) });
    });
  };
  const send = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const r = await call<{ balance: number; monthTotal: number; monthLimit: number }>('POST', '/api/v1/money/transfers', { to: transfer.to, amount: kop(transfer.amount) }, { idempotent: true });
      return t('acc.pay.transferred', { balance: formatUah(r.balance, lang), total: formatUah(r.monthTotal, lang), limit: formatUah(r.monthLimit, lang) });
    });
  };
  return (
    <>
      <article className="card" aria-labelledby="voucher-title">
        <h2 id="voucher-title">{t('acc.pay.voucher')}</h2>
        <form className="form" onSubmit={voucher}>
          <label>
            {t('acc.pay.code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" required data-testid="voucher-code" />
          </label>
          <button type="submit" data-testid="voucher-submit">{t('acc.pay.topUp')}</button>
        </form>
      </article>
      <article className="card" aria-labelledby="card-title">
        <h2 id="card-title">{t('acc.pay.card')}</h2>
        {pending3ds ? (
          <form className="form" onSubmit={confirm3ds}>
            <label>
              {t('acc.pay.otp')}
              <input value={otp} onChange={(e) => setOtp(e.target.value)} inputMode="numeric" required />
            </label>
            <button type="submit">{t('acc.pay.confirm')}</button>
          </form>
        ) : (
          <form className="form" onSubmit={pay}>
            <label>
              {t('acc.pay.cardNumber')}
              <input value={card.cardNumber} onChange={(e) => setCard({ ...card, cardNumber: e.target.value })} inputMode="numeric" autoComplete="cc-number" required />
            </label>
            <label>
              {t('acc.pay.expiry')}
              <input value={card.expiry} onChange={(e) => setCard({ ...card, expiry: e.target.value })} placeholder="MM/YY" autoComplete="cc-exp" required />
            </label>
            <label>
              CVC
              <input value={card.cvc} onChange={(e) => setCard({ ...card, cvc: e.target.value })} inputMode="numeric" autoComplete="cc-csc" required maxLength={4} />
            </label>
            <label>
              {t('acc.pay.amountUah')}
              <input value={card.amount} onChange={(e) => setCard({ ...card, amount: e.target.value })} inputMode="decimal" required />
            </label>
            <label>
              {t('acc.pay.forNumber')}
              <input value={card.forNumber} onChange={(e) => setCard({ ...card, forNumber: e.target.value })} inputMode="tel" />
            </label>
            <button type="submit">{t('acc.pay.payCard')}</button>
          </form>
        )}
      </article>
      <article className="card" aria-labelledby="transfer-title">
        <h2 id="transfer-title">{t('acc.pay.transfer')}</h2>
        <p className="muted">{t('acc.pay.transferRules')}</p>
        <form className="form" onSubmit={send}>
          <label>
            {t('acc.pay.to')}
            <input value={transfer.to} onChange={(e) => setTransfer({ ...transfer, to: e.target.value })} inputMode="tel" required data-testid="transfer-to" />
          </label>
          <label>
            {t('acc.pay.amountUah')}
            <input value={transfer.amount} onChange={(e) => setTransfer({ ...transfer, amount: e.target.value })} inputMode="decimal" required data-testid="transfer-amount" />
          </label>
          <button type="submit" data-testid="transfer-submit">{t('acc.pay.send')}</button>
        </form>
      </article>
      {/* The live region is always there (so it is announced); it looks like a card only with something in it. */}
      <div className={msg || error ? 'card wide' : 'live-idle'} aria-live="polite">
        <p data-testid="pay-message">{msg ?? ''}</p>
        <ErrorNote error={error} />
      </div>
    </>
  );
}
