// U-TRAY-1: the tray icon by state with the speed in its tooltip, a menu to connect,
// disconnect or open the window, and the core's notifications shown natively. Thin: the
// decisions are in tray-model.ts (unit-tested); this only talks to Electron.
import { Menu, Notification, Tray, nativeImage } from 'electron';
import path from 'node:path';
import type { AppCore } from '../src/app/app-core';
import type { ModemState } from '../src/shared/app-contract';
import type { ConnectionStateDto } from '../src/shared/app-methods-connection';
import { trayIcon, trayMenu, trayTooltip, type TrayIcon } from './tray-model';

export function createTray(core: AppCore, opts: { iconDir: string; openWindow(): void; quit(): void }): { destroy(): void } {
  const icon = (name: TrayIcon) => nativeImage.createFromPath(path.join(opts.iconDir, `tray-${name}.png`));
  const tray = new Tray(icon('no-modem'));
  let modem: ModemState | null = core.modem.getState();
  let conn: ConnectionStateDto | null = core.connection.getState();
  let speed: { rx: number; tx: number } | null = null;
  const render = () => {
    tray.setImage(icon(trayIcon(modem, conn)));
    tray.setToolTip(trayTooltip(modem, conn, speed));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenu(modem, conn).map((i) => ({
          label: i.label,
          enabled: i.enabled,
          click: () => {
            if (i.id === 'open') opts.openWindow();
            else if (i.id === 'connect') void core.call('connection.connect', {});
            else if (i.id === 'disconnect') void core.call('connection.disconnect', {});
            else opts.quit();
          },
        })),
      ),
    );
  };
  tray.on('click', () => opts.openWindow());
  const off = core.subscribe((e) => {
    if (e.type === 'modem.state') modem = e.state;
    else if (e.type === 'connection.state') conn = e.state;
    else if (e.type === 'traffic.sample') {
      speed = { rx: e.snapshot.rxRate, tx: e.snapshot.txRate };
      tray.setToolTip(trayTooltip(modem, conn, speed));
      return;
    } else if (e.type === 'notification') {
      if (Notification.isSupported()) new Notification({ title: 'ASSA', body: e.text }).show();
      return;
    } else return;
    render();
  });
  render();
  return {
    destroy() {
      off();
      tray.destroy();
    },
  };
}
