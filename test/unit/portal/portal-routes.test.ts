// The portal's hash routes: public pages before login, the account (opening on Data by
// number) after it; nothing else opens.
import { describe, expect, it } from 'vitest';
import { resolveRoute, routeFromHash } from '../../../renderer/portal/portal-routes';

describe('portal routes', () => {
  it.each([
    ['', { kind: 'public', page: 'login' }],
    ['#/', { kind: 'public', page: 'login' }],
    ['#/register', { kind: 'public', page: 'register' }],
    ['#/recover', { kind: 'public', page: 'recover' }],
    ['#/cannot', { kind: 'public', page: 'cannot' }],
    ['#/nonsense', { kind: 'public', page: 'login' }],
    ['#/account', { kind: 'account', section: 'data' }],
    ['#/account/funds', { kind: 'account', section: 'funds' }],
    ['#/account/evil', { kind: 'account', section: 'data' }],
  ])('%s → %o', (hash, want) => expect(routeFromHash(hash)).toEqual(want));

  it('the account needs a login; after one the login pages lead to the account, and "cannot do" stays public', () => {
    expect(resolveRoute({ kind: 'account', section: 'funds' }, false)).toEqual({ kind: 'public', page: 'login' });
    expect(resolveRoute({ kind: 'account', section: 'funds' }, true)).toEqual({ kind: 'account', section: 'funds' });
    expect(resolveRoute({ kind: 'public', page: 'register' }, true)).toEqual({ kind: 'account', section: 'data' });
    expect(resolveRoute({ kind: 'public', page: 'cannot' }, true)).toEqual({ kind: 'public', page: 'cannot' });
    expect(resolveRoute({ kind: 'public', page: 'recover' }, false)).toEqual({ kind: 'public', page: 'recover' });
  });
});
