// A-GRP-1: the group this number belongs to.
import { useTranslation } from 'react-i18next';
import { useAssaGet } from '../../hooks/use-assa';
import { ErrorNote } from './ErrorNote';

export function GroupPage() {
  const { t } = useTranslation();
  const { data, error } = useAssaGet<{ name: string; members: Array<{ number: string; role: string }> }>('/api/v1/group');
  return (
    <article className="card wide" aria-labelledby="grp-title">
      <h2 id="grp-title">{t('acc.nav.group')}</h2>
      <ErrorNote error={error} />
      {data ? (
        <>
          <p>{data.name}</p>
          <ul className="list">{data.members.map((m) => <li key={m.number}>{m.number} — {m.role}</li>)}</ul>
        </>
      ) : null}
    </article>
  );
}
