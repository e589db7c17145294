// U-SET-1: a settings file edited by hand, or written by an older version, never hands the
// core a value of the wrong shape; unknown keys fall back to defaults per key.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/app/event-bus';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import { SettingsService } from '../../../src/app/settings/settings-service';
import { DEFAULT_SETTINGS } from '../../../src/shared/app-contract';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'assa-settings-'));
  dirs.push(d);
  return d;
};

describe('SettingsService', () => {
  it('starts from the defaults (language follows the system)', () => {
    const s = new SettingsService(createConfBackend(tmp()), new EventBus());
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.get().language).toBeNull();
  });

  it('keeps good keys and replaces malformed ones from a hand-edited file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ language: 'en', portOverride: 42, startAtLogin: 'yes', assaServer: { mode: 'remote', url: 'https://assa.example' } }));
    const s = new SettingsService(createConfBackend(dir), new EventBus());
    expect(s.get()).toMatchObject({ language: 'en', portOverride: null, startAtLogin: false, assaServer: { mode: 'remote', url: 'https://assa.example' } });
  });

  it('D-DIAL-1 keeps the user’s own dial profiles, never their passwords, in the settings file', () => {
    const dir = tmp();
    const s = new SettingsService(createConfBackend(dir), new EventBus());
    const mine = { id: 'kyivstar-3g', name: 'Kyivstar 3G', kind: '3gpp' as const, number: '*99#', user: 'u', password: 'secret-1', apn: 'www.kyivstar.net' };
    s.update({ dialProfiles: [mine] });
    expect(s.get().dialProfiles).toEqual([{ ...mine, password: '' }]);
    expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).not.toContain('secret-1');
    // A fresh service over the same file reads them back.
    expect(new SettingsService(createConfBackend(dir), new EventBus()).get().dialProfiles?.[0]?.apn).toBe('www.kyivstar.net');
  });

  it('publishes settings.changed after a write', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.subscribe((e) => seen.push(e.type));
    new SettingsService(createConfBackend(tmp()), bus).update({ autoReconnect: true });
    expect(seen).toEqual(['settings.changed']);
  });
});
