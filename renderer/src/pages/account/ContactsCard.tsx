// A-HLP-1: how to reach the operator. The numbers and address are the server's; the
// words around them (and the hours, which the server writes in English) are ours.
import { useTranslation } from 'react-i18next';
import { useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

export function ContactsCard() {
  const { t, i18n } = useTranslation();
  const { data, error } = useAssaGet<{ hotline: string; fromMobile: string; email: string; hours: string }>('/api/v1/help/contacts');
  return (
    <article className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('contacts.title')}</h2>
      <ErrorNote error={error} />
      {data ? (
        <dl className="facts" data-testid="help-contacts">
          <dt>{t('contacts.hotline')}</dt>
          <dd>
            <a href={`tel:${data.hotline.replace(/[^\d+]/g, '')}`}>{data.hotline.replace(/\s*\(free\)\s*$/i, '')}</a>
          </dd>
          <dt>{t('contacts.fromMobile')}</dt>
          <dd>{data.fromMobile}</dd>
          <dt>{t('contacts.email')}</dt>
          <dd>
            <a href={`mailto:${data.email}`}>{data.email}</a>
          </dd>
          <dt>{t('contacts.hours')}</dt>
          <dd>{i18n.language === 'en' ? data.hours : t('contacts.hoursValue')}</dd>
        </dl>
      ) : null}
    </article>
  );
}
