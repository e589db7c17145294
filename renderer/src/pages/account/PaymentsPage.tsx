// A-MON-2/3: top up by voucher, bank card (with its 3-D Secure step: retry and cancel) or
// e-wallet, the card and the wallet also for another number; transfers within the
// monthly limits. Every request carries a fresh idempotency key; each form shows its own
// outcome under its button and the error of a field under that field.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../src/shared/app-contract';
import { FieldError, FormStatus } from '../../components/forms/FormStatus';
import { NumberInput, numberForServer } from '../../components/forms/NumberInput';
import { useFormAction } from '../../components/forms/use-form-action';
import { formatUah } from '../../format';
import { useAssaCall } from '../../hooks/use-assa';
import { AssaCallError } from './account-client';

/** Hryvnias as typed ("12,50", "12.5") to kopecks; NaN when it is not an amount. */
export const kop = (uah: string) => (/^\s*\d+([.,]\d{1,2})?\s*$/.test(uah) ? Math.round(Number(uah.trim().replace(',', '.')) * 100) : Number.NaN);

/** The number for "for another number": left out when empty, the 9-digit form when valid, as typed otherwise (the server names the field). */
const forNumberField = (raw: string) => (raw.trim() ? { forNumber: numberForServer(raw) ?? raw } : {});

/** A 3-D Secure answer after which the same payment still waits for a code. */
const CODE_AGAIN = new Set(['3ds_code_wrong']);

interface Payment {
  status: string;
  paymentId: string;
  amount: number;
  balance?: number;
}

export function PaymentsPage() {
  return (
    <>
      <VoucherForm />
      <CardForm />
      <WalletForm />
      <TransferForm />
    </>
  );
}

function VoucherForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const a = useFormAction();
  const [code, setCode] = useState('');
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const r = await call<{ amount: number; balance: number }>('POST', '/api/v1/money/topups/voucher', { code: code.replace(/\D/g, '') }, { idempotent: true });
      setCode('');
      return t('acc.pay.toppedUp', { amount: formatUah(r.amount, lang), balance: formatUah(r.balance, lang) });
    });
  };
  return (
    <article className="card" aria-labelledby="voucher-title">
      <h2 id="voucher-title">{t('acc.pay.voucher')}</h2>
      <form className="form" onSubmit={submit}>
        <label>
          {t('acc.pay.code')}
          <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" required aria-describedby="voucher-code-err" data-testid="voucher-code" />
          <FieldError action={a} field="code" id="voucher-code-err" />
        </label>
        <button type="submit" disabled={a.busy} data-testid="voucher-submit">{t('acc.pay.topUp')}</button>
        <FormStatus action={a} fields={['code']} testId="pay-message" />
      </form>
    </article>
  );
}

function CardForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const a = useFormAction();
  const [card, setCard] = useState({ cardNumber: '', expiry: '', cvc: '', amount: '', forNumber: '' });
  const [pending, setPending] = useState<Payment | null>(null);
  const [otp, setOtp] = useState('');
  const paidText = (r: Payment) => t('acc.pay.paid', { amount: formatUah(r.amount, lang) });

  const pay = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const body = { cardNumber: card.cardNumber.replace(/[\s-]/g, ''), expiry: card.expiry.trim(), cvc: card.cvc.trim(), amount: kop(card.amount), ...forNumberField(card.forNumber) };
      const r = await call<Payment>('POST', '/api/v1/money/topups/card', body, { idempotent: true });
      if (r.status === '3ds_required') {
        setOtp('');
        setPending(r);
        return null;
      }
      setCard({ ...card, cvc: '' });
      return paidText(r);
    });
  };
  const confirm = (ev: FormEvent) => {
    ev.preventDefault();
    if (!pending) return;
    void a.run(async () => {
      try {
        const r = await call<Payment>('POST', `/api/v1/money/topups/card/${encodeURIComponent(pending.paymentId)}/confirm`, { code: otp.trim() }, { idempotent: true });
        setPending(null);
        setCard({ ...card, cvc: '' });
        return paidText(r);
      } catch (e) {
        // A wrong code with tries left keeps the step open; anything else ends this payment
        // (the card form comes back with its details, to start again).
        if (!(e instanceof AssaCallError && CODE_AGAIN.has(e.code))) setPending(null);
        setOtp('');
        throw e;
      }
    });
  };
  const cancel = () => {
    // The bank lets an unconfirmed payment lapse; nothing was charged.
    setPending(null);
    setOtp('');
    void a.run(async () => t('threeDs.cancelled'));
  };
  const field = (k: keyof typeof card) => ({ value: card[k], onChange: (e: { target: { value: string } }) => setCard({ ...card, [k]: e.target.value }), 'aria-describedby': `card-${k}-err` });

  return (
    <article className="card" aria-labelledby="card-title">
      <h2 id="card-title">{t('acc.pay.card')}</h2>
      {pending ? (
        <form className="form" onSubmit={confirm} data-testid="three-ds">
          <p>{t('threeDs.intro', { amount: formatUah(pending.amount, lang) })}</p>
          <label>
            {t('acc.pay.otp')}
            <input value={otp} onChange={(e) => setOtp(e.target.value)} inputMode="numeric" autoComplete="one-time-code" required maxLength={12} aria-describedby="card-otp-err" data-testid="three-ds-code" />
            <FieldError action={a} field="code" id="card-otp-err" />
          </label>
          <div className="actions">
            <button type="submit" disabled={a.busy} data-testid="three-ds-confirm">{t('acc.pay.confirm')}</button>
            <button type="button" className="secondary" onClick={cancel} data-testid="three-ds-cancel">{t('threeDs.cancel')}</button>
          </div>
          <FormStatus action={a} fields={['code']} testId="three-ds-status" />
        </form>
      ) : (
        <form className="form" onSubmit={pay}>
          <label>
            {t('acc.pay.cardNumber')}
            <input {...field('cardNumber')} inputMode="numeric" autoComplete="cc-number" required data-testid="card-number" />
            <FieldError action={a} field="cardNumber" id="card-cardNumber-err" />
          </label>
          <label>
            {t('acc.pay.expiry')}
            <input {...field('expiry')} placeholder="MM/YY" autoComplete="cc-exp" required data-testid="card-expiry" />
            <FieldError action={a} field="expiry" id="card-expiry-err" />
          </label>
          <label>
            CVC
            <input {...field('cvc')} inputMode="numeric" autoComplete="cc-csc" required maxLength={4} data-testid="card-cvc" />
            <FieldError action={a} field="cvc" id="card-cvc-err" />
          </label>
          <label>
            {t('acc.pay.amountUah')}
            <input {...field('amount')} inputMode="decimal" required data-testid="card-amount" />
            <FieldError action={a} field="amount" id="card-amount-err" />
          </label>
          <NumberInput label={t('acc.pay.forNumber')} value={card.forNumber} onChange={(v) => setCard({ ...card, forNumber: v })} describedBy="card-forNumber-err" testId="card-for" />
          <FieldError action={a} field="forNumber" id="card-forNumber-err" />
          <button type="submit" disabled={a.busy} data-testid="card-submit">{t('acc.pay.payCard')}</button>
          <FormStatus action={a} fields={['cardNumber', 'expiry', 'cvc', 'amount', 'forNumber']} testId="card-status" />
        </form>
      )}
    </article>
  );
}

