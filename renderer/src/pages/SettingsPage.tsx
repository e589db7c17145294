// U-SET-1: settings, read from and written to the core through AppApi.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../src/shared/app-contract';
import { useApi } from '../api-context';
import { ModemBackendCard } from '../components/diagnostics/ModemBackendCard';
import { DialProfiles } from '../components/settings/DialProfiles';
import { FieldError, FormStatus } from '../components/forms/FormStatus';
import { useFormAction } from '../components/forms/use-form-action';
import { setLanguage, systemLanguage } from '../i18n';
import { ErrorNote } from './account/ErrorNote';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // The outcome right under Save (issue 18), in the user's words, gone with the next action.
  const a = useFormAction();

  useEffect(() => {
    api.call('settings.get', {}).then(setDraft, setLoadError);
  }, [api]);

  if (!draft) return loadError ? <ErrorNote error={loadError} /> : <p>…</p>;

  const save = (e: FormEvent) => {
    e.preventDefault();
    void a.run(async () => {
      const saved = await api.call('settings.update', {
        language: draft.language,
        portOverride: draft.portOverride?.trim() ? draft.portOverride.trim() : null,
        assaServer: draft.assaServer,
        startAtLogin: draft.startAtLogin,
        autoReconnect: draft.autoReconnect,
        dial: draft.dial,
        dialProfiles: draft.dialProfiles ?? [],
        virtualModem: draft.virtualModem,
      });
      setDraft(saved);
      await setLanguage(saved.language ?? systemLanguage());
      // i18n.t, not this render's t: the words follow a language switch made by this very save.
      return i18n.t('settings.saved');
    });
  };

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('pages.settings.title')}</h1>
      <form className="form" onSubmit={save}>
        <label>
          {t('settings.language')}
          <select value={draft.language ?? systemLanguage()} onChange={(e) => setDraft({ ...draft, language: e.target.value as Language })}>
            {(['uk', 'ru', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`settings.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.portOverride')}
          <input value={draft.portOverride ?? ''} placeholder="/dev/ttyUSB0" onChange={(e) => setDraft({ ...draft, portOverride: e.target.value })} aria-describedby="settings-port-err" data-testid="settings-port" />
          <FieldError action={a} field="portOverride" id="settings-port-err" />
        </label>
        <DialProfiles draft={draft} onChange={(d) => setDraft({ ...draft, ...d })} />
        <label className="inline">
          <input type="checkbox" checked={draft.virtualModem === 'auto'} onChange={(e) => setDraft({ ...draft, virtualModem: e.target.checked ? 'auto' : 'off' })} />
          {t('settings.virtualModem')}
        </label>
        <fieldset>
          <legend>{t('settings.server')}</legend>
          <label className="inline">
            <input type="radio" name="server" checked={draft.assaServer.mode === 'embedded'} onChange={() => setDraft({ ...draft, assaServer: { ...draft.assaServer, mode: 'embedded' } })} />
            {t('settings.serverEmbedded')}
          </label>
          <label className="inline">
            <input type="radio" name="server" checked={draft.assaServer.mode === 'remote'} onChange={() => setDraft({ ...draft, assaServer: { ...draft.assaServer, mode: 'remote' } })} />
            {t('settings.serverRemote')}
          </label>
          {draft.assaServer.mode === 'remote' ? (
            <label>
              {t('settings.serverUrl')}
              <input type="url" value={draft.assaServer.url} placeholder="https://" onChange={(e) => setDraft({ ...draft, assaServer: { ...draft.assaServer, url: e.target.value } })} />
            </label>
          ) : null}
        </fieldset>
        <label className="inline">
          <input type="checkbox" checked={draft.startAtLogin} onChange={(e) => setDraft({ ...draft, startAtLogin: e.target.checked })} />
          {t('settings.startAtLogin')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={draft.autoReconnect} onChange={(e) => setDraft({ ...draft, autoReconnect: e.target.checked })} />
          {t('settings.autoReconnect')}
        </label>
        <div>
          <button type="submit" disabled={a.busy} data-testid="settings-save">
            {t('settings.save')}
          </button>
          <FormStatus action={a} fields={['portOverride']} testId="settings-message" />
        </div>
      </form>
      <div className="cards" style={{ marginTop: '1.5rem' }}>
        <ModemBackendCard />
      </div>
    </section>
  );
}
