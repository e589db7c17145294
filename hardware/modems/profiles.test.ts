// Every profile against the virtual modem (hardware/virtual, the device side built from
// the reference strings) through the real AT channel: identity, number, network, signal,
// SMS in and out (ASCII and Ukrainian), a service code.
import { afterEach, describe, expect, it } from 'vitest';
import { openAtChannel, type SerialAtChannel } from '../at/at-channel';
import { createInProcessModem, type InProcessModem } from '../virtual/in-process';
import { pickProfile } from './pick-profile';

const open: Array<{ ch: SerialAtChannel; vm: InProcessModem }> = [];
afterEach(async () => {
  for (const { ch, vm } of open.splice(0)) {
    await ch.close();
    await vm.controller.close();
  }
});

async function connect(profile: 'huawei-ec' | 'zte-ac' | 'generic-3gpp') {
  const vm = await createInProcessModem({ profile, radioStepMs: 0, seed: 7, number: '441234567' });
  const ch = await openAtChannel(vm.link);
  open.push({ ch, vm });
  return { vm, ch, profile: await pickProfile(ch) };
}

describe('modem profiles against the virtual modem', () => {
  it('M-ID-1/M-NUM-1/M-SIG-1 Huawei EC-series CDMA', async () => {
    const { ch, profile } = await connect('huawei-ec');
    expect(profile.id).toBe('huawei-cdma');
    expect(await profile.identity(ch)).toMatchObject({
      manufacturer: 'huawei', model: 'EC121', revision: '11.100.17.00.114', esn: '80469BB7', meid: 'A0C72311111111', imei: null, hardwareVersion: 'CE62TCPUVer A', prlVersion: '10021',
    });
    expect(await profile.number(ch)).toBe('441234567');
    const net = await profile.network(ch);
    expect(net.mode).toMatch(/^(cdma1x|evdo-rel0|evdo-reva)$/);
    expect(net.sid).toBe(2162);
    const sig = await profile.signal(ch);
    expect(sig.cdma1x?.rssiDbm).toBeLessThan(-50);
    expect(sig.bars).toBeGreaterThan(0);
  });

  it('M-ID-1 ZTE AC-series CDMA: 0x ESN, no MDN command (number left to ASSA)', async () => {
    const { ch, profile } = await connect('zte-ac');
    expect(profile.id).toBe('zte-cdma');
    expect(await profile.identity(ch)).toMatchObject({ manufacturer: 'zte', model: 'AC2726', esn: '80469BB7' });
    expect((await profile.network(ch)).mode).not.toBe('no-service');
  });

  it('M-ID-1 3GPP (Huawei E1550 layout): IMEI, IMSI, registration', async () => {
    const { ch, profile } = await connect('generic-3gpp');
    expect(profile.tech).toBe('3gpp');
    const id = await profile.identity(ch);
    expect(id).toMatchObject({ manufacturer: 'huawei', model: 'E1550', imei: '353490069873985', esn: null });
    expect(id.imsi).toMatch(/^25504/);
    expect((await profile.network(ch)).mode).not.toBe('no-service');
    expect((await profile.signal(ch)).gsm?.rssiDbm).toBeLessThan(-40);
  });

  for (const p of ['huawei-ec', 'zte-ac', 'generic-3gpp'] as const) {
    it(`M-SMS-1 ${p}: sends ASCII and Ukrainian, reads a delivered message`, async () => {
      const { vm, ch, profile } = await connect(p);
      const sent: string[] = [];
      vm.controller.onEvent((e) => e.type === 'sms-sent' && sent.push(`${e.to}:${e.text}`));
      await profile.sendSms(ch, '2772', '123456');
      await profile.sendSms(ch, '0441234568', 'Привіт, світ');
      expect(sent).toEqual(['2772:123456', '0441234568:Привіт, світ']);
      vm.controller.deliverSms('2772', 'kod RUNA 123456 vdalo aktyvovan');
      vm.controller.deliverSms('0441234568', 'Баланс поповнено');
      await new Promise((r) => setTimeout(r, 20));
      const inbox = await profile.readSms(ch);
      expect(inbox.map((m) => [m.from.replace(/^\+?38/, ''), m.text, m.read])).toEqual(
        expect.arrayContaining([
          ['2772', 'kod RUNA 123456 vdalo aktyvovan', false],
          ['0441234568', 'Баланс поповнено', false],
        ]),
      );
      const first = inbox.find((m) => m.text.startsWith('kod'))!;
      await profile.deleteSms(ch, first.index);
      expect((await profile.readSms(ch)).some((m) => m.index === first.index)).toBe(false);
    });
  }

  it('M-CALL-1 dials *2772*XXXXXX and reports the outcome', async () => {
    const { ch, profile } = await connect('huawei-ec');
    expect(await profile.dialServiceCode(ch, '*2772*123456')).toBe('ok');
    await expect(profile.dialServiceCode(ch, '*2772*12;ATZ')).rejects.toMatchObject({ code: 'invalid_code' });
  });
});
