import { describe, expect, it } from 'vitest';
import { parseCmglText, parseCpms, parseHcmgl, parseHcmgr, parseHcmgsReport } from './sms';

describe('M-SMS-1 inbox parsers', () => {
  it('reads 27.005 text mode (transcript 09 layout) with its zone in quarter hours', () => {
    const got = parseCmglText(['+CMGL: 0,"REC READ","+44798311xxxx",,"10/03/28,15:05:12+04"', 'testing', '+CMGL: 3,"REC UNREAD","2772",,"26/11/24,12:00:00+08"', 'kod RUNA 123456 vdalo aktyvovan']);
    expect(got).toEqual([
      { index: 0, from: '+44798311xxxx', text: 'testing', at: '2010-03-28T14:05:12.000Z', read: true },
      { index: 3, from: '2772', text: 'kod RUNA 123456 vdalo aktyvovan', at: '2026-11-24T10:00:00.000Z', read: false },
    ]);
  });

  it('reads UCS2 text mode (Ukrainian)', () => {
    const hex = Buffer.from('Привіт', 'utf16le').swap16().toString('hex').toUpperCase();
    expect(parseCmglText(['+CMGL: 1,"REC UNREAD","2772",,"26/11/24,12:00:00+08"', hex], true)[0]!.text).toBe('Привіт');
  });

  it('reads Huawei CDMA ^HCMGL in ASCII and UCS-2 bodies, times in Kyiv', () => {
    const ucs = Buffer.from('Баланс', 'utf16le').swap16().toString('latin1');
    const got = parseHcmgl([
      '^HCMGL:0,2772,2026,11,24,12,00,00,0,1,31,0,0,0,0',
      'kod RUNA 123456 vdalo aktyvovan\x1a',
      '^HCMGL:1,0441234568,2026,07,01,09,30,00,0,6,12,0,0,0,1',
      `${ucs}\x00\x1a`,
    ]);
    expect(got).toEqual([
      { index: 0, from: '2772', text: 'kod RUNA 123456 vdalo aktyvovan', at: '2026-11-24T10:00:00.000Z', read: false },
      { index: 1, from: '0441234568', text: 'Баланс', at: '2026-07-01T06:30:00.000Z', read: true },
    ]);
  });

  it('reads one Huawei CDMA message with ^HCMGR=<index> (MC509 §8.14), body ended by Ctrl-Z', () => {
    expect(parseHcmgr(['^HCMGR:2772,2026,11,24,12,00,00,0,1,31,0,0,0,1', 'kod RUNA 123456 vdalo aktyvovan\x1a'], 5)).toEqual({
      index: 5, from: '2772', text: 'kod RUNA 123456 vdalo aktyvovan', at: '2026-11-24T10:00:00.000Z', read: true,
    });
    expect(parseHcmgr(['+CMS ERROR: 321'], 5)).toBeNull();
  });

  it('+CPMS storages (ModemManager captures, reference §1.6)', () => {
    expect(parseCpms('+CPMS: "ME",1,100,"MT",5,100,"TA",1,100')).toEqual([
      { storage: 'ME', used: 1, total: 100 }, { storage: 'MT', used: 5, total: 100 }, { storage: 'TA', used: 1, total: 100 },
    ]);
    expect(parseCpms('+CPMS: "SM",100,100,"SR",5,10,"TA",1,100')![0]).toEqual({ storage: 'SM', used: 100, total: 100 });
    expect(parseCpms('+CPMS: "ME","MT","SM"')).toBeNull(); // Huawei MU609 test form: names only
  });

  it('Huawei CDMA send outcome: ^HCMGS: <mr>, ^HCMGSS, ^HCMGSF with or without the colon (MC509 vs Qualcomm)', () => {
    expect(parseHcmgsReport('^HCMGS: 12')).toEqual({ kind: 'sent', mr: 12 });
    expect(parseHcmgsReport('^HCMGSS:12')).toEqual({ kind: 'delivered', mr: 12 });
    expect(parseHcmgsReport('^HCMGSF: 109')).toEqual({ kind: 'failed', cause: 109 });
    expect(parseHcmgsReport('^HCMGSF109')).toEqual({ kind: 'failed', cause: 109 });
    expect(parseHcmgsReport('^HCMGSF: <err>')).toBeNull();
  });
});
