// A-MON-4: the monthly tax invoice — what was charged in a Kyiv month, as a printable
// HTML document (the browser saves it as PDF), VAT 20% shown as included.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { monthInvoice } from '../../services/invoice-service';
import type { MoneyStore } from '../../store/money-store';
import { requireSubscriber } from '../auth';
import type { AssaContext } from '../context';
import { ErrorSchema } from './schemas';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const uah = (k: number) => `${k < 0 ? '-' : ''}${Math.floor(Math.abs(k) / 100)}.${String(Math.abs(k) % 100).padStart(2, '0')}`;

export const invoiceRoutes =
  (ctx: AssaContext, _money: MoneyStore): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/invoices/:month',
      { schema: { summary: 'A-MON-4: the tax invoice of a month (HTML)', params: Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) }), querystring: Type.Object({ number: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }), response: { 200: Type.String(), 401: ErrorSchema, 403: ErrorSchema } } },
      async (req, reply) => {
        const c = await requireSubscriber(ctx, req, { curatorAllowed: true });
        const inv = await monthInvoice(ctx, c.number, req.params.month);
        const rows = inv.lines.map((l) => `<tr><td>${esc(l.day)}</td><td>${esc(l.description)}</td><td class="n">${uah(l.amount)}</td></tr>`).join('');
        reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        return `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>Tax invoice ${esc(req.params.month)} — ${esc(inv.number)}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}.n{text-align:right}</style></head>
<body><h1>Tax invoice for ${esc(req.params.month)}</h1>
<p>Subscriber ${esc(inv.ownerName)}, number 0${esc(inv.number)}, personal account ${esc(inv.accountNumber)}</p>
<table><thead><tr><th>Date</th><th>Charge</th><th class="n">UAH</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No charges this month</td></tr>'}</tbody>
<tfoot><tr><th colspan="2">Total</th><th class="n">${uah(inv.total)}</th></tr><tr><td colspan="2">incl. VAT 20%</td><td class="n">${uah(inv.vat)}</td></tr></tfoot></table></body></html>`;
      },
    );
  };