const WALLETS = [
  ['privat24', 'Privat24'],
  ['webmoney', 'WebMoney'],
  ['easypay', 'EasyPay'],
] as const;

function WalletForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const a = useFormAction();
  const [w, setW] = useState({ wallet: 'privat24' as (typeof WALLETS)[number][0], account: '', amount: '', forNumber: '' });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const r = await call<Payment>('POST', '/api/v1/money/topups/ewallet', { wallet: w.wallet, account: w.account.trim(), amount: kop(w.amount), ...forNumberField(w.forNumber) }, { idempotent: true });
      return t('wallet.paid', { amount: formatUah(r.amount, lang), balance: formatUah(r.balance ?? 0, lang) });
    });
  };
  return (
    <article className="card" aria-labelledby="wallet-title">
      <h2 id="wallet-title">{t('wallet.title')}</h2>
      <form className="form" onSubmit={submit}>
        <label>
          {t('wallet.wallet')}
          <select value={w.wallet} onChange={(e) => setW({ ...w, wallet: e.target.value as typeof w.wallet })} data-testid="wallet-kind">
            {WALLETS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wallet.account')}
          <input value={w.account} onChange={(e) => setW({ ...w, account: e.target.value })} autoComplete="off" required minLength={3} maxLength={64} aria-describedby="wallet-account-err" data-testid="wallet-account" />
          <FieldError action={a} field="account" id="wallet-account-err" />
        </label>
        <label>
          {t('acc.pay.amountUah')}
          <input value={w.amount} onChange={(e) => setW({ ...w, amount: e.target.value })} inputMode="decimal" required aria-describedby="wallet-amount-err" data-testid="wallet-amount" />
          <FieldError action={a} field="amount" id="wallet-amount-err" />
        </label>
        <NumberInput label={t('acc.pay.forNumber')} value={w.forNumber} onChange={(v) => setW({ ...w, forNumber: v })} describedBy="wallet-forNumber-err" testId="wallet-for" />
        <FieldError action={a} field="forNumber" id="wallet-forNumber-err" />
        <button type="submit" disabled={a.busy} data-testid="wallet-submit">{t('wallet.pay')}</button>
        <FormStatus action={a} fields={['account', 'amount', 'forNumber']} testId="wallet-status" />
      </form>
    </article>
  );
}

function TransferForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const call = useAssaCall();
  const a = useFormAction();
  const [transfer, setTransfer] = useState({ to: '', amount: '' });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void a.run(async () => {
      const r = await call<{ balance: number; monthTotal: number; monthLimit: number }>('POST', '/api/v1/money/transfers', { to: numberForServer(transfer.to) ?? transfer.to, amount: kop(transfer.amount) }, { idempotent: true });
      return t('acc.pay.transferred', { balance: formatUah(r.balance, lang), total: formatUah(r.monthTotal, lang), limit: formatUah(r.monthLimit, lang) });
    });
  };
  return (
    <article className="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('acc.pay.transfer')}</h2>
      <p className="muted">{t('acc.pay.transferRules')}</p>
      <form className="form" onSubmit={submit}>
        <NumberInput label={t('acc.pay.to')} value={transfer.to} onChange={(v) => setTransfer({ ...transfer, to: v })} required describedBy="transfer-to-err" testId="transfer-to" />
        <FieldError action={a} field="to" id="transfer-to-err" />
        <label>
          {t('acc.pay.amountUah')}
          <input value={transfer.amount} onChange={(e) => setTransfer({ ...transfer, amount: e.target.value })} inputMode="decimal" required aria-describedby="transfer-amount-err" data-testid="transfer-amount" />
          <FieldError action={a} field="amount" id="transfer-amount-err" />
        </label>
        <button type="submit" disabled={a.busy} data-testid="transfer-submit">{t('acc.pay.send')}</button>
        <FormStatus action={a} fields={['to', 'amount']} testId="transfer-status" />
      </form>
    </article>
  );
}
