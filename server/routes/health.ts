import type { AppContext } from '../context';
import { RETRY_AFTER_SECONDS } from '../http/errors';
import { requireAdmin } from '../http/admin';
import { route, type Route } from '../http/route';
import { memoryReport } from '../data/memory-report';

/**
 * `GET /api/health`: 200 with the engine and data version — status "ok", or "degraded" with `writes`
 * while writes fail for good (disk full, read-only) — or 503 while the database does not answer;
 * `GET /api/health/memory`: the memory breakdown, for administrators.
 */
export function healthRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/health', tag: 'system',
        summary: { it: 'Stato del server e versione dei dati', en: 'Server status and data version' },
        responses: { 200: 'status ok (or degraded, with writes: { code, lastFailureAt, message }, while writes fail for good: disk full, read-only): engine, comuni, dataVersion, importedAt, checkedAt (when the database last answered: health never waits behind it more than 100 ms)', 503: 'the database does not answer (its last check failed, or took more than 10 s)' },
      },
      async (_req, res) => {
        res.set('Cache-Control', 'no-store');
        // Never queued behind the database's work: the last check that came back, if recent enough.
        const database = await ctx.databaseCheck.state();
        if (!database.answering) {
          res
            .status(503)
            .set('Retry-After', String(RETRY_AFTER_SECONDS))
            .json({
              status: 'unavailable',
              engine: ctx.db.engine,
              error: { code: 'unavailable', message: 'Il database non risponde: riprova tra poco / The database does not answer: try again shortly' },
            });
          return;
        }
        const { comuni, version } = database.value;
        // The database answers reads, but writes may be failing for good (disk full, read-only).
        const failing = ctx.writeHealth.failing();
        res.json({
          status: failing ? 'degraded' : 'ok',
          ...(failing && {
            writes: {
              code: failing.code,
              lastFailureAt: failing.lastSeen,
              message: `Le scritture non riescono (${failing.reason.it}, ${failing.code}) / Writes are failing (${failing.reason.en}, ${failing.code})`,
            },
          }),
          engine: ctx.db.engine,
          comuni,
          dataVersion: version.id,
          importedAt: version.importedAt || null,
          checkedAt: new Date(database.checkedAt).toISOString(),
        });
      },
    ),
    // Where the memory goes (heap, PGlite, tile cache): for operators, with the administrators' token.
    route(
      {
        method: 'get', path: '/api/health/memory', tag: 'system', auth: 'admin',
        summary: { it: 'Dove va la memoria: heap, PGlite, tile in cache', en: 'Where the memory goes: heap, PGlite, cached tiles' },
        responses: { 200: '{ rssMb, heapUsedMb, heapTotalMb, heapLimitMb, externalMb, pglite?, tiles }' },
      },
      async (req, res) => {
        requireAdmin(req, ctx.adminToken);
        res.set('Cache-Control', 'no-store').json(await memoryReport(ctx));
      },
    ),
  ];
}
