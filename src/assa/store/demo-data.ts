// The demo data of CONTRACTS.md, loaded by `--demo` into an empty database, plus a
// generator of N more subscribers for benches.
import { kyivMonth } from '../../shared/kyiv-time';
import type { Insertable } from 'kysely';
import type { AssaStore } from './assa-store';
import { CatalogueTextStore } from './catalogue-text-store';
import { DEMO_CATALOGUE_TEXTS, demoText } from './demo-catalogue-texts';
import type { CallRecordsTable, DataSessionsTable, MovementsTable } from './schema';

export const DEMO_TARIFFS = [
  { id: 'freedom-of-speech', name: 'Freedom of Speech', monthly_fee_kopecks: 3000, description: 'Unlimited 1x/EV-DO data at night, 3 GB by day; calls within the network included.' },
  { id: '3g-unlimited', name: '3G Unlimited', monthly_fee_kopecks: 15000, description: 'Unlimited EV-DO Rev.A data.' },
  { id: '3g-lite', name: '3G Lite', monthly_fee_kopecks: 7500, description: '5 GB EV-DO data a month.' },
];

export const DEMO_SUBSCRIBERS = [
  { number: '441234567', account_number: '1000441234', owner_name: 'Olena Kovalenko', status: 'active' as const, tariff_id: 'freedom-of-speech', balance_kopecks: 2900 },
  { number: '441234568', account_number: '1000441235', owner_name: 'Taras Shevchuk', status: 'active' as const, tariff_id: '3g-unlimited', balance_kopecks: 15000 },
  { number: '449999999', account_number: '1000449999', owner_name: 'Ivan Petrenko', status: 'blocked' as const, tariff_id: 'freedom-of-speech', balance_kopecks: 0 },
];

