import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { dataSources } from '../services/sources';

/** `GET /api/sources`: every dataset with its source, date, licence, known gaps and what was imported. */
export function sourceRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/sources', tag: 'system',
        summary: { it: 'Le fonti dei dati: versione, data, licenza, lacune, importazione', en: 'Data sources: version, date, licence, gaps, import' },
        responses: { 200: '{ origin, datasets }' },
      },
      async (_req, res) => {
        res.set('Cache-Control', 'no-cache').json(await dataSources(ctx.db.knex));
      },
    ),
  ];
}
