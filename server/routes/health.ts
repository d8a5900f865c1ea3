import { Router } from 'express';
import type { AppContext } from '../context';

export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    const version = await ctx.versions.current();
    const count = await ctx.db.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM comuni`);
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      engine: ctx.db.engine,
      comuni: count.rows[0]?.n ?? 0,
      dataVersion: version.id,
      importedAt: version.importedAt || null,
    });
  });
  return router;
}
