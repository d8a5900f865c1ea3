import { ATTRIBUTION, ATTRIBUTION_EN } from '../../geodata/datasets';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';

/** What the client needs to know about this installation. */
export function configRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/config', tag: 'system',
        summary: { it: 'Mappa di base, attribuzione dei dati, ente che pubblica', en: 'Basemap, data attribution, publishing body' },
        responses: { 200: '{ basemapUrl, attribution, attributions: { it, en }, publisherName }' },
      },
      (_req, res) => {
        // The publishing body (PUBLISHER_NAME) is named in the page's header, as public-administration sites do.
        res.set('Cache-Control', 'no-cache').json({ basemapUrl: ctx.basemapUrl ?? null, attribution: ATTRIBUTION, attributions: { it: ATTRIBUTION, en: ATTRIBUTION_EN }, publisherName: ctx.publisher.name });
      },
    ),
  ];
}
