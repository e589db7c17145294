// The subscriber import file (CONTRACTS.md "POST /subscribers/import"): CSV with a header
// line naming the same columns as POST /subscribers (number, accountNumber, ownerName,
// tariffId, balance?, email?, corporate?), in any order. Parsing and the checks that need
// no database are here and pure; each bad line is reported with its line number and a
// code, and the good lines go on (the service checks the database-level rules).
import { parse } from 'csv-parse/sync';
import { normaliseNumber } from '../../shared/phone-number';

export interface NewSubscriber {
  number: string;
  accountNumber: string;
  ownerName: string;
  tariffId: string;
  balance: number;
  email: string | null;
  corporate: boolean;
}
export interface CsvRejection {
  line: number;
  code: string;
  field?: string;
}

const REQUIRED = ['number', 'accountNumber', 'ownerName', 'tariffId'] as const;
const KNOWN = new Set<string>([...REQUIRED, 'balance', 'email', 'corporate']);
export const MAX_IMPORT_LINES = 10_000;

/** The same checks as one POST /subscribers body; null when fine. */
export function subscriberProblem(b: { number: string; accountNumber: string; ownerName: string; tariffId: string; balance?: number; email?: string | null }): { code: string; field: string } | null {
  if (!normaliseNumber(b.number).ok) return { code: 'invalid_number', field: 'number' };
  if (!/^\d{6,16}$/.test(b.accountNumber)) return { code: 'invalid_account_number', field: 'accountNumber' };
  if (b.ownerName.trim().length < 2 || b.ownerName.length > 200) return { code: 'invalid_owner_name', field: 'ownerName' };
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(b.tariffId)) return { code: 'unknown_tariff', field: 'tariffId' };
  if (b.balance !== undefined && (!Number.isSafeInteger(b.balance) || b.balance < 0)) return { code: 'invalid_balance', field: 'balance' };
  if (b.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email)) return { code: 'invalid_email', field: 'email' };
  return null;
}

export function parseSubscriberCsv(text: string): { header: CsvRejection | null; rows: Array<{ line: number; value: NewSubscriber }>; rejected: CsvRejection[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { header: { line, code: 'csv_malformed' }, rows: [], rejected: [] };
  }
  const [head, ...body] = records;
  if (!head) return { header: { line: 1, code: 'csv_empty' }, rows: [], rejected: [] };
  const cols = head.record;
  const missing = REQUIRED.find((c) => !cols.includes(c));
  if (missing) return { header: { line: 1, code: 'missing_column', field: missing }, rows: [], rejected: [] };
  const unknown = cols.find((c) => !KNOWN.has(c));
  if (unknown) return { header: { line: 1, code: 'unknown_column', field: unknown }, rows: [], rejected: [] };
  if (body.length > MAX_IMPORT_LINES) return { header: { line: MAX_IMPORT_LINES + 2, code: 'too_many_lines' }, rows: [], rejected: [] };

  const rows: Array<{ line: number; value: NewSubscriber }> = [];
  const rejected: CsvRejection[] = [];
  const seenNumbers = new Set<string>();
  const seenAccounts = new Set<string>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== cols.length) {
      rejected.push({ line, code: 'wrong_column_count' });
      continue;
    }
    const get = (c: string) => record[cols.indexOf(c)] ?? '';
    const balanceText = get('balance');
    const balance = balanceText === '' ? 0 : /^\d+$/.test(balanceText) ? Number(balanceText) : Number.NaN;
    const corporateText = get('corporate').toLowerCase();
    if (!['', '0', '1', 'true', 'false', 'yes', 'no'].includes(corporateText)) {
      rejected.push({ line, code: 'invalid_corporate', field: 'corporate' });
      continue;
    }
    const raw = { number: get('number'), accountNumber: get('accountNumber'), ownerName: get('ownerName'), tariffId: get('tariffId'), balance, email: get('email') || null };
    const p = subscriberProblem(raw);
    if (p) {
      rejected.push({ line, ...p });
      continue;
    }
    const n = normaliseNumber(raw.number);
    const number = n.ok ? n.number : raw.number;
    if (seenNumbers.has(number)) {
      rejected.push({ line, code: 'duplicate_in_file', field: 'number' });
      continue;
    }
    if (seenAccounts.has(raw.accountNumber)) {
      rejected.push({ line, code: 'duplicate_in_file', field: 'accountNumber' });
      continue;
    }
    seenNumbers.add(number);
    seenAccounts.add(raw.accountNumber);
    rows.push({ line, value: { ...raw, number, balance, corporate: ['1', 'true', 'yes'].includes(corporateText) } });
  }
  return { header: null, rows, rejected };
}
