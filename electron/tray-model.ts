// U-TRAY-1, the decisions of the tray as pure functions (tested without Electron): which
// icon for which state, the tooltip with the speed, the menu's entries.
import type { ConnectionStateDto } from '../src/shared/app-methods-connection';
import type { ModemState } from '../src/shared/app-contract';

export type TrayIcon = 'no-modem' | 'ready' | 'connecting' | 'connected' | 'error';

export function trayIcon(modem: ModemState | null, conn: ConnectionStateDto | null): TrayIcon {
  if (!modem || modem.status === 'no-modem' || modem.status === 'probing') return 'no-modem';
  if (modem.status === 'error' || conn?.status === 'failed') return 'error';
  if (conn?.status === 'connected') return 'connected';
  if (conn?.status === 'connecting' || conn?.status === 'reconnecting' || conn?.status === 'disconnecting') return 'connecting';
  return 'ready';
}

const rate = (bps: number) => (bps >= 1024 * 1024 ? `${(bps / 1024 / 1024).toFixed(1)} MB/s` : bps >= 1024 ? `${(bps / 1024).toFixed(0)} KB/s` : `${Math.round(bps)} B/s`);

export function trayTooltip(modem: ModemState | null, conn: ConnectionStateDto | null, speed: { rx: number; tx: number } | null): string {
  const head = `ASSA${modem?.virtual ? ' (virtual modem)' : ''}`;
  if (!modem || modem.status === 'no-modem') return `${head}: no modem`;
  if (conn?.status === 'connected') return `${head}: connected${speed ? ` ↓ ${rate(speed.rx)} ↑ ${rate(speed.tx)}` : ''}`;
  if (conn?.status === 'failed' && conn.error) return `${head}: not connected — ${conn.error.message}`;
  return `${head}: ${conn?.status === 'connecting' ? 'connecting…' : 'modem ready'}${modem.number ? ` (${modem.number})` : ''}`;
}

export interface TrayMenuItem {
  id: 'open' | 'connect' | 'disconnect' | 'quit';
  label: string;
  enabled: boolean;
}

export function trayMenu(modem: ModemState | null, conn: ConnectionStateDto | null): TrayMenuItem[] {
  const up = conn?.status === 'connected';
  return [
    { id: 'open', label: 'Open ASSA', enabled: true },
    up ? { id: 'disconnect', label: 'Disconnect', enabled: true } : { id: 'connect', label: 'Connect', enabled: modem?.status === 'ready' },
    { id: 'quit', label: 'Quit', enabled: true },
  ];
}
