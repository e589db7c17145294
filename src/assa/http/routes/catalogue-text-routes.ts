// U-I18N-1: the catalogue's words in the subscriber's language. Public: the same for
// everyone, and the portal may show the plans before login.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { catalogueTexts, chooseCatalogueLang } from '../../services/catalogue-texts';
import type { AssaContext } from '../context';

const Text = Type.Object({ name: Type.String(), description: Type.String(), terms: Type.String() });
const Lang = Type.Union([Type.Literal('uk'), Type.Literal('ru'), Type.Literal('en')]);

export const catalogueTextRoutes =
  (ctx: AssaContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/catalogue/texts',
      {
        config: { public: true },
        schema: {
          summary: 'U-I18N-1: names, descriptions and terms of every tariff and service in uk/ru/en (?lang=, else Accept-Language)',
          querystring: Type.Object({ lang: Type.Optional(Lang) }),
          response: { 200: Type.Object({ lang: Lang, tariffs: Type.Record(Type.String(), Text), services: Type.Record(Type.String(), Text) }) },
        },
      },
      async (req, reply) => {
        const lang = chooseCatalogueLang(req.query.lang, req.headers['accept-language']);
        reply.header('content-language', lang).header('vary', 'Accept-Language');
        return catalogueTexts(ctx.store, lang);
      },
    );
  };
