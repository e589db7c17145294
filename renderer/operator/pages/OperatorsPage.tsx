// Admin: the operators — add one (its one-time password shown once), unlock, disable,
// a new one-time password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type OperatorRole } from '../../../src/shared/operator-roles';
import { api } from '../api';
import { kyiv } from '../format';
import { Field, Message, Section, Select, Table, useErrorText, useResource, type Note } from '../ui';

interface Op {
  login: string;
  role: OperatorRole;
  mustChangePassword: boolean;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
}

export function OperatorsPage({ self }: { self: string }) {
  const { t, i18n } = useTranslation();
  const list = useResource(() => api<Op[]>('GET', '/operators'), []);
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<OperatorRole>('support');
  const [note, setNote] = useState<Note>(null);
  const errorText = useErrorText();
  const run = async (p: Promise<{ oneTimePassword?: string; login?: string; operator?: { login: string } }>) => {
    try {
      const r = await p;
      const who = r.login ?? r.operator?.login ?? '';
      setNote({ kind: 'ok', text: r.oneTimePassword ? t('operators.oneTime', { login: who, password: r.oneTimePassword }) : t('common.done') });
      list.reload();
    } catch (err) {
      setNote({ kind: 'error', text: errorText(err) });
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(api('POST', '/operators', { login, role }));
  };
  const put = (l: string, body: unknown) => void run(api('PUT', `/operators/${l}`, body));
  return (
    <>
      <h1>{t('operators.title')}</h1>
      <Message note={note} testId="ops-message" />
      <Table
        caption={t('operators.title')}
        testId="ops-list"
        rows={list.data ?? []}
        rowKey={(r) => r.login}
        columns={[
          { head: t('login.login'), cell: (r) => r.login },
          { head: t('operators.role'), cell: (r) => t(`role.${r.role}`) },
          { head: t('common.status'), cell: (r) => [r.locked ? t('operators.locked') : '', r.disabled ? t('operators.disabled') : '', r.mustChangePassword ? t('operators.mustChange') : ''].filter(Boolean).join(', ') || '—' },
          { head: t('common.when'), cell: (r) => kyiv(r.createdAt, i18n.language) },
          {
            head: t('common.actions'),
            cell: (r) =>
              r.login === self ? (
                ''
              ) : (
                <span className="actions">
                  {r.locked ? (
                    <button type="button" onClick={() => put(r.login, { unlock: true })}>
                      {t('operators.unlock')} {r.login}
                    </button>
                  ) : null}
                  <button type="button" onClick={() => put(r.login, { disabled: !r.disabled })}>
                    {r.disabled ? t('operators.enable') : t('operators.disable')} {r.login}
                  </button>
                  <button type="button" onClick={() => put(r.login, { resetPassword: true })}>
                    {t('operators.reset')}: {r.login}
                  </button>
                </span>
              ),
          },
        ]}
      />
      <Section title={t('operators.add')}>
        <form className="grid" onSubmit={add}>
          <Field label={t('login.login')} value={login} onChange={setLogin} required testId="ops-login" />
          <Select label={t('operators.role')} value={role} onChange={setRole} testId="ops-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <button type="submit" data-testid="ops-submit">
            {t('common.create')}
          </button>
        </form>
      </Section>
    </>
  );
}
