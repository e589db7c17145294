// Sections whose content arrives with later work show their purpose, not a blank page.
import { useTranslation } from 'react-i18next';

export function IntroPage({ id }: { id: 'account' | 'traffic' | 'diagnostics' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t(`pages.${id}.title`)}</h1>
      <p>{t(`pages.${id}.intro`)}</p>
    </section>
  );
}
