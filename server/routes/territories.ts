import { Router } from 'express';
import type { AppContext } from '../context';
import { membersBody } from '../http/schemas';
import { analyzeTerritory, checkContiguity } from '../services/territory';

export function territoryRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/contiguity', async (req, res) => {
    const { members } = membersBody.parse(req.body);
    const { value: tables } = await ctx.tables.get();
    res.json(checkContiguity(tables, members));
  });

  router.post('/api/territories/analyze', async (req, res) => {
    const { members } = membersBody.parse(req.body);
    const { value: tables } = await ctx.tables.get();
    res.json(analyzeTerritory(tables, members));
  });

  return router;
}
