// What the layers below an HTTP request need to know of it without being handed it: the
// client address whose line in the KDF queue its hashes wait in (security/fair-kdf-queue.ts),
// and who causes the ledger movements it writes (store/money-audit.ts). Set once per
// request in preValidation — after the authentication hooks (onRequest) and after the body
// is read (the body's stream events would otherwise run the rest outside this context).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NETWORK_EVENTS_PATH } from '../../shared/network-contract';
import { clientKey, runAsKdfClient } from '../security/fair-kdf-queue';
import { runAsActor, type Actor } from '../store/money-audit';

/** The operator or subscriber of the session; a public route is the payment gateway's callback or the network side. */
export function requestActor(req: FastifyRequest): Actor {
  const ip = req.ip;
  if (req.operator) return { kind: 'operator', id: req.operator.login, ip };
  if (req.subscriberSession) return { kind: 'subscriber', id: req.subscriberSession.number, ip };
  const route = req.routeOptions.url ?? '';
  if (route.startsWith('/api/v1/payments/')) return { kind: 'gateway', ip };
  if (route === NETWORK_EVENTS_PATH) return { kind: 'network', ip };
  return { kind: 'system', ip };
}

export function registerRequestContext(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => runAsKdfClient(clientKey(req.ip), () => runAsActor(() => requestActor(req), done)));
}
