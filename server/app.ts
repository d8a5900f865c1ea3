import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { AppContext } from './context';
import { errorHandler, requestId, unknownRoute } from './http/errors';
import { answerRefusals } from './http/refusals';
import { setBilingualValidationMessages } from './http/validation-messages';
import { securityHeaders } from './http/security';
import { rejectMalformedText } from './http/well-formed';
import { jsonBody } from './http/json-body';
import { rejectLongUrl } from './http/server';
import { rateLimits } from './http/rate-limits';
import { mountRoutes, type Route } from './http/route';
import { associationRoutes } from './routes/associations';
import { allianceRoutes } from './routes/alliances';
import { alliancesRevisionRoutes } from './routes/alliances-revision';
import { adhesionRoutes } from './routes/adhesion';
import { allianceAccessRoutes } from './routes/alliance-access';
import { allianceHistoryRoutes } from './routes/alliance-history';
import { serviceRoutes } from './routes/services';
import { allianceFeeRoutes } from './routes/alliance-fees';
import { convenzioneRoutes } from './routes/convenzione';
import { allianceExceptionRoutes } from './routes/alliance-exception';
import { coverageRoutes } from './routes/coverage';
import { suggestionRoutes } from './routes/suggestions';
import { planRoutes } from './routes/plans';
import { atlasRoutes } from './routes/atlas';
import { configRoutes } from './routes/config';
import compression from 'compression';
import { comuniRoutes } from './routes/comuni';
import { healthRoutes } from './routes/health';
import { sourceRoutes } from './routes/sources';
import { territoryRoutes } from './routes/territories';
import { tileFastPath, tileRoutes } from './routes/tiles';
import { ogcRoutes } from './routes/ogc';
import { openDataRoutes } from './routes/open-data';
import { openApiRoutes } from './routes/openapi';
import { indexPage, opensOnItaly } from './index-page';

/** The whole HTTP application: JSON API, vector tiles and, when built, the client. */
export function createApp(ctx: AppContext): Express {
  setBilingualValidationMessages();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', ctx.trustProxy);
  const routes = apiRoutes(ctx);
  const limits = rateLimits(ctx.rateLimits, routes.map((r) => r.spec));
  const security = securityHeaders(ctx.basemapUrl, ctx.tilesUrl);
  // Tiles first: most requests are tiles, and a well-formed one needs none of what follows.
  app.use(tileFastPath(ctx, security, limits.admitTile));
  app.use(requestId);
  app.use(limits.middleware);
  app.use(rejectLongUrl);
  app.use((req, res, next) => {
    security(req, res);
    next();
  });
  const compress = compression();
  // Tiles are stored gzipped already; everything else (JSON, scripts, styles) is compressed here.
  app.use((req, res, next) => (req.path.startsWith('/tiles/') ? next() : compress(req, res, next)));
  // A write that succeeds tells the write-health watch that the disk takes writes again. (Each use
  // case that changes the alliances moves this instance's alliances revision on itself, once its
  // transaction has committed: see server/use-cases/.)
  app.use((req, res, next) => {
    if (limits.mayWrite(req)) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: unknown[]) {
        const status = typeof args[0] === 'number' ? args[0] : res.statusCode;
        if (status < 400) ctx.writeHealth.succeeded();
        return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
      } as typeof res.writeHead;
    }
    next();
  });
  app.use(jsonBody);
  app.use(rejectMalformedText);

  app.use(mountRoutes(routes));
  app.use(['/api', '/tiles', '/ogc'], unknownRoute);

  const clientDir = ctx.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(clientDir, { index: false }));
    // Every other GET is a page of the single-page client.
    // `root`, so that only the file's own name is checked for dot-files: a clone under a hidden
    // folder (~/.local/…, tests/.cache) still serves its pages.
    const page = indexPage(path.join(clientDir, 'index.html'), ctx.tilesUrl);
    app.get(/.*/, async (req, res) => {
      const { id } = await ctx.versions.current();
      res.set('Cache-Control', 'no-cache').type('html').send(page(id, opensOnItaly(req.path, req.query)));
    });
  }
  app.use(unknownRoute);
  // A write that failed because the disk is full (or read-only) turns /api/health to "degraded".
  app.use(((error, _req, _res, next) => {
    ctx.writeHealth.observe(error);
    next(error);
  }) as ErrorRequestHandler);
  app.use(answerRefusals);
  app.use(errorHandler);
  return app;
}

/**
 * Every route of the API, tiles and OGC service, each declared once (http/route.ts): mounted,
 * rate-limited and documented (/api/openapi.json) from the same declaration, in this order.
 */
export function apiRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [
    ...healthRoutes(ctx),
    ...atlasRoutes(ctx),
    ...configRoutes(ctx),
    ...sourceRoutes(ctx),
    ...comuniRoutes(ctx),
    ...territoryRoutes(ctx),
    ...associationRoutes(ctx),
    ...alliancesRevisionRoutes(ctx),
    ...allianceRoutes(ctx),
    ...adhesionRoutes(ctx),
    ...allianceAccessRoutes(ctx),
    ...allianceHistoryRoutes(ctx),
    ...serviceRoutes(ctx),
    ...allianceFeeRoutes(ctx),
    ...convenzioneRoutes(ctx),
    ...allianceExceptionRoutes(ctx),
    ...coverageRoutes(ctx),
    ...suggestionRoutes(ctx),
    ...planRoutes(ctx),
    ...tileRoutes(ctx),
    ...openDataRoutes(ctx),
    ...ogcRoutes(ctx),
  ];
  routes.push(...openApiRoutes(ctx, () => routes.map((r) => r.spec)));
  return routes;
}
