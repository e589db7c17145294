// U-SET-1: settings, read from and written to the core through AppApi.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../src/shared/app-contract';
import { useApi } from '../api-context';
import { ModemBackendCard } from '../components/diagnostics/ModemBackendCard';
import { DialProfiles } from '../components/settings/DialProfiles';
import { setLanguage, systemLanguage } from '../i18n';

export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<Settings | null>(null);
  // The message is kept as a key so it follows a language switch made by this very save.
  const [message, setMessage] = useState<{ key: string; message?: string } | null>(null);

  useEffect(() => {
    api.call('settings.get', {}).then(setDraft, (e: Error) => setMessage({ key: 'errors.generic', message: e.message }));
  }, [api]);

  if (!draft) return <p>…</p>;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
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
      setMessage({ key: 'settings.saved' });
    } catch (err) {
      setMessage({ key: 'errors.generic', message: (err as Error).message });
    }
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
          <input value={draft.portOverride ?? ''} placeholder="/dev/ttyUSB0" onChange={(e) => setDraft({ ...draft, portOverride: e.target.value })} />
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
          <button type="submit">{t('settings.save')}</button>{' '}
          <span role="status" data-testid="settings-message">
            {message ? t(message.key, { message: message.message }) : ''}
          </span>
        </div>
      </form>
      <div className="cards" style={{ marginTop: '1.5rem' }}>
        <ModemBackendCard />
      </div>
    </section>
  );
}
