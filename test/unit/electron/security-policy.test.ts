// Electron's security checklist as the shell applies it; the wiring itself runs only
// where Electron exists (test/e2e/electron.test.ts).
import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isOpenableExternally, isTrustedSender, resolveAppFile, SECURE_WEB_PREFERENCES } from '../../../electron/security-policy';

describe('Electron security policy', () => {
  it('isolates the page: context isolation, sandbox, no Node integration anywhere, no webviews', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('trusts IPC only from the app:// origin', () => {
    expect(isTrustedSender('app://assa/index.html')).toBe(true);
    expect(isTrustedSender('app://assa/#/settings')).toBe(true);
    for (const bad of ['https://assa/index.html', 'app://evil/index.html', 'file:///index.html', 'http://127.0.0.1:5173/', '', null, undefined, 'not a url']) {
      expect(isTrustedSender(bad)).toBe(false);
    }
  });

  it('denies navigation away from the bundle; opens only https links outside', () => {
    expect(isAllowedNavigation('app://assa/index.html#/traffic')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isOpenableExternally('https://intertelecom.ua/')).toBe(true);
    expect(isOpenableExternally('file:///etc/passwd')).toBe(false);
    expect(isOpenableExternally('javascript:alert(1)')).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppFile('/opt/assa/renderer', 'app://assa/')).toBe('/opt/assa/renderer/index.html');
    expect(resolveAppFile('/opt/assa/renderer', 'app://assa/assets/index.js')).toBe('/opt/assa/renderer/assets/index.js');
    // The URL parser already folds a literal ../ back inside the root.
    expect(resolveAppFile('/opt/assa/renderer', 'app://assa/../secret')).toBe('/opt/assa/renderer/secret');
    expect(resolveAppFile('/opt/assa/renderer', 'app://assa/%2e%2e/%2e%2e/etc/passwd')).toBe('/opt/assa/renderer/etc/passwd');
    for (const bad of ['app://assa/assets/..%2f..%2fetc%2fpasswd', 'app://assa/a%00b', 'app://other/index.html', 'app://assa/%E0%A4%A']) {
      expect(resolveAppFile('/opt/assa/renderer', bad), bad).toBeNull();
    }
  });
});
