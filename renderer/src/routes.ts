// The shell's pages, addressed by the location hash (#/traffic) so that deep links work
// the same from app://assa/ and from http://127.0.0.1:PORT/.
import { useEffect, useState } from 'react';

export const PAGES = ['dashboard', 'account', 'messages', 'traffic', 'diagnostics', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split('/')[0];
  return (PAGES as readonly string[]).includes(id ?? '') ? (id as PageId) : 'dashboard';
}

export function useRoute(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(location.hash));
  useEffect(() => {
    const on = () => setPage(pageFromHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return page;
}
