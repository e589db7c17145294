// A-NUM-1, A-REG-1..5, A-RUNA-1..4, A-NET-2 through real HTTP on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, networkDial, networkSms, request, startHarness, type Harness } from './assa-harness';

let h: Harness;
let base: string;
beforeEach(async () => {
  h = await startHarness();
  base = h.assa.url;
});
afterEach(async () => h.close());

const register = (body: Record<string, unknown>) => request(base, 'POST', '/api/v1/registrations', { body });

describe('A-REG and A-RUNA', () => {
  it('A-REG-3 refuses a registration that proves nothing, explaining both ways', async () => {
    const r = await register({ number: '441234567', password: 'Kvitka2026' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('ownership_unproven');
    expect(r.body.error.message).toMatch(/data session/);
    expect(r.body.error.message).toMatch(/2772/);
  });

  it('A-RUNA-1/2 an SMS of six digits to 2772 is answered with the exact text, and that RUNA registers the number once (A-REG-3b)', async () => {
    const sms = await networkSms(base, '0441234567', '123456');
    expect(sms.body.reply).toEqual({ kind: 'sms', from: '2772', text: 'kod RUNA 123456 vdalo aktyvovan' });
    const ok = await register({ number: '+380 44 123 45 67', password: 'Kvitka2026', email: 'olena@example.com', runa: '123456' });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ number: '441234567', registered: true, provedBy: 'runa' });
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '123456' })).body.error.code).toBe('already_registered');
    expect(await new Client(base).login('0441234567', 'Kvitka2026')).toMatchObject({ status: 200 });
  });

  it('A-RUNA-2 a malformed SMS gets the format reply; dialled codes get announcements', async () => {
    expect((await networkSms(base, '441234567', '12345')).body.reply.text).toBe('kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9');
    expect((await networkDial(base, '441234567', '*2772*654321')).body.reply).toMatchObject({ kind: 'announcement', outcome: 'activated' });
    expect((await networkDial(base, '441234567', '2772654322')).body.reply).toMatchObject({ outcome: 'activated' });
    expect((await networkDial(base, '441234567', '*2772*65')).body.reply).toMatchObject({ outcome: 'invalid_number' });
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '654322' })).status).toBe(201);
  });

  it('A-NET-2 refuses events without the shared secret', async () => {
    expect((await networkSms(base, '441234567', '123456', 'wrong')).status).toBe(401);
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '123456' })).status).toBe(403);
  });

  it('A-RUNA-3 a RUNA lasts 10 minutes (injected clock)', async () => {
    await networkSms(base, '441234567', '111111');
    h.clock.advance(10 * 60_000 + 1000);
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '111111' })).body.error.code).toBe('ownership_unproven');
  });

  it('A-RUNA-3 a newer activation replaces the older; a RUNA is bound to its number', async () => {
    await networkSms(base, '441234567', '111111');
    await networkSms(base, '441234567', '222222');
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '111111' })).status).toBe(403);
    expect((await register({ number: '441234568', password: 'Kvitka2026', runa: '222222' })).status).toBe(403);
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '222222' })).status).toBe(201);
  });

  it('A-RUNA-3 a RUNA is single use (unlock after registration needs a new one)', async () => {
    await networkSms(base, '441234567', '333333');
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '333333' })).status).toBe(201);
    const unlock = await request(base, 'POST', '/api/v1/sessions/unlock', { body: { number: '441234567', runa: '333333', newPassword: 'Nova2027x' } });
    expect(unlock.body.error.code).toBe('runa_invalid');
  });

  it('A-RUNA-3 five wrong guesses spend the live RUNA, so the right code is refused afterwards; a new activation works', async () => {
    await networkSms(base, '441234567', '271828');
    for (let i = 0; i < 5; i++) {
      const r = await register({ number: '441234567', password: 'Kvitka2026', runa: `00000${i}` });
      expect(r.status).toBe(403);
    }
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '271828' })).status).toBe(403);
    await networkSms(base, '441234567', '161803');
    expect((await register({ number: '441234567', password: 'Kvitka2026', runa: '161803' })).status).toBe(201);
  });

  it('A-RUNA rate limit: no more than 5 activations in 10 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await networkSms(base, '441234567', `40000${i}`)).body.reply.text).toMatch(/vdalo aktyvovan/);
    expect((await networkSms(base, '441234567', '400009')).body.reply.text).toMatch(/ne aktyvovan/);
  });

  it('A-REG-4/A-NUM-1 each refusal has its own code and field', async () => {
    await networkSms(base, '449999999', '123456');
    expect((await register({ number: '449999999', password: 'Kvitka2026', runa: '123456' })).body.error).toMatchObject({ code: 'number_not_active', field: 'number' });
    expect((await register({ number: '441111111', password: 'Kvitka2026' })).body.error).toMatchObject({ code: 'unknown_number', field: 'number' });
    expect((await register({ number: '12345', password: 'Kvitka2026' })).body.error).toMatchObject({ code: 'invalid_number', field: 'number' });
    const weak = await register({ number: '441234567', password: 'abc' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'weak_password', field: 'password', details: { rules: ['length', 'digit'] } });
    expect((await register({ number: '441234567', password: 'Kvitka2026', passwordAgain: 'Kvitka2027' })).body.error.code).toBe('passwords_differ');
    const bad = await request(base, 'POST', '/api/v1/registrations', { body: { number: 441234567 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });

  it('A-HLP-2 lists what cannot be done here with the reason and where to go', async () => {
    const r = await request(base, 'GET', '/api/v1/help/unsupported');
    expect(r.body.map((x: { id: string }) => x.id)).toEqual(['suspend', 'terminate', 'change_owner', 'change_number', 'restore_number', 'change_device', 'delete_account']);
    for (const x of r.body) expect(x.whereToGo).toMatch(/centre/);
  });

  it('serves the OpenAPI 3 document of the whole API', async () => {
    const r = await request(base, 'GET', '/api/v1/openapi.json');
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/whoami', '/api/v1/registrations', '/api/v1/sessions', '/api/v1/sessions/current', '/api/v1/account', '/api/v1/network/events']) expect(Object.keys(r.body.paths)).toContain(p);
  });
});
