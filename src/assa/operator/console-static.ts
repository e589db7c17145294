// The operator console at /operator/ (CONTRACTS.md "Web pages"): its own Vite bundle
// (renderer/operator, built into dist/operator) on the same origin as the operator API,
// so the HttpOnly operator cookie and the CSRF cookie work. Strict CSP (no inline
// script, nothing framed, talks only to its own origin), never cached HTML; the HTML is
// the build's, with no token or per-user value in it.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// From the nearest package.json up, not "../" counted from here: this module runs from its
// source under tsx and from the one-file CLI bundle in dist/cli (bin/assa.js).
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
export const CONSOLE_DIR = path.join(packageRoot(), 'dist/operator');
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

const secure = (reply: FastifyReply) =>
  reply.header('content-security-policy', CONSOLE_CSP).header('x-frame-options', 'DENY').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cross-origin-opener-policy', 'same-origin');

export function consoleStatic(dir = CONSOLE_DIR, log?: (line: string) => void) {
  return async (app: FastifyInstance): Promise<void> => {
    const page = path.join(dir, 'index.html');
    if (!existsSync(page)) log?.(`the operator console is not built (${page} is missing): run npm run build:renderer.`);
    if (existsSync(path.join(dir, 'assets'))) {
      // Content-hashed names: safe to keep; never an operator's data.
      await app.register(fastifyStatic, { root: path.join(dir, 'assets'), prefix: '/operator/assets/', index: false, immutable: true, maxAge: '365d', decorateReply: false, setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff') });
    }
    const html = async (_req: unknown, reply: FastifyReply) => {
      secure(reply).header('cache-control', 'no-store');
      if (!existsSync(page)) return reply.code(503).type('text/plain; charset=utf-8').send('The operator console is not built: run npm run build:renderer.');
      // Read at each request: a rebuild is served without a restart.
      return reply.type('text/html; charset=utf-8').send(readFileSync(page));
    };
    app.get('/operator/', { schema: { hide: true } }, html);
    app.get('/operator', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/operator/'));
  };
}
