// A-HLP-2: what the self-service system cannot do, each with the reason and where to go.
// Public (a subscriber often asks before they have a login) and linked from Help.
import { useTranslation } from 'react-i18next';
import { useAssaGet } from '../../src/hooks/use-assa';
import { ErrorNote } from '../../src/pages/account/ErrorNote';

export function CannotPage({ loggedIn }: { loggedIn: boolean }) {
  const { t } = useTranslation();
  const list = useAssaGet<Array<{ id: string; operation: string; reason: string; whereToGo: string }>>('/api/v1/help/unsupported');
  return (
    <section className="public wide" aria-labelledby="cannot-page-title">
      <h1 id="cannot-page-title">{t('portal.cannot.title')}</h1>
      <div className="card">
        <p className="muted">{t('portal.cannot.intro')}</p>
        <ErrorNote error={list.error} />
        <dl className="cannot-list" data-testid="cannot-list">
          {(list.data ?? []).map((u) => (
            <div key={u.id} className="faq">
              <dt>{t(`docs.unsupported.${u.id}.operation`, { defaultValue: u.operation })}</dt>
              <dd>
                {t(`docs.unsupported.${u.id}.reason`, { defaultValue: u.reason })}
                <br />
                <span className="muted">{t('portal.cannot.where')}</span> <strong>{t(`docs.unsupported.${u.id}.whereToGo`, { defaultValue: u.whereToGo })}</strong>
              </dd>
            </div>
          ))}
        </dl>
        <p className="links">
          <a href={loggedIn ? '#/account/help' : '#/login'}>{t('portal.cannot.back')}</a>
        </p>
      </div>
    </section>
  );
}
