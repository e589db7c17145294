// The packaging configuration flips Electron's fuses to their safe side, and the app opens
// only the operator's https pages in the user's browser.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_ALLOW_LIST, isOpenableExternally } from '../../../electron/security-policy';

describe('electron-builder.yml electronFuses', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, boolean> };
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, turns on cookie encryption and ASAR integrity', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('shell.openExternal allow-list', () => {
  it.each([
    ['https://intertelecom.ua/', true],
    ['https://www.intertelecom.ua/tariffs?x=1#a', true],
    ['https://INTERTELECOM.UA/', true],
    ['http://intertelecom.ua/', false],
    ['https://intertelecom.ua.evil.example/', false],
    ['https://evil.example/intertelecom.ua', false],
    ['https://user:pw@intertelecom.ua/', false],
    ['https://intertelecom.ua:8443/', false],
    ['file:///etc/passwd', false],
    ['smb://intertelecom.ua/share', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isOpenableExternally(url)).toBe(ok));
  it('takes another list where given', () => {
    expect(isOpenableExternally('https://example.org/', ['example.org'])).toBe(true);
    expect(EXTERNAL_ALLOW_LIST.every((h) => h === h.toLowerCase())).toBe(true);
  });
});
