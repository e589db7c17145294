// A-SEC-4, A-RUNA-3/4: the sections an owner protects. A RUNA opens them for one web
// session for 10 minutes; leaving them closes them at once. Which sections a request
// needs open is the route's to say (http/auth.ts `requireSectionOpen`); the rules live here.
import { fail } from '../domain/errors';
import type { AssaContext } from '../context';
import type { WebSessionRow } from '../store/assa-store';
import { useRuna } from './runa-service';

/** How long a RUNA keeps this session's protected sections open (to the millisecond, inclusive). */
export const PROTECTED_SECTION_WINDOW_MS = 10 * 60_000;

/** Whether sections opened at `openedAt` are open at `now`. */
export const sectionsOpen = (openedAt: number | null, now: number): boolean => openedAt !== null && now - openedAt <= PROTECTED_SECTION_WINDOW_MS;

async function sectionsOf(ctx: AssaContext, number: string): Promise<string[]> {
  const acc = await ctx.store.account(number);
  return acc ? (JSON.parse(acc.protected_sections) as string[]) : [];
}

/** True when `number`'s owner protects `section` and this session has not opened it (or its window has passed). */
export async function sectionClosed(ctx: AssaContext, number: string, session: Pick<WebSessionRow, 'runa_opened_at'>, section: string): Promise<boolean> {
  if (!(await sectionsOf(ctx, number)).includes(section)) return false;
  return !sectionsOpen(session.runa_opened_at, ctx.clock.now());
}

/** The protected sections and, while they are open for this session, until when. */
export async function protectedSections(ctx: AssaContext, number: string, session: Pick<WebSessionRow, 'runa_opened_at'>): Promise<{ sections: string[]; openUntil: string | null }> {
  const opened = session.runa_opened_at;
  const until = sectionsOpen(opened, ctx.clock.now()) ? new Date(opened! + PROTECTED_SECTION_WINDOW_MS).toISOString() : null;
  return { sections: await sectionsOf(ctx, number), openUntil: until };
}

export async function chooseProtectedSections(ctx: AssaContext, number: string, sections: string[]): Promise<void> {
  await ctx.store.setProtectedSections(number, sections);
}

/** Spends a RUNA of `number` and opens the protected sections for this session; a wrong or used RUNA is 403 runa_invalid. */
export async function openProtectedSections(ctx: AssaContext, number: string, session: Pick<WebSessionRow, 'token_hash'>, runa: string): Promise<void> {
  if (!(await useRuna(ctx, number, runa))) throw fail(403, 'runa_invalid', 'That RUNA is not valid: activate a new one (10 minutes, one use).', 'runa');
  await ctx.store.openProtected(session.token_hash, ctx.clock.now());
}

/** A-RUNA-3: leaving the protected sections closes them for this session; re-entering needs a new RUNA. */
export async function closeProtectedSections(ctx: AssaContext, session: Pick<WebSessionRow, 'token_hash'>): Promise<void> {
  await ctx.store.openProtected(session.token_hash, null);
}
