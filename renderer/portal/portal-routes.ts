// The portal's pages, addressed by the location hash so that the one HTML page at / serves
// them all (and a reload keeps the page). Before login only the public pages open; after
// login #/account/<section>, opening on Data by number as in the seed.
import { useEffect, useState } from 'react';
import { sectionFromHash, type Section } from '../src/pages/account/sections';

export const PUBLIC_PAGES = ['login', 'register', 'recover', 'cannot'] as const;
export type PublicPage = (typeof PUBLIC_PAGES)[number];

export type PortalRoute = { kind: 'public'; page: PublicPage } | { kind: 'account'; section: Section };

export function routeFromHash(hash: string): PortalRoute {
  const first = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  if (first === 'account') return { kind: 'account', section: sectionFromHash(hash) };
  return { kind: 'public', page: (PUBLIC_PAGES as readonly string[]).includes(first) ? (first as PublicPage) : 'login' };
}

/** Where a route actually lands: the account needs a login, the login page is moot after one. */
export function resolveRoute(route: PortalRoute, loggedIn: boolean): PortalRoute {
  if (route.kind === 'account' && !loggedIn) return { kind: 'public', page: 'login' };
  if (route.kind === 'public' && loggedIn && route.page !== 'cannot') return { kind: 'account', section: 'data' };
  return route;
}

export function usePortalRoute(): PortalRoute {
  const [route, setRoute] = useState<PortalRoute>(() => routeFromHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(routeFromHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function go(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}
