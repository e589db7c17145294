import { describe, expect, it } from 'vitest';
import { parseSubscriberCsv } from './subscriber-csv';

describe('subscriber import CSV', () => {
  it('reads good lines in any column order and reports every bad one with its line and code', () => {
    const text = [
      'ownerName,number,accountNumber,tariffId,balance,email,corporate',
      'Mariia Bondar,0445550001,2000555001,freedom-of-speech,5000,m.bondar@example.com,no',
      '"Shevchenko, Petro",+380445550002,2000555002,3g-lite,,,1',
      'Bad Number,04455,2000555003,3g-lite,0,,',
      'Bad Balance,445550004,2000555004,3g-lite,12.50,,',
      'Dup,445550001,2000555005,3g-lite,0,,',
      'Short,445550006',
      'Bad Mail,445550007,2000555007,3g-lite,0,not-an-email,',
      'Dup Account,445550008,2000555001,3g-lite,0,,',
      'Neg,445550009,2000555009,3g-lite,-1,,',
      'Corp?,445550010,2000555010,3g-lite,0,,maybe',
    ].join('\n');
    const r = parseSubscriberCsv(text);
    expect(r.header).toBeNull();
    expect(r.rows.map((x) => x.value.number)).toEqual(['445550001', '445550002']);
    expect(r.rows[1]!.value).toMatchObject({ ownerName: 'Shevchenko, Petro', balance: 0, corporate: true, email: null });
    expect(r.rows[0]!.value).toMatchObject({ balance: 5000, email: 'm.bondar@example.com', corporate: false });
    expect(r.rejected).toEqual([
      { line: 4, code: 'invalid_number', field: 'number' },
      { line: 5, code: 'invalid_balance', field: 'balance' },
      { line: 6, code: 'duplicate_in_file', field: 'number' },
      { line: 7, code: 'wrong_column_count' },
      { line: 8, code: 'invalid_email', field: 'email' },
      { line: 9, code: 'duplicate_in_file', field: 'accountNumber' },
      { line: 10, code: 'invalid_balance', field: 'balance' },
      { line: 11, code: 'invalid_corporate', field: 'corporate' },
    ]);
  });
  it('refuses the whole file when the header is missing a column or names an unknown one', () => {
    expect(parseSubscriberCsv('number,accountNumber,ownerName\n445550001,1,x').header).toEqual({ line: 1, code: 'missing_column', field: 'tariffId' });
    expect(parseSubscriberCsv('number,accountNumber,ownerName,tariffId,pin\n').header).toEqual({ line: 1, code: 'unknown_column', field: 'pin' });
    expect(parseSubscriberCsv('').header?.code).toBe('csv_empty');
    expect(parseSubscriberCsv('number,accountNumber,ownerName,tariffId\n"unclosed,1,2,3').header?.code).toBe('csv_malformed');
  });
  it('a Windows file with a BOM and CRLF lines reads the same', () => {
    const r = parseSubscriberCsv('\uFEFFnumber,accountNumber,ownerName,tariffId\r\n0445550001,2000555001,Mariia Bondar,3g-lite\r\n');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.line).toBe(2);
  });
});
