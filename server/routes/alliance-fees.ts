import { Router } from 'express';
import type { AppContext } from '../context';
import { loadAlliance } from '../queries/alliance-load';
import { catalogueIndex } from '../queries/services';
import { feeCsv, feeReport } from '../services/alliance-fees';

/** Each member's fee for each service of an alliance, as JSON or as a spreadsheet. */
export function allianceFeeRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  const report = async (id: unknown) => {
    const alliance = await loadAlliance(knex, id);
    const { value: tables } = await ctx.tables.get();
    return feeReport(alliance, tables, await catalogueIndex(knex));
  };

  router.get('/api/alliances/:id/fees', async (req, res) => {
    res.json(await report(req.params.id));
  });

  router.get('/api/alliances/:id/fees.csv', async (req, res) => {
    const fees = await report(req.params.id);
    res.type('text/csv; charset=utf-8').attachment(`alleanza-${fees.allianceId}-quote.csv`).send(feeCsv(fees));
  });

  return router;
}
