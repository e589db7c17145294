// Issue 19, the serving side: `assa server` serves the portal's built page at / on the
// same origin as /api/v1, as a public website — a strict CSP with no inline script and
// frame-ancestors 'none', the security headers, no-store on the page, long caching only
// for the content-hashed assets — and only the API when the portal is not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './assa-harness';

const PAGE = '<!doctype html><html lang="uk"><head><script type="module" crossorigin src="../assets/portal-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('the portal served by assa server', () => {
  let h: Harness;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(path.join(os.tmpdir(), 'assa-web-'));
    mkdirSync(path.join(webRoot, 'portal'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'portal', 'index.html'), PAGE);
    writeFileSync(path.join(webRoot, 'assets', 'portal-abc123.js'), 'console.log("portal")');
    writeFileSync(path.join(webRoot, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    h = await startHarness({ webRoot });
  });
  afterAll(async () => {
    await h.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the page at / with the strict CSP, the security headers and no-store', async () => {
    const r = await fetch(`${h.assa.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toBe(PAGE);
    const csp = r.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives['script-src']).toBe("'self'"); // no 'unsafe-inline', no other origin
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['default-src']).toBe("'none'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cache-control')).toContain('no-store');
    expect(r.headers.get('cache-control')).toContain('private');
    // Plain HTTP here: HSTS only when served behind TLS.
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });

  it('caches the content-hashed assets for a year and answers a missing one with 404', async () => {
    const a = await fetch(`${h.assa.url}/assets/portal-abc123.js`);
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${h.assa.url}/assets/none.js`)).status).toBe(404);
    expect((await fetch(`${h.assa.url}/assets/../portal/index.html`)).status).not.toBe(200);
    expect((await fetch(`${h.assa.url}/icon.svg`)).status).toBe(200);
  });

  it('leaves the API as it was: JSON answers, the same origin', async () => {
    const w = await fetch(`${h.assa.url}/api/v1/whoami`);
    expect(w.status).toBe(404);
    expect(((await w.json()) as { error: { code: string } }).error.code).toBe('not_on_subscriber_link');
    const n = await fetch(`${h.assa.url}/nothing-here`);
    expect(n.status).toBe(404);
  });

  it('sends Strict-Transport-Security when the server runs behind TLS (secure cookies)', async () => {
    const tls = await startHarness({ webRoot, config: { secureCookies: true, rateLimit: { global: 10_000, login: 1000, registration: 1000 } } });
    try {
      const r = await fetch(`${tls.assa.url}/`);
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await tls.close();
    }
  });

  it('serves only the API when the portal is not built', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'assa-web-empty-'));
    const bare = await startHarness({ webRoot: empty });
    try {
      expect((await fetch(`${bare.assa.url}/`)).status).toBe(404);
      expect((await fetch(`${bare.assa.url}/api/v1/help/unsupported`)).status).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
