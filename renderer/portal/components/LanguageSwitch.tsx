// U-I18N-1 in the portal: uk/ru/en, switchable at any time; the choice is kept in this browser.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/shared/app-contract';
import { LANGUAGES, switchLanguage } from '../i18n';

const NAMES: Record<Language, string> = { uk: 'Українська', ru: 'Русский', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span className="lang-label">{t('portal.language')}</span>
      <select value={i18n.language} onChange={(e) => void switchLanguage(e.target.value as Language)} data-testid="portal-language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
