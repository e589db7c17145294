// AppApi over HTTP + WebSocket on loopback: the browser-mode front door (and the remote
// technician's). Defences, in order: bind to 127.0.0.1 only; reject foreign Host headers
// (DNS rebinding); require the per-launch token on every call and on the event socket;
// reject cross-origin WebSocket upgrades; validate every request against its schema.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppApi, AppMethod } from '../shared/app-contract';
import { checkAppCall } from '../shared/app-request-validation';
import { toErrorBody } from '../shared/errors';
import { newBridgeToken, tokensEqual } from './bridge-token';
import { contentSecurityPolicy } from './content-security-policy';

export const TOKEN_HEADER = 'x-assa-token';
export const TOKEN_META = 'assa-bridge-token';

export interface BridgeOptions {
  api: AppApi;
  /** The built renderer (dist/renderer); without it only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newBridgeToken();
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  app.addHook('onRequest', async (req, reply) => {
    if (!allowedHosts().has(String(req.headers.host))) {
      return reply.code(421).send({ error: { code: 'bad_host', message: 'This server answers only on its loopback address.' } });
    }
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.post('/bridge/call', async (req, reply) => {
    if (!tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return reply.code(403).send({ error: { code: 'bad_token', message: 'Missing or wrong bridge token.' } });
    }
    const body = (req.body ?? {}) as { method?: unknown; request?: unknown };
    try {
      const { method, request } = checkAppCall(body.method, body.request);
      const result = await opts.api.call(method as AppMethod, request as never);
      return { result };
    } catch (e) {
      const error = toErrorBody(e);
      return reply.code(error.code === 'internal' ? 500 : 400).send({ error });
    }
  });

  app.get('/bridge/events', { websocket: true }, (socket, req) => {
    const origin = req.headers.origin;
    const q = req.query as { token?: string };
    if ((origin !== undefined && !ownOrigins().has(origin)) || !tokensEqual(q.token, token)) {
      socket.close(4403, 'forbidden');
      return;
    }
    const unsubscribe = opts.api.subscribe((event) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
    });
    socket.on('close', unsubscribe);
  });

  const indexHtml = opts.staticDir ? path.join(opts.staticDir, 'index.html') : undefined;
  if (opts.staticDir && indexHtml && existsSync(indexHtml)) {
    const template = readFileSync(indexHtml, 'utf8');
    const page = () => template.replace('</head>', `<meta name="${TOKEN_META}" content="${token}"></head>`);
    const sendPage = (_req: unknown, reply: import('fastify').FastifyReply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }))
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', 'no-store')
        .send(page());
    app.get('/', sendPage);
    app.get('/index.html', sendPage);
    await app.register(fastifyStatic, { root: opts.staticDir, index: false, wildcard: true, setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff') });
  }

  await app.listen({ host, port: opts.port ?? 0 });
  const addr = app.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://${host}:${port}`,
    port,
    token,
    close: () => app.close(),
  };
}
