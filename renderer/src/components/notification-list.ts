// The notifications on screen (U-TRAY-1), as a list that never stacks the same news: a
// registration that reads five RUNA replies from 2772 shows one "3 new SMS from 2772",
// and a limit crossing again replaces its earlier line. Pure, so the rule is tested.
import type { AppEvent } from '../../../src/shared/app-contract';

export type Note = Extract<AppEvent, { type: 'notification' }>;
export interface ShownNote {
  note: Note;
  /** How many notifications this line stands for (the same sender's SMS). */
  count: number;
}

export const MAX_SHOWN = 5;

/** What makes two notifications the same news. */
function sameNews(a: Note, b: Note): boolean {
  if (a.code !== b.code) return false;
  if (a.code === 'sms_received') return a.params?.from === b.params?.from;
  if (a.code === 'limit_warning' || a.code === 'limit_reached') return a.params?.limit === b.params?.limit;
  return true;
}

export function addNotification(shown: readonly ShownNote[], note: Note): ShownNote[] {
  if (shown.some((s) => s.note.id === note.id)) return [...shown];
  const earlier = shown.find((s) => sameNews(s.note, note));
  // Repeated SMS news counts up; any other repeated news is replaced by the newest one.
  const count = earlier && note.code === 'sms_received' ? earlier.count + 1 : 1;
  return [{ note, count }, ...shown.filter((s) => s !== earlier)].slice(0, MAX_SHOWN);
}
