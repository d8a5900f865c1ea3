import { Router } from 'express';
import type { AppContext } from '../context';
import { sendGzipped } from '../http/gzipped';

/** The attribute table the client joins to the tiles: once per data version, cached by ETag. */
export function atlasRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/atlas', async (req, res) => {
    const { version, value } = await ctx.atlasTable.get();
    sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
  });
  router.get('/api/atlas/adjacency', async (req, res) => {
    const { version, value } = await ctx.adjacencyTable.get();
    sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
  });
  router.get('/api/atlas/memberships', async (req, res) => {
    const { version, value } = await ctx.membershipTable.get();
    sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
  });
  return router;
}