export const DEMO_SERVICES = [
  // A-SVC-1: the basic services of a number.
  { id: 'international', name: 'International calls', description: 'Calls to numbers abroad.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'long-distance', name: 'Long-distance calls', description: 'Calls to other regions of Ukraine.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'mobile-calls', name: 'Calls to mobile networks', description: 'Calls to numbers of mobile operators.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'caller-id', name: 'Caller ID', description: 'See who is calling.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'who-called', name: 'Who called', description: 'Notices of calls missed while the number was unreachable.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'call-forwarding', name: 'Call forwarding', description: 'Forward calls to another number.', monthly_fee_kopecks: 500, requires_terms: 0, terms: '' },
  { id: 'sip-forwarding', name: 'Forwarding to SIP', description: 'Forward calls to a SIP address.', monthly_fee_kopecks: 500, requires_terms: 0, terms: '' },
  { id: 'number-blocking', name: 'Number blocking', description: 'Refuse calls from numbers on your list.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  { id: 'anonymous-notice', name: 'Unidentified caller notice', description: 'Tells you when a caller hides the number.', monthly_fee_kopecks: 0, requires_terms: 0, terms: '' },
  // A-SVC-2: additional paid services.
  { id: 'traffic-5gb', name: 'Extra traffic 5 GB', description: 'Adds 5 GB of EV-DO traffic this month.', monthly_fee_kopecks: 2000, requires_terms: 0, terms: '' },
  { id: 'antivirus', name: 'Antivirus', description: 'Network antivirus for one computer.', monthly_fee_kopecks: 1500, requires_terms: 1, terms: 'The licence is for one device for the calendar month.' },
  { id: 'parental-control', name: 'Parental control', description: 'Filters unsafe sites on this connection.', monthly_fee_kopecks: 1000, requires_terms: 0, terms: '' },
  { id: 'online-cinema', name: 'Online cinema', description: 'A month of the film library; its traffic is not counted.', monthly_fee_kopecks: 4900, requires_terms: 1, terms: 'Streaming on up to two devices; auto-renews monthly until switched off.' },
];

/** What each plan includes a month and its call rate per started minute beyond the package (A-DATA-1, A-NET-3). */
export const DEMO_PACKAGES: Record<string, { minutes_included: number; sms_included: number; megabytes_included: number; call_minute_kopecks: number }> = {
  'freedom-of-speech': { minutes_included: 300, sms_included: 50, megabytes_included: 3072, call_minute_kopecks: 50 },
  '3g-unlimited': { minutes_included: 100, sms_included: 100, megabytes_included: 1_000_000, call_minute_kopecks: 75 },
  '3g-lite': { minutes_included: 0, sms_included: 0, megabytes_included: 5120, call_minute_kopecks: 150 },
};

/** Scratch cards of the demo: 30 UAH 30000000000001..10, 100 UAH 10000000000001..10 (README). */
export const DEMO_VOUCHERS = [
  ...Array.from({ length: 10 }, (_, i) => ({ code: `300000000000${String(i + 1).padStart(2, '0')}`, amount: 3000 })),
  ...Array.from({ length: 10 }, (_, i) => ({ code: `100000000000${String(i + 1).padStart(2, '0')}`, amount: 10000 })),
];

/** Loads the demo table when the database has no subscribers; true when it did. */
export async function loadDemoData(store: AssaStore, now = Date.now()): Promise<boolean> {
  if ((await store.subscriberCount()) > 0) return false;
  return store.transaction(async (tx) => {
    // Checked again inside: two nodes may start on one empty database at once.
    if ((await tx.subscriberCount()) > 0) return false;
    for (const t of DEMO_TARIFFS) await tx.upsertTariff(t);
    for (const t of DEMO_TARIFFS) await tx.db.updateTable('tariffs').set(DEMO_PACKAGES[t.id]!).where('id', '=', t.id).execute();
    // The opening balances are movements too (A-MON-1: the balance is always the sum of the movements).
    const opened = new Date(now).toISOString();
    for (const s of DEMO_SUBSCRIBERS) {
      await tx.insertSubscriber({ ...s, balance_kopecks: 0, corporate: 0, connected_at: new Date(now - 2 * 365 * 86_400_000).toISOString() });
      if (s.balance_kopecks > 0) await tx.money.move(s.number, 'adjustment', s.balance_kopecks, opened, 'Opening balance', 'opening');
    }
    for (const t of DEMO_TARIFFS) if (t.id !== 'freedom-of-speech') await tx.money.setSwitchCost(t.id, 1000);
    for (const s of DEMO_SERVICES) await tx.money.upsertService(s);
    await tx.db.updateTable('services').set({ adds_megabytes: 5120 }).where('id', '=', 'traffic-5gb').execute();
    for (const v of DEMO_VOUCHERS) await tx.money.addVoucher(v.code, v.amount);
    // The catalogue's words in uk/ru/en (U-I18N-1).
    const texts = new CatalogueTextStore(tx);
    for (const [kind, items] of [['tariff', DEMO_TARIFFS], ['service', DEMO_SERVICES]] as const)
      for (const item of items)
        for (const lang of Object.keys(DEMO_CATALOGUE_TEXTS) as Array<keyof typeof DEMO_CATALOGUE_TEXTS>) {
          const w = demoText(lang, item.id);
          if (w) await texts.setText(kind, item.id, lang, w);
        }
    await tx.utilities.addCall({ number: '441234567', peer: '0441234568', direction: 'missed', started_at: new Date(now - 3 * 3600_000).toISOString(), seconds: 0, cost_kopecks: 0 });
    await tx.utilities.addCall({ number: '441234567', peer: '0441234568', direction: 'out', started_at: new Date(now - 26 * 3600_000).toISOString(), seconds: 125, cost_kopecks: 0 });
    // Priced like every call (A-NET-3): 3 started minutes from the package.
    await tx.db.insertInto('call_charges').values({ call_id: 'demo-call-1', number: '441234567', package_minutes: 3, paid_minutes: 0, cost_kopecks: 0, at: new Date(now - 26 * 3600_000).toISOString() }).execute();
    // The demo starts after this month's billing: the fees of the month are behind it.
    await tx.money.markBillingRun(kyivMonth(now), new Date(now).toISOString());
    return true;
  });
}

/** Multi-row inserts stay under both engines' limits on bound parameters. */
const ROWS_PER_INSERT = 1_000;

/** N more active subscribers 430000000+i for benches. */
export async function generateSubscribers(store: AssaStore, n: number, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  for (let start = 0; start < n; start += 10_000) {
    await store.transaction(async (tx) => {
      for (let chunk = start; chunk < Math.min(n, start + 10_000); chunk += ROWS_PER_INSERT) {
        const rows = [];
        for (let i = chunk; i < Math.min(n, chunk + ROWS_PER_INSERT); i++) {
          const number = String(430000000 + i);
          rows.push({ number, account_number: `2${number}`, owner_name: `Subscriber ${i}`, status: 'active' as const, tariff_id: DEMO_TARIFFS[i % DEMO_TARIFFS.length]!.id, balance_kopecks: (i * 37) % 20_000, corporate: 0, connected_at: at });
        }
        // Written with their balance and, beside it, the movement that explains it.
        await tx.insertSubscribers(rows);
        const opening = rows.filter((r) => r.balance_kopecks > 0).map((r) => ({ number: r.number, at, kind: 'adjustment' as const, amount_kopecks: r.balance_kopecks, balance_after_kopecks: r.balance_kopecks, description: 'Opening balance', ref: 'opening' }));
        if (opening.length) await tx.db.insertInto('movements').values(opening).execute();
      }
    });
  }
}

/**
 * `--demo --subscribers N --months M`: M months of history for every generated subscriber —
 * data sessions (A-DET-2), calls (A-DET-1) and the monthly fees in the ledger — for benches
 * and for a demo that looks lived in. Deterministic (no randomness: the same N and M give
 * the same database). Returns the number of rows written.
 */
export async function generateHistory(store: AssaStore, n: number, months: number, now = Date.now()): Promise<number> {
  let rows = 0;
  const batch = 100;
  for (let start = 0; start < n; start += batch) {
    const sessions: Array<Insertable<DataSessionsTable>> = [];
    const calls: Array<Insertable<CallRecordsTable>> = [];
    const fees: Array<Insertable<MovementsTable>> = [];
    for (let i = start; i < Math.min(n, start + batch); i++) {
      const number = String(430000000 + i);
      for (let m = 0; m < months; m++) {
        const base = now - (m + 1) * 30 * 86_400_000;
        for (let k = 0; k < 8; k++) {
          const at = new Date(base + ((i * 37 + k * 3.3 * 86_400) % (29 * 86_400)) * 1000).toISOString();
          const secs = 600 + ((i + k) % 7) * 300;
          sessions.push({ session_id: `g${i}-${m}-${k}`, number, ip: `127.10.${(i >> 8) & 255}.${i & 255}`, started_at: at, updated_at: at, stopped_at: at, in_bytes: 2_000_000 + ((i * k) % 5_000_000), out_bytes: 150_000, seconds: secs, stop_cause: 'User-Request' });
        }
        for (let k = 0; k < 3; k++) {
          calls.push({ number, peer: `04${String(41000000 + ((i + k) % 999999)).padStart(8, '0')}`, direction: k === 2 ? ('missed' as const) : ('out' as const), started_at: new Date(base + k * 86_400_000).toISOString(), seconds: k === 2 ? 0 : 60 + k * 30, cost_kopecks: 0 });
        }
        fees.push({ number, at: new Date(base).toISOString(), kind: 'fee' as const, amount_kopecks: -3000, balance_after_kopecks: 0, description: 'Monthly fee', ref: `fee:hist-${m}` });
      }
    }
    rows += sessions.length + calls.length;
    await store.transaction(async (tx) => {
      for (let i = 0; i < sessions.length; i += ROWS_PER_INSERT) await tx.db.insertInto('data_sessions').values(sessions.slice(i, i + ROWS_PER_INSERT)).onConflict((oc) => oc.doNothing()).execute();
      for (let i = 0; i < calls.length; i += ROWS_PER_INSERT) await tx.db.insertInto('call_records').values(calls.slice(i, i + ROWS_PER_INSERT)).execute();
      for (let i = 0; i < fees.length; i += ROWS_PER_INSERT) await tx.db.insertInto('movements').values(fees.slice(i, i + ROWS_PER_INSERT)).execute();
    });
  }
  return rows;
}
