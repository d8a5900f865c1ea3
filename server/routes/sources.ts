import { Router } from 'express';
import { DATASETS, UNIONI_SOURCE } from '../../geodata/datasets';
import type { AppContext } from '../context';
import { datasetStates } from '../queries/sources';

/** `GET /api/sources`: every dataset with its source, date, licence, known gaps and what was imported. */
export function sourceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/sources', async (_req, res) => {
    const { origin, datasets } = await datasetStates(ctx.db.knex, UNIONI_SOURCE);
    res.set('Cache-Control', 'no-cache').json({
      origin,
      datasets: DATASETS.map((d) => ({ ...d, ...datasets[d.id] })),
    });
  });
  return router;
}
