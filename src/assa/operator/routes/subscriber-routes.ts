// Support: subscribers — search, create, CSV import, one subscriber's page, status
// changes with a reason, change of owner and of number, unlock a login.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorSchema, Ok } from '../../http/routes/schemas';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { changeNumber, changeOwner, changeStatus, createSubscriber, importSubscribers, unlockLogin } from '../services/subscriber-admin';
import { subscriberView } from '../services/subscriber-view';

const Number9 = Type.String({ pattern: '^\\d{9}$' });
const Reason = Type.String({ minLength: 3, maxLength: 500 });
const SubscriberOut = Type.Object({ number: Type.String(), accountNumber: Type.String(), ownerName: Type.String(), status: Type.String(), tariffId: Type.String(), balance: Type.Integer(), currency: Type.Literal('UAH'), corporate: Type.Boolean() });
const out = (s: { number: string; account_number: string; owner_name: string; status: string; tariff_id: string; balance_kopecks: number; corporate: number }) => ({ number: s.number, accountNumber: s.account_number, ownerName: s.owner_name, status: s.status, tariffId: s.tariff_id, balance: s.balance_kopecks, currency: 'UAH' as const, corporate: s.corporate === 1 });

export const subscriberRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) => done(null, body));

    app.get(`${OPERATOR_API}/subscribers`, { config: { operator: { permission: 'subscribers.read' } }, schema: { summary: 'Operator: find subscribers by number, account number (prefix) or owner name', querystring: Type.Object({ q: Type.String({ maxLength: 100 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }), response: { 200: Type.Array(SubscriberOut), 401: ErrorSchema, 403: ErrorSchema } } }, async (req) => (await d.ops.searchSubscribers(req.query.q, req.query.limit ?? 50)).map(out));

    app.post(
      `${OPERATOR_API}/subscribers`,
      {
        config: { operator: { permission: 'subscribers.write' } },
        schema: {
          summary: 'Operator: create a subscriber (balance in kopecks, written as an opening-balance movement)',
          body: Type.Object({ number: Type.String({ maxLength: 32 }), accountNumber: Type.String({ maxLength: 32 }), ownerName: Type.String({ maxLength: 200 }), tariffId: Type.String({ maxLength: 64 }), balance: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })), email: Type.Optional(Type.String({ maxLength: 200 })), corporate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 201: SubscriberOut, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (req, reply) => {
        const s = await createSubscriber(d, req.operator!, req.ip, req.body);
        reply.code(201);
        return out(s);
      },
    );

    app.post(
      `${OPERATOR_API}/subscribers/import`,
      { bodyLimit: 4 * 1024 * 1024, config: { operator: { permission: 'subscribers.write' } }, schema: { summary: 'Operator: import subscribers from CSV (header line; the columns of POST /subscribers); the rejected lines with reasons', consumes: ['text/csv'], body: Type.String({ maxLength: 4 * 1024 * 1024 }), response: { 200: Type.Object({ imported: Type.Integer(), rejected: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), field: Type.Optional(Type.String()) })) }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema } } },
      async (req) => importSubscribers(d, req.operator!, req.ip, req.body),
    );

    app.get(`${OPERATOR_API}/subscribers/:number`, { config: { operator: { permission: 'subscribers.read' } }, schema: { summary: 'Operator: one subscriber — account, movements, details, sessions, logins, operations, audit trail', params: Type.Object({ number: Number9 }), response: { 200: Type.Any(), 201: Type.Any(), 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } }, async (req) => subscriberView(d, req.params.number));

    app.put(
      `${OPERATOR_API}/subscribers/:number/status`,
      { config: { operator: { permission: 'subscribers.write' } }, schema: { summary: 'Operator: suspend, disconnect or restore (with a reason); blocked for non-payment is the billing run’s', params: Type.Object({ number: Number9 }), body: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('disconnected')]), reason: Reason }, { additionalProperties: false }), response: { 200: SubscriberOut, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req) => out(await changeStatus(d, req.operator!, req.ip, req.params.number, req.body.status, req.body.reason)),
    );

    app.put(
      `${OPERATOR_API}/subscribers/:number/owner`,
      { config: { operator: { permission: 'subscribers.write' } }, schema: { summary: 'Operator: change the owner (the old owner’s login ends; the new owner registers)', params: Type.Object({ number: Number9 }), body: Type.Object({ ownerName: Type.String({ maxLength: 200 }), email: Type.Optional(Type.String({ maxLength: 200 })), reason: Reason }, { additionalProperties: false }), response: { 200: SubscriberOut, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } } },
      async (req) => out(await changeOwner(d, req.operator!, req.ip, req.params.number, req.body.ownerName, req.body.reason, req.body.email ?? null)),
    );

    app.put(
      `${OPERATOR_API}/subscribers/:number/number`,
      { config: { operator: { permission: 'subscribers.write' } }, schema: { summary: 'Operator: change the number (account, money and history move to the new number)', params: Type.Object({ number: Number9 }), body: Type.Object({ newNumber: Type.String({ maxLength: 32 }), reason: Reason }, { additionalProperties: false }), response: { 200: SubscriberOut, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req) => out(await changeNumber(d, req.operator!, req.ip, req.params.number, req.body.newNumber, req.body.reason)),
    );

    app.post(
      `${OPERATOR_API}/logins/:number/unlock`,
      { config: { operator: { permission: 'logins.unlock' } }, schema: { summary: 'Operator: unlock a locked login after the owner was identified in person', params: Type.Object({ number: Number9 }), body: Type.Optional(Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false })), response: { 200: Ok, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } } },
      async (req) => {
        await unlockLogin(d, req.operator!, req.ip, req.params.number, req.body?.reason ?? 'owner identified in person');
        return { ok: true };
      },
    );
  };
