// Admin: the catalogue — tariffs and services in uk/ru/en with what they include and
// their price versions. Everybody on the staff reads it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema } from '../../http/routes/schemas';
import type { CatalogueKind } from '../../store/operator-store';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { createItem, updateItem } from '../services/catalogue-admin';

const Text = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), description: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
const Texts = Type.Object({ uk: Type.Optional(Text), ru: Type.Optional(Text), en: Type.Optional(Text) }, { additionalProperties: false });
const Includes = Type.Object({ minutes: Type.Integer({ minimum: 0, maximum: 1_000_000 }), megabytes: Type.Integer({ minimum: 0, maximum: 100_000_000 }) }, { additionalProperties: false });
const Fee = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });

export const catalogueRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const [kind, path] of [['tariff', 'tariffs'], ['service', 'services']] as Array<[CatalogueKind, string]>) {
      app.get(`${OPERATOR_API}/${path}`, { config: { operator: { permission: 'catalogue.read' } }, schema: { summary: `Operator: the ${path} with texts, includes and price versions`, response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema } } }, async () => d.ops.catalogue(kind));
      app.post(
        `${OPERATOR_API}/${path}`,
        { config: { operator: { permission: 'catalogue.write' } }, schema: { summary: `Operator (admin): a new ${kind} (names in uk, ru and en)`, body: Type.Object({ id: Type.String({ maxLength: 64 }), monthlyFee: Fee, texts: Texts, includes: Type.Optional(Includes) }, { additionalProperties: false }), response: { 200: Type.Any(), 201: Type.Any(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema } } },
        async (req, reply) => {
          const r = await createItem(d, req.operator!, req.ip, kind, req.body);
          reply.code(201);
          return r;
        },
      );
      app.put(
        `${OPERATOR_API}/${path}/:id`,
        { config: { operator: { permission: 'catalogue.write' } }, schema: { summary: `Operator (admin): change a ${kind}: texts, includes, or a new price from a month (default: next month)`, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), body: Type.Object({ monthlyFee: Type.Optional(Fee), validFrom: Type.Optional(Month), texts: Type.Optional(Texts), includes: Type.Optional(Includes) }, { additionalProperties: false }), response: { 200: Type.Any(), 201: Type.Any(), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
        async (req) => updateItem(d, req.operator!, req.ip, kind, req.params.id, req.body),
      );
    }
  };
