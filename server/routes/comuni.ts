import { Router } from 'express';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { comuneCode, resolveBody, searchQuery, withinBody } from '../http/schemas';
import { comuniWithin } from '../queries/within';
import { boundDrawnAreaCost, prepareDrawnArea } from '../services/drawn-area';
import { alliancesOfComune } from '../queries/alliances';
import { findComune } from '../queries/comuni';
import { mountainBasis } from '../../domain/mountain';
import { isSmallComune } from '../../domain/thresholds';
import type { ComuneDetails } from '../../domain/api-types';

export function comuniRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/comuni', async (req, res) => {
    const { q, limit } = searchQuery.parse(req.query);
    const { value: index } = await ctx.comuni.get();
    res.json({ query: q, results: index.search(q, limit) });
  });

  router.post('/api/comuni/resolve', async (req, res) => {
    const { entries } = resolveBody.parse(req.body);
    const { value: index } = await ctx.comuni.get();
    res.json(index.resolve(entries));
  });

  router.post('/api/comuni/within', async (req, res) => {
    const { polygon, minShare, partialShare } = withinBody.parse(req.body);
    const area = prepareDrawnArea(polygon);
    const { value: boxes } = await ctx.comuneBoxes.get();
    boundDrawnAreaCost(area, boxes);
    res.json(await comuniWithin(ctx.db, area, minShare, partialShare));
  });

  router.get('/api/comuni/:code', async (req, res) => {
    const code = comuneCode.parse(req.params.code);
    const comune = await findComune(ctx.db.knex, code);
    if (!comune) throw notFound(`Nessun comune con codice ISTAT ${code} / No Comune with ISTAT code ${code}`);
    const { value: tables } = await ctx.tables.get();
    const associations = tables.memberships.get(code) ?? [];
    const details: ComuneDetails = {
      ...comune,
      small: isSmallComune(comune.population),
      neighbours: tables.graph.neighbours(code),
      associations,
      mountain: mountainBasis(associations),
      alliances: await alliancesOfComune(ctx.db.knex, code),
    };
    res.json(details);
  });

  return router;
}
