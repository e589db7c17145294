// The Electron main process: thin wiring of the app's core into a window. Everything the
// user sees is the same renderer that browser mode serves; everything it does goes
// through AppApi (electron/ipc.ts). Tray and native notifications come with the screens.
import { app, BrowserWindow, ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { composeApp } from '../src/cli/compose-app';
import { PROFILE_IDS } from '../hardware/virtual/profiles';
import type { SettingsBackend } from '../src/app/settings/settings-backend';
import { safeStorageBox } from './safe-storage-box';
import { createTray } from './tray';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { hardenAllWebContents } from './hardening';
import { wireIpc } from './ipc';
import { APP_ORIGIN, SECURE_WEB_PREFERENCES } from './security-policy';

const rendererDir = path.join(__dirname, '../renderer');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();

  let main: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (main) {
      if (main.isMinimized()) main.restore();
      main.focus();
    }
  });

  void app.whenReady().then(async () => {
    serveAppProtocol(rendererDir);
    const settings = new ElectronStore({ name: 'settings' }) as unknown as SettingsBackend;
    // The same composition as browser mode: embedded ASSA, USB watch, virtual modem.
    // `assa start --virtual-profile` reaches this process as ASSA_VIRTUAL_PROFILE.
    const profile = PROFILE_IDS.find((id) => id === process.env.ASSA_VIRTUAL_PROFILE);
    const composed = await composeApp({
      shell: 'electron',
      version: app.getVersion(),
      dataDir: process.env.ASSA_DATA_DIR ?? app.getPath('userData'),
      settings,
      secretBox: safeStorageBox(),
      ...(profile ? { virtualProfile: profile } : {}),
    });
    const core = composed.core;
    wireIpc(ipcMain, core, () => BrowserWindow.getAllWindows());
    // U-TRAY-1: state and speed in the tray; notifications shown natively.
    // Kept on `app` so that the Electron e2e test can see the tray exists.
    (app as unknown as { assaTray?: unknown }).assaTray = createTray(core, {
      iconDir: path.join(rendererDir, 'tray'),
      openWindow: () => {
        main?.show();
        main?.focus();
      },
      quit: () => void composed.close().finally(() => app.quit()),
    });

    main = new BrowserWindow({
      width: 1100,
      height: 760,
      minWidth: 720,
      minHeight: 520,
      show: false,
      title: 'ASSA',
      backgroundColor: '#f6f7f9',
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'),
        ...SECURE_WEB_PREFERENCES,
      },
    });
    main.once('ready-to-show', () => main?.show());
    main.on('closed', () => (main = null));
    void main.loadURL(`${APP_ORIGIN}/index.html`);

    app.on('window-all-closed', () => {
      void composed.close().finally(() => app.quit());
    });
  });
}
