import { ATTRIBUTION } from '../../geodata/datasets';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';

/** What the client needs to know about this installation. */
export function configRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/config', tag: 'system',
        summary: { it: 'Mappa di base e attribuzione dei dati', en: 'Basemap and data attribution' },
        responses: { 200: '{ basemapUrl, attribution }' },
      },
      (_req, res) => {
        res.set('Cache-Control', 'no-cache').json({ basemapUrl: ctx.basemapUrl ?? null, attribution: ATTRIBUTION });
      },
    ),
  ];
}
