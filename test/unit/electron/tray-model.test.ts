import { describe, expect, it } from 'vitest';
import { trayIcon, trayMenu, trayTooltip } from '../../../electron/tray-model';
import type { ModemState } from '../../../src/shared/app-contract';
import type { ConnectionStateDto } from '../../../src/shared/app-methods-connection';

const modem = (status: ModemState['status'], virtual = false): ModemState => ({ status, virtual, port: '/dev/ttyUSB2', manufacturer: 'huawei', model: 'EC121', number: '441234567', error: null });
const conn = (status: ConnectionStateDto['status'], error: ConnectionStateDto['error'] = null): ConnectionStateDto => ({ status, since: '2026-11-25T00:00:00Z', via: null, iface: null, localIp: null, error, attempt: 0, nextAttemptAt: null, phase: null });

describe('U-TRAY-1 tray state', () => {
  it('picks the icon by state (D-DIAL-2 always visible)', () => {
    expect(trayIcon(null, null)).toBe('no-modem');
    expect(trayIcon(modem('ready'), conn('idle'))).toBe('ready');
    expect(trayIcon(modem('connecting'), conn('connecting'))).toBe('connecting');
    expect(trayIcon(modem('connected'), conn('connected'))).toBe('connected');
    expect(trayIcon(modem('ready'), conn('failed', { code: 'no_carrier', message: 'NO CARRIER' }))).toBe('error');
  });
  it('puts the speed in the tooltip while connected, the reason when it failed', () => {
    expect(trayTooltip(modem('connected', true), conn('connected'), { rx: 48_000, tx: 4_000 })).toBe('ASSA (virtual modem): connected ↓ 47 KB/s ↑ 4 KB/s');
    expect(trayTooltip(modem('ready'), conn('failed', { code: 'busy', message: 'BUSY: the network is busy.' }), null)).toContain('BUSY');
  });
  it('offers connect only when the modem is ready, disconnect while connected', () => {
    expect(trayMenu(modem('ready'), conn('idle')).map((i) => `${i.id}:${i.enabled}`)).toEqual(['open:true', 'connect:true', 'quit:true']);
    expect(trayMenu(modem('no-modem'), conn('idle'))[1]).toMatchObject({ id: 'connect', enabled: false });
    expect(trayMenu(modem('connected'), conn('connected'))[1]).toMatchObject({ id: 'disconnect' });
  });
});
