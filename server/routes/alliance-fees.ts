import { Router } from 'express';
import type { AppContext } from '../context';
import { loadAlliance } from '../queries/alliance-load';
import { catalogueIndex } from '../queries/services';
import { feeReport, feeTable } from '../services/alliance-fees';
import { downloadFormat, sendTables } from '../exports/send';

/** Each member's fee for each service of an alliance, as JSON, CSV or Excel. */
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

  router.get(['/api/alliances/:id/fees.csv', '/api/alliances/:id/fees.xlsx'], async (req, res) => {
    await sendTables(res, downloadFormat(req.path), [feeTable(await report(req.params.id))]);
  });

  return router;
}
