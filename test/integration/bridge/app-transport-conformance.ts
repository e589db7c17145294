// One suite, every transport of AppApi: whatever carries the calls (the loopback HTTP/WS
// bridge, Electron IPC) must give the UI the same results, the same coded errors, the same
// events, the same validation, and must refuse a caller that is not our own page.
// The core behind it is the real one (createAppCore on a temp folder, no modem).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCallError } from '../../../renderer/src/client/app-call-error';
import type { AppCore } from '../../../src/app/app-core';
import { composeCore } from '../../../src/cli/compose-app';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import type { AppApi, AppEvent, AppMethod } from '../../../src/shared/app-contract';

export interface TransportUnderTest {
  /** The UI's client for our own page. */
  client: AppApi;
  /** A client for a caller that is not our page (wrong token, foreign origin, gone frame). */
  intruder: AppApi;
  close(): Promise<void>;
}

export function describeTransportConformance(name: string, connect: (core: AppCore) => Promise<TransportUnderTest>): void {
  describe(`AppApi transport conformance: ${name}`, () => {
    let dir: string;
    let core: AppCore;
    let t: TransportUnderTest;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'assa-conformance-'));
      core = await composeCore({ version: '9.9.9', shell: 'browser', settings: createConfBackend(dir), dataDir: dir, secretBox: null, defaultAssaUrl: null });
      t = await connect(core);
    });
    afterAll(async () => {
      await t.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const rejection = async (p: Promise<unknown>): Promise<AppCallError> => {
      const e = await p.then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, 'the call should have failed').toBeInstanceOf(AppCallError);
      return e as AppCallError;
    };

    it('hands over the result itself, not a wrapper', async () => {
      expect(await t.client.call('app.info', {})).toEqual({ version: '9.9.9', shell: 'browser' });
      const state = await t.client.call('modem.state', {});
      expect(state).toEqual(core.modem.getState());
      expect(state).not.toHaveProperty('result');
    });

    it("throws the core's coded errors with their code, message and field", async () => {
      const noModem = await rejection(t.client.call('sms.list', {}));
      expect(noModem.code).toBe('no_modem');
      expect(noModem.message).toBe('No modem is connected.');
      const badNumber = await rejection(t.client.call('modem.setNumber', { number: '12' }));
      expect(badNumber.code).toBe('invalid_number');
      expect(badNumber.field).toBe('number');
    });

    it('refuses a request of the wrong shape and an unknown method, naming the field', async () => {
      const shape = await rejection(t.client.call('traffic.daily', { month: 5 } as never));
      expect(shape.code).toBe('invalid_request');
      expect(shape.field).toBe('month');
      const extra = await rejection(t.client.call('traffic.daily', { month: '2026-11', sneak: 1 } as never));
      expect(extra.code).toBe('invalid_request');
      const unknown = await rejection(t.client.call('fs.readFile' as AppMethod, {} as never));
      expect(unknown.code).toBe('unknown_method');
    });

    it('delivers events while subscribed, and none after unsubscribing', async () => {
      const seen: AppEvent[] = [];
      const off = t.client.subscribe((e) => seen.push(e));
      // The event socket (HTTP) needs a moment to open; keep changing until one arrives.
      await expect
        .poll(async () => {
          await t.client.call('settings.update', { autoReconnect: seen.length % 2 === 0 });
          return seen.some((e) => e.type === 'settings.changed');
        })
        .toBe(true);
      const changed = seen.find((e) => e.type === 'settings.changed');
      expect(changed && changed.type === 'settings.changed' && typeof changed.settings.autoReconnect).toBe('boolean');
      off();
      await new Promise((r) => setTimeout(r, 100));
      const before = seen.length;
      await t.client.call('settings.update', { autoReconnect: true });
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.length).toBe(before);
    });

    it('refuses a caller that is not our page, with a code, before the core runs', async () => {
      await t.client.call('settings.update', { autoReconnect: false });
      const refused = await rejection(t.intruder.call('settings.update', { autoReconnect: true }));
      expect(['forbidden', 'bad_token']).toContain(refused.code);
      expect((await t.client.call('settings.get', {})).autoReconnect).toBe(false);
      // Nor does it hear the events.
      const heard: AppEvent[] = [];
      const off = t.intruder.subscribe((e) => heard.push(e));
      await new Promise((r) => setTimeout(r, 150));
      await t.client.call('settings.update', { autoReconnect: true });
      await new Promise((r) => setTimeout(r, 200));
      off();
      expect(heard).toEqual([]);
    });
  });
}
