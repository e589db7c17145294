// The demo data of CONTRACTS.md, loaded by `--demo` into an empty database, plus a
// generator of N more subscribers for benches.
import { kyivMonth } from '../../shared/kyiv-time';
import type { AssaStore } from './assa-store';
import { ExtrasStore } from './extras-store';
import { MoneyStore } from './money-store';
import { transaction } from './open-database';

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

/** Scratch cards of the demo: 30 UAH 30000000000001..10, 100 UAH 10000000000001..10 (README). */
export const DEMO_VOUCHERS = [
  ...Array.from({ length: 10 }, (_, i) => ({ code: `300000000000${String(i + 1).padStart(2, '0')}`, amount: 3000 })),
  ...Array.from({ length: 10 }, (_, i) => ({ code: `100000000000${String(i + 1).padStart(2, '0')}`, amount: 10000 })),
];

/** Loads the demo table when the database has no subscribers; true when it did. */
export function loadDemoData(store: AssaStore, now = Date.now()): boolean {
  if (store.subscriberCount() > 0) return false;
  transaction(store.db, () => {
    for (const t of DEMO_TARIFFS) store.upsertTariff(t);
    for (const s of DEMO_SUBSCRIBERS) store.insertSubscriber({ ...s, corporate: 0, connected_at: new Date(now - 2 * 365 * 86_400_000).toISOString() });
    const money = new MoneyStore(store.db);
    store.db.prepare("UPDATE tariffs SET switch_cost_kopecks = 1000 WHERE id <> 'freedom-of-speech'").run();
    for (const s of DEMO_SERVICES) money.upsertService(s);
    for (const v of DEMO_VOUCHERS) money.addVoucher(v.code, v.amount);
    const extras = new ExtrasStore(store.db);
    extras.addCall({ number: '441234567', peer: '0441234568', direction: 'missed', started_at: new Date(now - 3 * 3600_000).toISOString(), seconds: 0, cost_kopecks: 0 });
    extras.addCall({ number: '441234567', peer: '0441234568', direction: 'out', started_at: new Date(now - 26 * 3600_000).toISOString(), seconds: 125, cost_kopecks: 0 });
    // The demo starts after this month's billing: the fees of the month are behind it.
    money.markBillingRun(kyivMonth(now), new Date(now).toISOString());
  });
  return true;
}

/** N more active subscribers 440000000+i for benches. */
export function generateSubscribers(store: AssaStore, n: number, now = Date.now()): void {
  const at = new Date(now).toISOString();
  const batch = 10_000;
  for (let start = 0; start < n; start += batch) {
    transaction(store.db, () => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const number = String(430000000 + i);
        store.insertSubscriber({ number, account_number: `2${number}`, owner_name: `Subscriber ${i}`, status: 'active', tariff_id: DEMO_TARIFFS[i % DEMO_TARIFFS.length]!.id, balance_kopecks: (i * 37) % 20_000, corporate: 0, connected_at: at });
      }
    });
  }
}

/**
 * `--demo --subscribers N --months M`: M months of history for every generated subscriber —
 * data sessions (A-DET-2), calls (A-DET-1) and the monthly fees in the ledger — for benches
 * and for a demo that looks lived in. Deterministic (no randomness: the same N and M give
 * the same database).
 */
export function generateHistory(store: AssaStore, n: number, months: number, now = Date.now()): number {
  const insS = store.db.prepare('INSERT OR IGNORE INTO data_sessions (session_id, number, ip, started_at, updated_at, stopped_at, in_bytes, out_bytes, seconds, stop_cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insC = store.db.prepare("INSERT INTO call_records (number, peer, direction, started_at, seconds, cost_kopecks) VALUES (?, ?, ?, ?, ?, 0)");
  const insM = store.db.prepare("INSERT INTO movements (number, at, kind, amount_kopecks, balance_after_kopecks, description, ref) VALUES (?, ?, 'fee', ?, ?, 'Monthly fee', ?)");
  let rows = 0;
  const batch = 2_000;
  for (let start = 0; start < n; start += batch) {
    transaction(store.db, () => {
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const number = String(430000000 + i);
        for (let m = 0; m < months; m++) {
          const base = now - (m + 1) * 30 * 86_400_000;
          for (let k = 0; k < 8; k++) {
            const at = new Date(base + ((i * 37 + k * 3.3 * 86_400) % (29 * 86_400)) * 1000).toISOString();
            const secs = 600 + ((i + k) % 7) * 300;
            insS.run(`g${i}-${m}-${k}`, number, `127.10.${(i >> 8) & 255}.${i & 255}`, at, at, at, 2_000_000 + ((i * k) % 5_000_000), 150_000, secs, 'User-Request');
            rows++;
          }
          for (let k = 0; k < 3; k++) {
            insC.run(number, `04${String(41000000 + ((i + k) % 999999)).padStart(8, '0')}`, k === 2 ? 'missed' : 'out', new Date(base + k * 86_400_000).toISOString(), k === 2 ? 0 : 60 + k * 30);
            rows++;
          }
          insM.run(number, new Date(base).toISOString(), -3000, 0, `fee:hist-${m}`);
        }
      }
    });
  }
  return rows;
}
