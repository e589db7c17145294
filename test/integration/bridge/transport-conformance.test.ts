// The conformance suite over both transports the UI uses: the loopback HTTP/WS bridge
// (browser mode) and Electron IPC (the real wireIpc, the real preload bridge and the
// renderer's real IPC client, through an in-memory ipcMain/ipcRenderer pair).
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { wireIpc } from '../../../electron/ipc';
import { preloadBridge } from '../../../electron/preload-bridge';
import { APP_ORIGIN } from '../../../electron/security-policy';
import { AppCallError } from '../../../renderer/src/client/app-call-error';
import { createHttpClient } from '../../../renderer/src/client/http-client';
import { createIpcClient } from '../../../renderer/src/client/ipc-client';
import { startBridge } from '../../../src/bridge/bridge-server';
import type { AppApi } from '../../../src/shared/app-contract';
import { describeTransportConformance } from './app-transport-conformance';
import { inMemoryElectron, type FakePage } from './in-memory-electron';

// Node 20 has no global WebSocket; the browser's and ws's share the on* interface.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

describeTransportConformance('HTTP + WebSocket bridge', async (core) => {
  const bridge = await startBridge({ api: core });
  return {
    client: createHttpClient(bridge.token, bridge.url),
    intruder: createHttpClient('0'.repeat(bridge.token.length), bridge.url),
    close: () => bridge.close(),
  };
});

function pageClient(page: FakePage): AppApi {
  page.contextBridge.exposeInMainWorld('assa', preloadBridge(page.ipcRenderer));
  return createIpcClient(page.world.assa as NonNullable<Window['assa']>);
}

describeTransportConformance('Electron IPC', async (core) => {
  const electron = inMemoryElectron();
  const own = electron.page(`${APP_ORIGIN}/index.html`);
  const foreign = electron.page('https://evil.example/');
  const unwire = wireIpc(electron.ipcMain, core, () => [own]);
  return { client: pageClient(own), intruder: pageClient(foreign), close: async () => unwire() };
});

describe('Electron IPC beyond the common suite', () => {
  it('refuses a frame that is gone or navigated away, and a look-alike origin', async () => {
    const { composeCore } = await import('../../../src/cli/compose-app');
    const { createConfBackend } = await import('../../../src/app/settings/settings-backend');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-ipc-'));
    const core = await composeCore({ version: '1', shell: 'electron', settings: createConfBackend(dir), dataDir: dir, secretBox: null, defaultAssaUrl: null });
    const electron = inMemoryElectron();
    const page = electron.page(`${APP_ORIGIN}/index.html`);
    const unwire = wireIpc(electron.ipcMain, core, () => [page]);
    const client = pageClient(page);
    try {
      expect((await client.call('app.info', {})).shell).toBe('electron');
      for (const url of [null, 'app://assa.evil/index.html', 'file:///tmp/index.html', 'http://127.0.0.1:1/']) {
        page.setFrameUrl(url);
        await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'forbidden' });
      }
      page.setFrameUrl(`${APP_ORIGIN}/index.html`);
      // A second wiring is refused as Electron refuses a second handler; unwiring frees it.
      expect(() => wireIpc(electron.ipcMain, core, () => [page])).toThrow(/second handler/);
      unwire();
      expect(electron.handlerCount()).toBe(0);
      const e = await client.call('app.info', {}).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppCallError);
      expect((e as AppCallError).code).toBe('ipc_failed');
    } finally {
      unwire();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not send events to a destroyed window', async () => {
    const electron = inMemoryElectron();
    const page = electron.page(`${APP_ORIGIN}/index.html`);
    let listener: ((e: never) => void) | null = null;
    const api: AppApi = { call: async () => ({}) as never, subscribe: (l) => ((listener = l as never), () => undefined) };
    const unwire = wireIpc(electron.ipcMain, api, () => [page]);
    page.webContents.destroy();
    expect(() => listener!({ type: 'settings.changed' } as never)).not.toThrow();
    unwire();
  });
});
