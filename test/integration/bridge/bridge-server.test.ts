// The loopback bridge: AppApi over real HTTP and a real WebSocket, and the defences that
// keep other local pages and rebinding DNS names out.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../src/app/app-core';
import { composeCore } from '../../../src/cli/compose-app';
import { createConfBackend } from '../../../src/app/settings/settings-backend';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../src/bridge/bridge-server';

let dir: string;
let core: AppCore;
let bridge: Bridge;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'assa-bridge-'));
  core = await composeCore({ version: '9.9.9', shell: 'browser', settings: createConfBackend(dir), dataDir: dir, secretBox: null, defaultAssaUrl: null });
  bridge = await startBridge({ api: core });
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, request: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: bridge.token }) {
  const res = await fetch(`${bridge.url}/bridge/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ method, request }) });
  return { status: res.status, body: (await res.json()) as { result?: unknown; error?: { code: string; field?: string } } };
}

/** A raw request with a chosen Host header (fetch will not let us forge one). */
function rawGet(hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, path: '/bridge/call', method: 'POST', headers: { host: hostHeader, [TOKEN_HEADER]: bridge.token, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ method: 'app.info', request: {} }));
  });
}

describe('AppApi over the loopback bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers app.info and modem.state ("no modem") with the token', async () => {
    expect((await call('app.info', {})).body.result).toEqual({ version: '9.9.9', shell: 'browser' });
    expect((await call('modem.state', {})).body.result).toMatchObject({ status: 'no-modem', virtual: false });
  });

  it('refuses a call without the per-launch token, or with a wrong one', async () => {
    expect((await call('app.info', {}, {})).status).toBe(403);
    expect((await call('app.info', {}, { [TOKEN_HEADER]: 'x'.repeat(43) })).body.error?.code).toBe('bad_token');
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(await rawGet('evil.example:80')).toBe(421);
    expect(await rawGet(`127.0.0.1:${bridge.port}`)).toBe(200);
  });

  it('validates method names and request shapes before the core sees them', async () => {
    expect((await call('fs.readFile', {})).body.error?.code).toBe('unknown_method');
    const bad = await call('settings.update', { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('invalid_request');
    expect((await call('settings.update', { unknownKey: true })).body.error?.code).toBe('invalid_request');
  });

  it('U-SET-1 writes settings to disk and pushes settings.changed over the WebSocket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/bridge/events?token=${bridge.token}`, { origin: bridge.url });
    await new Promise((r) => ws.once('open', r));
    const event = new Promise<unknown>((r) =>
      ws.on('message', (m) => {
        const e = JSON.parse(String(m)) as { type: string };
        if (e.type === 'settings.changed') r(e);
      }),
    );
    const saved = await call('settings.update', { language: 'ru', portOverride: '/dev/ttyUSB2' });
    expect(saved.body.result).toMatchObject({ language: 'ru', portOverride: '/dev/ttyUSB2' });
    expect(await event).toMatchObject({ type: 'settings.changed', settings: { language: 'ru' } });
    ws.close();
    // A fresh core on the same folder reads what was written.
    const again = await composeCore({ version: '1', shell: 'browser', settings: createConfBackend(dir), dataDir: dir, secretBox: null, defaultAssaUrl: null });
    expect(await again.call('settings.get', {})).toMatchObject({ language: 'ru', portOverride: '/dev/ttyUSB2' });
    await again.close();
  });

  it('refuses a remote ASSA server URL that is not http(s)', async () => {
    const r = await call('settings.update', { assaServer: { mode: 'remote', url: 'javascript:alert(1)' } });
    expect(r.body.error).toMatchObject({ code: 'invalid_server_url', field: 'assaServer.url' });
  });

  it('closes event sockets from another origin or without the token', async () => {
    for (const [url, origin] of [
      [`ws://127.0.0.1:${bridge.port}/bridge/events?token=${bridge.token}`, 'http://evil.example'],
      [`ws://127.0.0.1:${bridge.port}/bridge/events?token=wrong`, bridge.url],
    ] as const) {
      const ws = new WebSocket(url, { origin });
      const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)));
      expect(code).toBe(4403);
    }
  });
});
