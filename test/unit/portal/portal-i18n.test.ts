// U-I18N-1 for the portal: uk/ru/en have the same keys, none empty, the same
// placeholders; the language is the stored choice, else the browser's, else English.
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/portal/i18n/en';
import { ru } from '../../../renderer/portal/i18n/ru';
import { uk } from '../../../renderer/portal/i18n/uk';
import { brokenRules, PASSWORD_RULES } from '../../../renderer/portal/password-feedback';

function flat(o: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[prefix + k] = v;
    else Object.assign(out, flat(v as object, `${prefix}${k}.`));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('portal catalogues', () => {
  const E = flat(en);
  it.each([
    ['uk', flat(uk)],
    ['ru', flat(ru)],
  ])('%s has every English key, none empty, the same placeholders', (_l, c) => {
    expect(Object.keys(c).sort()).toEqual(Object.keys(E).sort());
    for (const [k, v] of Object.entries(c)) {
      expect(v.trim(), k).not.toBe('');
      expect(placeholders(v), k).toEqual(placeholders(E[k]!));
    }
  });

  it('every password rule has its own message in every language', () => {
    for (const c of [en, uk, ru]) for (const r of PASSWORD_RULES) expect((c.rules as Record<string, string>)[r]).toBeTruthy();
  });

  it('the portal names every rule the shared rules can break', () => {
    // A password that breaks all the character rules at once, and one that breaks the others.
    const seen = new Set([...brokenRules('пар', ''), ...brokenRules('x441234568', '441234568'), ...brokenRules('qwerty1', '')]);
    for (const r of seen) expect(PASSWORD_RULES).toContain(r);
    expect(brokenRules('Kvitka2026', '441234568').size).toBe(0);
    expect(brokenRules('abcd5', '').has('length')).toBe(true);
    expect(brokenRules('abcde5', '').has('length')).toBe(false);
  });
});
