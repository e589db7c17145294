// The subscribers' portal at / (CONTRACTS.md "Web pages"): the built Vite entry
// (dist/renderer/portal/index.html and its hashed assets) on the same origin as /api/v1,
// so the HttpOnly session cookie and the CSRF cookie work as they do for the app.
// Served as a public website: the server's security headers (helmet, hardening.ts) with a
// stricter CSP for the portal's answers (no inline script or style, nothing but its own
// origin, frame-ancestors 'none'), and Cache-Control that never lets a browser or proxy
// keep the page (it shows an account once logged in). The HTML is the build's, byte for
// byte: no secret, token or per-user value is ever put into it.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The portal's CSP. connect-src 'self': the page talks to its own origin only (and the
 *  client refuses any path outside /api/v1). */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const NO_STORE = 'no-store, no-cache, must-revalidate, private';

export interface PortalStaticOptions {
  /** The renderer build folder (holds portal/index.html and assets/). */
  webRoot: string;
  log?: (line: string) => void;
}

export function portalStatic(opts: PortalStaticOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const page = path.join(opts.webRoot, 'portal', 'index.html');
    if (!existsSync(page)) {
      opts.log?.(`the subscribers' portal is not built (${page} is missing): serving the API only. Run npm run build:renderer.`);
      return;
    }
    // After helmet's onRequest headers: the portal's own, stricter ones win on its answers.
    app.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', PORTAL_CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
      return payload;
    });
    // Content-hashed file names: safe to keep for a year, and never an account's data.
    await app.register(fastifyStatic, { root: path.join(opts.webRoot, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d', decorateReply: false });
    const icon = path.join(opts.webRoot, 'icon.svg');
    app.get('/icon.svg', { schema: { hide: true } }, async (_req, reply) => {
      if (!existsSync(icon)) return reply.code(404).send({ error: { code: 'not_found', message: 'No icon.' } });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(readFileSync(icon));
    });
    // Read at each request: a rebuild is served without a restart, and it is a few hundred bytes.
    const html = async (_req: unknown, reply: import('fastify').FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', NO_STORE).header('pragma', 'no-cache').header('expires', '0').send(readFileSync(page));
    app.get('/', { schema: { hide: true } }, html);
    app.get('/index.html', { schema: { hide: true } }, html);
  };
}
