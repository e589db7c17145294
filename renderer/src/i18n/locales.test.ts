// U-I18N-1: every language has every key, with no empty string and the same
// interpolation placeholders, so switching language changes every visible label.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';
import { uk } from './uk';

function leaves(o: object, prefix = ''): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]]));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('U-I18N-1 locales', () => {
  const base = new Map(leaves(en));
  for (const [name, strings] of Object.entries({ uk, ru })) {
    it(`${name} has every English key, non-empty, with the same placeholders`, () => {
      const got = new Map(leaves(strings));
      expect([...got.keys()].sort()).toEqual([...base.keys()].sort());
      for (const [k, v] of got) {
        expect(v.trim(), k).not.toBe('');
        expect(placeholders(v), k).toEqual(placeholders(base.get(k) ?? ''));
      }
    });
  }
  it('Ukrainian and Russian labels differ from English for navigation', () => {
    expect(uk.nav.dashboard).not.toBe(en.nav.dashboard);
    expect(ru.nav.settings).not.toBe(en.nav.settings);
  });
});
