// The operator's side of ASSA as one encapsulated fastify plugin (issue 14): its own
// store, its own auth hook (every route declares `config.operator`), its own session
// cookie. Registered by build-server.ts with one line; nothing in it reads the
// subscribers' session, and the subscribers' auth never reads the operators' one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SettableClock } from '../domain/clock';
import type { AssaContext } from '../http/context';
import { fail } from '../http/errors';
import { OperatorStore } from '../store/operator-store';
import { authorise, type OperatorCaller, type OperatorRouteRule } from './operator-auth';
import type { OperatorDeps } from './operator-deps';
import { catalogueRoutes } from './routes/catalogue-routes';
import { deskRoutes } from './routes/desk-routes';
import { moneyAuditRoutes } from './routes/money-audit-routes';
import { operatorMoneyRoutes } from './routes/money-routes';
import { operatorsRoutes } from './routes/operators-routes';
import { operatorSessionRoutes } from './routes/session-routes';
import { subscriberRoutes } from './routes/subscriber-routes';

declare module 'fastify' {
  interface FastifyContextConfig {
    operator?: OperatorRouteRule;
  }
  interface FastifyRequest {
    operator: OperatorCaller | null;
  }
}

export const operatorPlugin =
  (ctx: AssaContext, demoClock: SettableClock | null = null): FastifyPluginAsyncTypebox =>
  async (app) => {
    const d: OperatorDeps = { ctx, ops: new OperatorStore(ctx.store), money: ctx.store.money, demoClock };
    app.decorateRequest('operator', null);
    // onRequest, before the body is parsed or validated: a caller without the right gets
    // 401/403 and learns nothing from a 400 about what the route would accept.
    app.addHook('onRequest', async (req) => {
      const rule = req.routeOptions.config?.operator;
      if (!rule) {
        // A route without a rule is a mistake, refused rather than left open.
        if (req.routeOptions.url) throw fail(500, 'internal', 'This operator route declares no access rule.');
        return;
      }
      req.operator = await authorise(d, req, rule);
    });
    await app.register(operatorSessionRoutes(d));
    await app.register(operatorsRoutes(d));
    await app.register(subscriberRoutes(d));
    await app.register(catalogueRoutes(d));
    await app.register(operatorMoneyRoutes(d));
    await app.register(deskRoutes(d));
    await app.register(moneyAuditRoutes(d));
  };
