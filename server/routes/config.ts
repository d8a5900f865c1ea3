import { Router } from 'express';
import { ATTRIBUTION } from '../../geodata/datasets';
import type { AppContext } from '../context';

/** What the client needs to know about this installation. */
export function configRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/config', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json({ basemapUrl: ctx.basemapUrl ?? null, attribution: ATTRIBUTION });
  });
  return router;
}
