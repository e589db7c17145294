// Groups (A-GRP-1): a group with its curator; members added and removed.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { Field, Message, Section, Table, useErrorText, useResource, type Note } from '../ui';

interface Group {
  id: string;
  name: string;
  curator: string;
  members: Array<{ number: string; role: string; ownerName: string; status: string; registered: boolean }>;
}

export function GroupsPage({ canWrite, openId }: { canWrite: boolean; openId: string | null }) {
  const { t } = useTranslation();
  const list = useResource(() => api<Array<{ id: string; name: string; curator: string; members: number }>>('GET', '/groups'), []);
  const [name, setName] = useState('');
  const [curator, setCurator] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const g = await api<Group>('POST', '/groups', { name, curator });
      window.location.hash = `#/groups/${g.id}`;
      list.reload();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  return (
    <>
      <h1>{t('groups.title')}</h1>
      <Table caption={t('groups.title')} testId="g-list" rows={list.data ?? []} rowKey={(r) => r.id} columns={[{ head: t('groups.name'), cell: (r) => <a href={`#/groups/${r.id}`}>{r.name}</a> }, { head: t('groups.curator'), cell: (r) => r.curator }, { head: t('groups.members'), cell: (r) => r.members }]} />
      {canWrite ? (
        <Section title={t('groups.create')}>
          <form className="grid" onSubmit={create}>
            <Field label={t('groups.name')} value={name} onChange={setName} required testId="g-name" />
            <Field label={t('groups.curator')} value={curator} onChange={setCurator} required testId="g-curator" />
            <button type="submit" data-testid="g-submit">
              {t('common.create')}
            </button>
          </form>
          <Message note={note} testId="g-message" />
        </Section>
      ) : null}
      {openId ? <GroupDetail id={openId} canWrite={canWrite} onChange={list.reload} /> : null}
    </>
  );
}

function GroupDetail({ id, canWrite, onChange }: { id: string; canWrite: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const g = useResource(() => api<Group>('GET', `/groups/${id}`), [id]);
  const [number, setNumber] = useState('');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      setNote({ kind: 'ok', text: t('common.done') });
      g.reload();
      onChange();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  if (!g.data) return <p role="status">{g.error ?? t('common.loading')}</p>;
  return (
    <Section title={g.data.name} testId="g-detail">
      <Table
        caption={t('groups.members')}
        testId="g-members"
        rows={g.data.members}
        rowKey={(r) => r.number}
        columns={[
          { head: t('common.number'), cell: (r) => <a href={`#/subscribers/${r.number}`}>{r.number}</a> },
          { head: t('common.owner'), cell: (r) => r.ownerName },
          { head: t('groups.role'), cell: (r) => (r.role === 'curator' ? t('groups.curatorRole') : t('groups.memberRole')) },
          { head: t('groups.registered'), cell: (r) => (r.registered ? t('common.yes') : t('common.no')) },
          { head: t('common.actions'), cell: (r) => (canWrite && r.role !== 'curator' ? <button type="button" onClick={() => void run(api('DELETE', `/groups/${id}/members/${r.number}`))}>{t('common.remove')} {r.number}</button> : '') },
        ]}
      />
      {canWrite ? (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(api('POST', `/groups/${id}/members`, { number }));
          }}
        >
          <Field label={t('groups.addMember')} value={number} onChange={setNumber} required testId="g-add-number" />
          <button type="submit" data-testid="g-add-submit">
            {t('groups.addMember')}
          </button>
        </form>
      ) : null}
      <Message note={note} testId="g-detail-message" />
    </Section>
  );
}
