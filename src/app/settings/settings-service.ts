// U-SET-1: settings read and write. Values are merged over the defaults and checked
// against the contract's schema, so a hand-edited or older settings file can never
// hand the core a value of the wrong shape.
import { Value } from '@sinclair/typebox/value';
import { DEFAULT_SETTINGS, SettingsSchema, type AppRequest, type Settings } from '../../shared/app-contract';
import { CodedError } from '../../shared/errors';
import type { EventBus } from '../event-bus';
import type { SettingsBackend } from './settings-backend';

export class SettingsService {
  constructor(
    private readonly backend: SettingsBackend,
    private readonly bus: EventBus,
  ) {}

  get(): Settings {
    const merged = { ...DEFAULT_SETTINGS, ...this.backend.store };
    // Drop anything unknown or malformed, falling back to the default per key.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
      const schema = SettingsSchema.properties[key];
      out[key] = Value.Check(schema, merged[key]) ? merged[key] : DEFAULT_SETTINGS[key];
    }
    return out as Settings;
  }

  update(patch: AppRequest<'settings.update'>): Settings {
    const next = { ...this.get(), ...patch };
    if (next.assaServer.mode === 'remote' && !/^https?:\/\/[^\s/]+/.test(next.assaServer.url)) {
      throw new CodedError('invalid_server_url', 'The ASSA server address must start with http:// or https://', { field: 'assaServer.url' });
    }
    if (!Value.Check(SettingsSchema, next)) throw new CodedError('invalid_request', 'Settings do not have the expected shape');
    for (const [k, v] of Object.entries(patch)) this.backend.set(k, v);
    const settings = this.get();
    this.bus.publish({ type: 'settings.changed', settings });
    return settings;
  }
}
