import { Router } from 'express';
import type { AppContext } from '../context';
import { openApiDocument } from '../openapi/document';
import { docsPage } from '../openapi/page';

/** `GET /api/openapi.json` (OpenAPI 3.1, from the zod schemas the routes validate with) and `GET /api/docs` (the same as a page). */
export function openApiRoutes(_ctx: AppContext): Router {
  const router = Router();
  // Static for the life of the process: serialised once, revalidated by ETag.
  let json: string | undefined;
  let html: string | undefined;

  router.get('/api/openapi.json', (_req, res) => {
    json ??= JSON.stringify(openApiDocument());
    res.type('application/json; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(json);
  });

  router.get('/api/docs', (_req, res) => {
    html ??= docsPage(openApiDocument());
    res.type('text/html; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(html);
  });

  return router;
}
