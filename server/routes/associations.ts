import { Router } from 'express';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { associationsQuery, numericId } from '../http/schemas';
import { associationOutline, findAssociation, listAssociations } from '../queries/associations';
import { analyzeTerritory } from '../services/territory';

export function associationRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/associations', async (req, res) => {
    const { kind } = associationsQuery.parse(req.query);
    res.json({ associations: await listAssociations(ctx.db.knex, kind) });
  });

  router.get('/api/associations/:id', async (req, res) => {
    const id = numericId.parse(req.params.id);
    const association = await findAssociation(ctx.db.knex, id);
    if (!association) throw notFound(`Nessuna associazione con id ${id} / No association with id ${id}`);
    const { value: tables } = await ctx.tables.get();
    const analysis = analyzeTerritory(tables, association.members.map((m) => m.code));
    res.json({
      ...association,
      totals: analysis.totals,
      provinces: analysis.provinces,
      regions: analysis.regions,
      contiguity: analysis.contiguity,
      outline: await associationOutline(ctx.db.knex, id),
    });
  });

  return router;
}
