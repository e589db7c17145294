// Admin: the operators — list, add (one-time password shown once), change role, disable,
// unlock, reset the password.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/errors';
import { ErrorSchema } from '../../http/routes/schemas';
import { OPERATOR_API } from '../operator-auth';
import type { OperatorDeps } from '../operator-deps';
import { isoNow } from '../operator-deps';
import { ROLES } from '../roles';
import { addOperator, resetOperatorPassword } from '../services/operator-accounts';

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const OperatorOut = Type.Object({ login: Type.String(), role: Type.String(), mustChangePassword: Type.Boolean(), locked: Type.Boolean(), disabled: Type.Boolean(), createdAt: Type.String(), createdBy: Type.Union([Type.String(), Type.Null()]) });

export const operatorsRoutes =
  (d: OperatorDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const out = (o: { login: string; role: string; must_change_password: number; locked_at: string | null; disabled_at: string | null; created_at: string; created_by: string | null }) => ({ login: o.login, role: o.role, mustChangePassword: o.must_change_password === 1, locked: !!o.locked_at, disabled: !!o.disabled_at, createdAt: o.created_at, createdBy: o.created_by });

    app.get(`${OPERATOR_API}/operators`, { config: { operator: { permission: 'operators.manage' } }, schema: { summary: 'Operator (admin): the operators', response: { 200: Type.Array(OperatorOut), 401: ErrorSchema, 403: ErrorSchema } } }, async () => (await d.ops.operators()).map(out));

    app.post(
      `${OPERATOR_API}/operators`,
      { config: { operator: { permission: 'operators.manage' } }, schema: { summary: 'Operator (admin): add an operator; the one-time password is in this answer only', body: Type.Object({ login: Type.String({ maxLength: 64 }), role: Role }, { additionalProperties: false }), response: { 201: Type.Object({ login: Type.String(), role: Type.String(), oneTimePassword: Type.String() }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema } } },
      async (req, reply) => {
        const c = req.operator!;
        const r = await addOperator(d.ops, d.ctx.hasher, d.ctx.rng, { login: req.body.login.trim().toLowerCase(), role: req.body.role, at: isoNow(d), by: c.login });
        await d.ops.audit({ at: isoNow(d), operator: c.login, action: 'operator.add', target: `operator:${r.login}`, details: { role: r.role }, ip: req.ip });
        reply.code(201);
        return { login: r.login, role: r.role, oneTimePassword: r.password };
      },
    );

    app.put(
      `${OPERATOR_API}/operators/:login`,
      {
        config: { operator: { permission: 'operators.manage' } },
        schema: {
          summary: 'Operator (admin): change role, disable or enable, unlock, or reset the password (a new one-time password in the answer)',
          params: Type.Object({ login: Type.String({ maxLength: 64 }) }),
          body: Type.Object({ role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()), unlock: Type.Optional(Type.Boolean()), resetPassword: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          response: { 200: Type.Object({ operator: OperatorOut, oneTimePassword: Type.Optional(Type.String()) }), 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
        },
      },
      async (req) => {
        const c = req.operator!;
        const login = req.params.login;
        const o = await d.ops.operator(login);
        if (!o) throw fail(404, 'unknown_operator', `There is no operator ${login}.`);
        // An admin cannot lock themselves out of the console by their own hand.
        if (login === c.login && (req.body.disabled || (req.body.role && req.body.role !== 'admin'))) throw fail(409, 'own_account', 'Another admin changes your own role or disables you.');
        const patch: Parameters<typeof d.ops.updateOperator>[1] = {};
        if (req.body.role) patch.role = req.body.role;
        if (req.body.disabled !== undefined) patch.disabled_at = req.body.disabled ? isoNow(d) : null;
        if (req.body.unlock) Object.assign(patch, { locked_at: null, failed_logins: 0 });
        await d.ops.updateOperator(login, patch);
        if (req.body.disabled) await d.ops.deleteSessionsOf(login);
        const password = req.body.resetPassword ? await resetOperatorPassword(d.ops, d.ctx.hasher, d.ctx.rng, login) : undefined;
        await d.ops.audit({ at: isoNow(d), operator: c.login, action: 'operator.update', target: `operator:${login}`, details: { ...req.body }, ip: req.ip });
        return { operator: out((await d.ops.operator(login))!), ...(password ? { oneTimePassword: password } : {}) };
      },
    );
  };
