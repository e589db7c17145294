// Where settings live. In Electron this is electron-store; in browser mode and tests it
// is `conf` in the app's data folder (electron-store is conf with Electron's paths, so
// both satisfy this shape).
import Conf from 'conf';
import type { Settings } from '../../shared/app-contract';

export interface SettingsBackend {
  readonly store: Partial<Settings>;
  set(key: string, value: unknown): void;
}

export function createConfBackend(dataDir: string): SettingsBackend {
  return new Conf<Partial<Settings>>({ cwd: dataDir, configName: 'settings', projectName: 'assa' }) as unknown as SettingsBackend;
}
