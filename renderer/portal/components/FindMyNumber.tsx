// A-NUM-3 "find my number", in the top corner of login and registration as in the seed:
// ASSA answers with the number when this request came over the subscriber's own data
// session, and otherwise we say plainly that it cannot tell.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountClient } from '../../src/pages/account/account-client';

export function FindMyNumber({ onFound }: { onFound: (number: string) => void }) {
  const { t } = useTranslation();
  const client = useAccountClient();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'cannot' | 'error' } | { kind: 'found'; number: string }>({ kind: 'idle' });
  const find = async () => {
    setState({ kind: 'busy' });
    try {
      const r = await client.request<{ number: string }>('GET', '/api/v1/whoami');
      onFound(r.number);
      setState({ kind: 'found', number: r.number });
    } catch (e) {
      setState({ kind: (e as { code?: string }).code === 'not_on_subscriber_link' ? 'cannot' : 'error' });
    }
  };
  return (
    <div className="find">
      <button type="button" className="linkish" onClick={() => void find()} disabled={state.kind === 'busy'} data-testid="find-my-number">
        {state.kind === 'busy' ? t('portal.find.busy') : t('portal.find.button')}
      </button>
      <p className="find-result" aria-live="polite" data-testid="find-result">
        {state.kind === 'found' ? t('portal.find.found', { number: state.number }) : state.kind === 'cannot' ? t('portal.find.cannot') : state.kind === 'error' ? t('portal.errors.network_unreachable') : ''}
      </p>
    </div>
  );
}
