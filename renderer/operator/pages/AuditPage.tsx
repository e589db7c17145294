// The audit log of operator actions, newest first, paged by id.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { kyiv } from '../format';
import { auditAction, auditTarget } from '../server-words';
import { Table, useResource } from '../ui';

interface Entry {
  id: number;
  at: string;
  operator: string;
  action: string;
  target: string | null;
  details: unknown;
  ip: string | null;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [before, setBefore] = useState<number | null>(null);
  const page = useResource(() => api<Entry[]>('GET', `/audit?limit=100${before ? `&before=${before}` : ''}`), [before]);
  const rows = page.data ?? [];
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <Table caption={t('audit.title')} testId="audit-list" rows={rows} rowKey={(r) => r.id} columns={[{ head: t('common.when'), cell: (r) => kyiv(r.at, i18n.language) }, { head: t('common.operator'), cell: (r) => r.operator }, { head: t('audit.action'), cell: (r) => auditAction(t, r.action) }, { head: t('audit.target'), cell: (r) => auditTarget(t, r.target) }, { head: t('audit.details'), cell: (r) => <code>{JSON.stringify(r.details)}</code> }]} />
      {rows.length === 100 ? (
        <button type="button" onClick={() => setBefore(rows[rows.length - 1]!.id)}>
          {t('audit.more')}
        </button>
      ) : null}
    </>
  );
}
