// A-MON-4: the monthly tax invoice — what was charged in a Kyiv month, as a printable
// HTML document (the browser saves it as PDF), VAT 20% shown as included.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { kyivMidnight, startOfNextKyivMonth } from '../../../shared/kyiv-time';
import type { MoneyStore } from '../../store/money-store';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const uah = (k: number) => `${k < 0 ? '-' : ''}${Math.floor(Math.abs(k) / 100)}.${String(Math.abs(k) % 100).padStart(2, '0')}`;
const CHARGES = new Set(['fee', 'service_fee', 'tariff_change']);

export const invoiceRoutes =
  (ctx: AssaContext, money: MoneyStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/invoices/:month',
      { schema: { summary: 'A-MON-4: the tax invoice of a month (HTML)', params: Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) }), querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Type.String(), 401: ErrorSchema, 403: ErrorSchema } } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        const sub = (await ctx.store.subscriber(c.number))!;
        const from = kyivMidnight(`${req.params.month}-01`);
        const items = (await money.movements(c.number, from.toISOString(), startOfNextKyivMonth(from).toISOString())).filter((m) => CHARGES.has(m.kind));
        const total = items.reduce((s, m) => s - m.amount_kopecks, 0);
        const vat = Math.round(total / 6); // 20% VAT included in the total
        const rows = items.map((m) => `<tr><td>${esc(m.at.slice(0, 10))}</td><td>${esc(m.description)}</td><td class="n">${uah(-m.amount_kopecks)}</td></tr>`).join('');
        reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        return `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>Tax invoice ${esc(req.params.month)} — ${esc(sub.number)}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}.n{text-align:right}</style></head>
<body><h1>Tax invoice for ${esc(req.params.month)}</h1>
<p>Subscriber ${esc(sub.owner_name)}, number 0${esc(sub.number)}, personal account ${esc(sub.account_number)}</p>
<table><thead><tr><th>Date</th><th>Charge</th><th class="n">UAH</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No charges this month</td></tr>'}</tbody>
<tfoot><tr><th colspan="2">Total</th><th class="n">${uah(total)}</th></tr><tr><td colspan="2">incl. VAT 20%</td><td class="n">${uah(vat)}</td></tr></tfoot></table></body></html>`;
      },
    );
  };
