// U-I18N-1 over real HTTP on a real SQLite file: the catalogue's words in the language the
// subscriber's screen asks for (Accept-Language or ?lang=), the demo catalogue in all three,
// and an item the operator adds through the console API shown in its own uk/ru/en words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from './assa-harness';
import { startOperatorHarness, type OperatorHarness } from '../operator/operator-harness';

let h: OperatorHarness;
beforeAll(async () => {
  h = await startOperatorHarness();
});
afterAll(async () => h.close());

const texts = (headers: Record<string, string>, q = '') => request(h.assa.url, 'GET', `/api/v1/catalogue/texts${q}`, { headers });

describe('GET /api/v1/catalogue/texts', () => {
  it('answers in the language of Accept-Language, says which, and varies by it', async () => {
    const uk = await texts({ 'accept-language': 'uk-UA,uk;q=0.9,en-US;q=0.8' });
    expect(uk.status).toBe(200);
    expect(uk.headers['content-language']).toBe('uk');
    expect(String(uk.headers.vary)).toMatch(/Accept-Language/i);
    expect(uk.body.lang).toBe('uk');
    expect(uk.body.tariffs['3g-lite']).toEqual({ name: '3G Лайт', description: '5 ГБ даних EV-DO на місяць.', terms: '' });
    expect(uk.body.services.antivirus.terms).toBe('Ліцензія на один пристрій на календарний місяць.');
    const ru = await texts({ 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.body.services['caller-id'].name).toBe('Определитель номера');
    const en = await texts({ 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.tariffs['freedom-of-speech'].name).toBe('Freedom of Speech');
  });

  it('?lang= wins over the header (the app asks in its own language, whatever the system’s)', async () => {
    const r = await texts({ 'accept-language': 'en-US' }, '?lang=ru');
    expect(r.body.lang).toBe('ru');
    expect(r.body.tariffs['3g-unlimited'].name).toBe('3G Безлимит');
    expect((await texts({}, '?lang=de')).status).toBe(400);
  });

  it('every item of the catalogue has words in every language, none of them the English on a uk/ru answer', async () => {
    const [uk, ru, en] = await Promise.all(['uk', 'ru', 'en'].map((l) => texts({}, `?lang=${l}`)));
    const ids = Object.keys(en!.body.services);
    expect(ids.length).toBeGreaterThanOrEqual(13);
    for (const id of ids) {
      expect(uk!.body.services[id].name, id).not.toBe(en!.body.services[id].name);
      expect(ru!.body.services[id].description, id).not.toBe(en!.body.services[id].description);
    }
  });

  it('an item the operator adds in uk/ru/en is served in each; its price is the operator’s business, not this route’s', async () => {
    const add = await h.as.admin.op('POST', '/services', {
      id: 'night-calls',
      monthlyFee: 900,
      texts: { uk: { name: 'Нічні дзвінки', description: 'Дзвінки вночі без плати.' }, ru: { name: 'Ночные звонки', description: 'Звонки ночью без платы.' }, en: { name: 'Night calls', description: 'Free calls at night.' } },
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    expect((await texts({ 'accept-language': 'uk' })).body.services['night-calls']).toEqual({ name: 'Нічні дзвінки', description: 'Дзвінки вночі без плати.', terms: '' });
    expect((await texts({ 'accept-language': 'ru' })).body.services['night-calls'].name).toBe('Ночные звонки');
    expect((await texts({ 'accept-language': 'en' })).body.services['night-calls'].name).toBe('Night calls');
  });
});
