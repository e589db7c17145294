// A-HLP-1: how to reach the operator, help desk tickets and call-backs
// (services/help-service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { askHelpDesk, helpTickets, orderCallback } from '../../services/help-service';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

export const helpRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/api/v1/help/contacts', { config: { public: true }, schema: { summary: 'A-HLP-1: how to reach the operator', response: { 200: Type.Object({ hotline: Type.String(), fromMobile: Type.String(), email: Type.String(), hours: Type.String() }) } } }, async () => ({
      hotline: '0 800 300 900 (free)',
      fromMobile: '*900',
      email: 'help@assa.example',
      hours: 'every day, 8:00-22:00 Kyiv time',
    }));

    app.get('/api/v1/help/tickets', { schema: { summary: 'A-HLP-1: my questions and call-back orders', response: { 200: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), text: Type.String(), status: Type.String(), createdAt: Type.String(), answers: Type.Array(Type.Object({ text: Type.String(), at: Type.String() })) })), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return await helpTickets(ctx, c.number);
    });
    app.post('/api/v1/help/tickets', { schema: { summary: 'A-HLP-1: ask the help desk (the answer gets a ticket number)', body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }), response: { 200: Type.Object({ id: Type.Integer() }), 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return { id: await askHelpDesk(ctx, c.number, req.body.text) };
    });
    app.post('/api/v1/help/callbacks', { schema: { summary: 'A-HLP-1: order a call back', body: Type.Object({ phone: Type.String({ maxLength: 32 }), topic: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorSchema, 401: ErrorSchema } } }, async (req) => {
      const c = await requireSubscriber(ctx, req);
      return { id: await orderCallback(ctx, c.number, req.body.phone, req.body.topic) };
    });
  };
