// U-SET-1: settings read and write. Values are merged over the defaults and checked
// against the contract's schema, so a hand-edited or older settings file can never
// hand the core a value of the wrong shape. The dial profile's password is a secret:
// it lives in the vault (sealed by the OS's key or the passphrase), never in the plain
// settings file; a plain one written by an older version is moved there when the vault
// opens. While the vault is shut a new password is kept in memory only.
import { Value } from '@sinclair/typebox/value';
import { DEFAULT_SETTINGS, SettingsSchema, type AppRequest, type Settings } from '../../shared/app-contract';
import { BUILT_IN_PROFILES } from '../../shared/dial-profile';
import { CodedError } from '../../shared/errors';
import type { EventBus } from '../event-bus';
import type { SealedValue } from '../account/sealed-value';
import type { SettingsBackend } from './settings-backend';

/** Set in the settings file once the dial password is in the vault (the file's copy is ''). */
const SEALED_FLAG = 'dialPasswordSealed';

/** A built-in profile's printed password (Intertelecom's IT/IT) is public, not a secret to seal. */
const isPublicDefault = (d: { id?: unknown; password?: unknown }) => BUILT_IN_PROFILES.some((p) => p.id === d.id && p.password === d.password);

export class SettingsService {
  /** A dial password given while the vault was shut: used this run, sealed when it opens. */
  private pendingDialPassword: string | null = null;

  constructor(
    private readonly backend: SettingsBackend,
    private readonly bus: EventBus,
    private readonly dialSecret: SealedValue | null = null,
  ) {
    this.sealDialPassword();
  }

  /** Moves a plain dial password (old file, or one given while shut) into the vault. */
  sealDialPassword(): void {
    if (!this.dialSecret?.available()) return;
    const stored = (this.backend.store as { dial?: { id?: unknown; password?: unknown } }).dial;
    const plain = this.pendingDialPassword ?? (typeof stored?.password === 'string' && stored.password !== '' && !isPublicDefault(stored) ? stored.password : null);
    if (plain === null) return;
    this.dialSecret.save(plain);
    this.pendingDialPassword = null;
    if (stored) this.backend.set('dial', { ...stored, password: '' });
    this.backend.set(SEALED_FLAG, true);
  }

  get(): Settings {
    const merged = { ...DEFAULT_SETTINGS, ...this.backend.store };
    if ((this.backend.store as Record<string, unknown>)[SEALED_FLAG] === true && merged.dial) {
      merged.dial = { ...merged.dial, password: this.pendingDialPassword ?? this.readDialSecret() ?? '' };
    }
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
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'dial' && v && typeof v === 'object') this.setDial(v as Settings['dial']);
      // The user's own profiles are kept without passwords: a secret lives only in the vault (the chosen profile's).
      else if (k === 'dialProfiles' && Array.isArray(v)) this.backend.set(k, (v as NonNullable<Settings['dialProfiles']>).map((p) => ({ ...p, password: '' })));
      else this.backend.set(k, v);
    }
    const settings = this.get();
    this.bus.publish({ type: 'settings.changed', settings });
    return settings;
  }

  private setDial(dial: Settings['dial']): void {
    if (isPublicDefault(dial)) {
      this.pendingDialPassword = null;
      this.dialSecret?.forget();
      this.backend.set('dial', dial);
      this.backend.set(SEALED_FLAG, false);
      return;
    }
    if (this.dialSecret?.available()) {
      this.dialSecret.save(dial.password);
      this.pendingDialPassword = null;
    } else {
      this.pendingDialPassword = dial.password;
    }
    this.backend.set('dial', { ...dial, password: '' });
    this.backend.set(SEALED_FLAG, true);
  }

  private readDialSecret(): string | null {
    try {
      return this.dialSecret?.load() ?? null;
    } catch {
      return null; // a damaged or foreign-key file: the password is asked again, nothing breaks
    }
  }
}
