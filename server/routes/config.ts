import { Router } from 'express';
import { ATTRIBUTION } from '../../geodata/datasets';
import type { AppContext } from '../context';

/** What the client needs to know about this installation. */
export function configRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/config', (_req, res) => {
    // The publishing body (PUBLISHER_NAME) is named in the page's header, as public-administration sites do.
    res.set('Cache-Control', 'no-cache').json({ basemapUrl: ctx.basemapUrl ?? null, attribution: ATTRIBUTION, publisherName: ctx.publisher.name });
  });
  return router;
}
