// The audit of every ledger movement (issue 12), read by the operator side: who or what
// caused each movement (subscriber, operator, billing run, gateway, network side), with
// number, amount, kind and reference. Read-only; the rows are written by the ledger.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema } from '../../http/routes/schemas';
import { moneyAudit } from '../../store/money-audit';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';

export const moneyAuditRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      `${OPERATOR_API}/money-audit`,
      {
        config: { operator: { permission: 'audit.read' } },
        schema: {
          summary: 'Operator: the audit of ledger movements — who or what caused each (newest first, paged by id)',
          querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })), before: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
          response: { 200: Type.Any(), 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (req) => moneyAudit(d.ctx.store.db, { ...req.query, limit: req.query.limit ?? 100 }),
    );
  };
