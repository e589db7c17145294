import { describe, expect, it } from 'vitest';
import { addNotification, MAX_SHOWN, type Note, type ShownNote } from './notification-list';

const note = (id: string, code: string, params: Record<string, string | number> = {}): Note => ({ type: 'notification', id, level: 'info', code, text: code, at: '2026-12-01T10:00:00.000Z', params });
const feed = (notes: Note[]) => notes.reduce<ShownNote[]>((list, n) => addNotification(list, n), []);

describe('U-TRAY-1 notifications on screen', () => {
  it('shows five RUNA replies from 2772 as one line with a count', () => {
    const list = feed([1, 2, 3, 4, 5].map((i) => note(`sms-${i}-2772`, 'sms_received', { from: '2772' })));
    expect(list).toHaveLength(1);
    expect(list[0]?.count).toBe(5);
  });
  it('keeps SMS from different senders apart', () => {
    expect(feed([note('a', 'sms_received', { from: '2772' }), note('b', 'sms_received', { from: '441234568' })])).toHaveLength(2);
  });
  it('replaces a limit warning by the next crossing of the same limit, and keeps other limits', () => {
    const list = feed([note('l1-50', 'limit_warning', { limit: 'l1', threshold: 50 }), note('l2-50', 'limit_warning', { limit: 'l2', threshold: 50 }), note('l1-80', 'limit_warning', { limit: 'l1', threshold: 80 })]);
    expect(list.map((s) => s.note.id)).toEqual(['l1-80', 'l2-50']);
  });
  it('ignores the same notification delivered twice', () => {
    expect(feed([note('x', 'link_dropped'), note('x', 'link_dropped')])).toHaveLength(1);
  });
  it(`shows at most ${MAX_SHOWN}, newest first`, () => {
    const list = feed(Array.from({ length: MAX_SHOWN + 1 }, (_, i) => note(`n${i}`, 'limit_warning', { limit: `l${i}` })));
    expect(list).toHaveLength(MAX_SHOWN);
    expect(list[0]?.note.id).toBe(`n${MAX_SHOWN}`);
  });
});
