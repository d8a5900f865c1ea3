import type { AppContext } from '../context';
import { route, type Route, type RouteSpec } from '../http/route';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document';
import { docsPage } from '../openapi/page';
import { CONTENT } from '../openapi/vocabulary';

/**
 * `GET /api/openapi.json` (OpenAPI 3.1, built from the routes as declared, with the zod schemas they
 * validate with) and `GET /api/docs` (the same as a page). `declared` gives every route of the app,
 * these two included.
 */
export function openApiRoutes(_ctx: AppContext, declared: () => readonly RouteSpec[]): Route[] {
  // Static for the life of the process: built and serialised once.
  let doc: OpenApiDocument | undefined;
  let json: string | undefined;
  let html: string | undefined;
  const document = () => (doc ??= buildOpenApiDocument(declared()));

  return [
    route(
      {
        method: 'get', path: '/api/openapi.json', tag: 'system',
        summary: { it: 'Questa API in OpenAPI 3.1', en: 'This API as OpenAPI 3.1' },
        responses: { 200: 'the OpenAPI document' }, produces: [CONTENT.json],
      },
      (_req, res) => {
        json ??= JSON.stringify(document());
        res.type('application/json; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(json);
      },
    ),
    route(
      {
        method: 'get', path: '/api/docs', tag: 'system',
        summary: { it: 'Questa API in una pagina leggibile', en: 'This API as a readable page' },
        responses: { 200: 'HTML page' }, produces: [CONTENT.html],
      },
      (_req, res) => {
        html ??= docsPage(document());
        res.type('text/html; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(html);
      },
    ),
  ];
}
