// The Electron shell, driven by Playwright's Electron launcher where Electron's binary is
// installed. Here (no binary can be downloaded) it reports itself skipped with the reason.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../src/cli/electron-binary';

const binary = electronBinary();
const reason = 'Electron binary not installed (its postinstall download is unavailable here); browser mode covers the same UI';

describe('Electron shell', () => {
  it.skipIf(!binary)(binary ? 'opens the window with the security settings applied' : `skipped: ${reason}`, async () => {
    const { _electron } = await import('playwright-core');
    const { buildElectron } = await import('../../electron/build-config');
    await buildElectron();
    const app = await _electron.launch({ executablePath: binary!, args: [path.resolve('dist/electron/main.cjs')] });
    try {
      const win = await app.firstWindow();
      expect(win.url()).toMatch(/^app:\/\/assa\//);
      await expect.poll(() => win.getByTestId('modem-status').textContent()).toBeTruthy();
      // The page has no Node: require and process are not reachable from it.
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await win.evaluate(() => typeof (window as { assa?: { call?: unknown } }).assa?.call)).toBe('function');
    } finally {
      await app.close();
    }
  });
});
