import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { badRequest, notFound } from '../http/errors';
import { featureBudget } from '../http/feature-budget';
import { publicBase } from '../http/public-base';
import { bboxParam } from '../http/schemas';
import { COLLECTIONS, findCollection, type Collection } from '../ogc/collections';
import { collectionDocument, CONFORMANCE, CRS84, itemDocument, itemsDocument, landingPage, OPENAPI_3_0 } from '../ogc/documents';
import { collectionHtml, collectionsHtml, conformanceHtml, itemHtml, itemsHtml, landingHtml } from '../ogc/html';
import { collectionExtent, readItem, readItems } from '../ogc/items';
import { DEFAULT_LIMIT, LIMIT_DESCRIPTION, MAX_LIMIT } from '../ogc/paging';
import { ogcApiDefinition } from '../ogc/api-definition';
import { apiVersion } from '../openapi/document';
import { CONTENT } from '../openapi/vocabulary';
const format = z.enum(['json', 'html']).optional().describe('json (default for clients) or html (default for browsers)');
const zoom = z.coerce.number().int().min(0).max(22).optional().describe('generalise geometry to half a pixel at this zoom');
/** The query of a resource that takes no parameter but `f`. */
const formatQuery = z.object({ f: format });
/** Each collection's filters (refused on a collection that has not that one). */
const filters = Object.fromEntries(
  [...new Set(COLLECTIONS.flatMap((c) => Object.keys(c.filters)))].map((name) => [
    name,
    z
      .string()
      .max(64, 'un filtro ha al massimo 64 caratteri / a filter has at most 64 characters')
      .optional()
      .describe(`filter of ${COLLECTIONS.filter((c) => name in c.filters).map((c) => c.id).join(', ')}`),
  ]),
);
const itemsQuery = z.object({
  f: format,
  bbox: bboxParam.describe('west,south,east,north in degrees (CRS84)'),
  'bbox-crs': z.literal(CRS84, { message: `bbox-crs: solo ${CRS84} / only ${CRS84}` }).optional(),
  limit: z.coerce
    .number()
    .int('limit: un numero intero / limit: an integer')
    .min(1, 'limit: almeno 1 / limit: at least 1')
    .default(DEFAULT_LIMIT)
    .describe(LIMIT_DESCRIPTION)
    .transform((n) => Math.min(n, MAX_LIMIT)),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  zoom,
  ...filters,
});
const itemQuery = z.object({ f: format, zoom });
const apiQuery = z.object({ f: z.literal('json').optional() });
const collectionId = z.enum(COLLECTIONS.map((c) => c.id) as [string, ...string[]]);

/** `?f=` first, then the Accept header: browsers get HTML, everything else JSON. */
function wants(req: Request, f: 'json' | 'html' | undefined): 'json' | 'html' {
  if (f) return f;
  const accept = req.get('accept') ?? '';
  return /text\/html/.test(accept) && !/application\/(geo\+)?json/.test(accept) ? 'html' : 'json';
}

function refuseUnknown(req: Request, allowed: readonly string[]): void {
  const unknown = Object.keys(req.query).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw badRequest(`Parametri sconosciuti: ${unknown.join(', ')}; ammessi: ${allowed.join(', ')} / Unknown parameters: ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`);
  }
}

/** The format of a resource that takes no parameter but `f`. */
function plainResource(req: Request): 'json' | 'html' {
  refuseUnknown(req, ['f']);
  return wants(req, format.parse(req.query.f));
}

function send(res: Response, as: 'json' | 'html', json: unknown, html: () => string, jsonType = 'application/json'): void {
  // Revalidated every time: the links name this server by PUBLIC_URL or, unset, by the request's Host.
  res.set('Vary', 'Accept').set('Cache-Control', 'no-cache');
  if (as === 'html') res.type('text/html; charset=utf-8').send(html());
  else res.type(jsonType).send(JSON.stringify(json));
}

function collectionOr404(id: string): Collection {
  const collection = findCollection(id);
  if (!collection) throw notFound(`Nessuna collezione "${id}"; ci sono: ${COLLECTIONS.map((c) => c.id).join(', ')} / No collection "${id}"`);
  return collection;
}

/**
 * OGC API – Features (Part 1: Core, GeoJSON, HTML) at /ogc, so that QGIS, ArcGIS and GDAL add the
 * Comuni, the existing associations and the published alliances as layers.
 */
export function ogcRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;
  const baseOf = (req: Request) => `${publicBase(ctx, req)}/ogc`;
  // Items pay by the feature, however they are paged (see http/feature-budget).
  const budget = featureBudget(ctx.ogcFeaturesPerMinute);

  routes.push(route(
    {
      method: 'get', path: '/ogc', tag: 'ogc', query: formatQuery,
      summary: { it: 'Pagina iniziale OGC API – Features', en: 'OGC API – Features landing page' },
      responses: { 200: 'links to conformance and collections' }, produces: [CONTENT.json, CONTENT.html],
    },
    (req, res) => {
      const as = plainResource(req);
      const base = baseOf(req);
      const doc = landingPage(base, `${publicBase(ctx, req)}/api/docs`, as);
      send(res, as, doc, () => landingHtml({ base }, doc));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/api', tag: 'ogc', query: apiQuery,
      summary: { it: 'La definizione OpenAPI 3.0 del servizio (service-desc), con i percorsi relativi a /ogc', en: 'The service’s OpenAPI 3.0 definition (service-desc), with paths relative to /ogc' },
      responses: { 200: 'OpenAPI 3.0: each collection’s filters, and limit with its maximum' }, produces: [CONTENT.openapi],
    },
    (req, res) => {
      refuseUnknown(req, ['f']);
      apiQuery.parse(req.query);
      res.set('Vary', 'Accept').set('Cache-Control', 'no-cache');
      res.type(OPENAPI_3_0).send(JSON.stringify(ogcApiDefinition(baseOf(req), apiVersion())));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/conformance', tag: 'ogc', query: formatQuery,
      summary: { it: 'Le classi di conformità', en: 'The conformance classes' },
      responses: { 200: '{ conformsTo }' }, produces: [CONTENT.json, CONTENT.html],
    },
    (req, res) => {
      const as = plainResource(req);
      send(res, as, { conformsTo: CONFORMANCE }, () => conformanceHtml({ base: baseOf(req) }, CONFORMANCE));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/collections', tag: 'ogc', query: formatQuery,
      summary: { it: 'Le collezioni: comuni, associations, alliances', en: 'The collections: comuni, associations, alliances' },
      responses: { 200: '{ links, collections }' }, produces: [CONTENT.json, CONTENT.html],
    },
    async (req, res) => {
      const as = plainResource(req);
      const base = baseOf(req);
      const collections = await Promise.all(COLLECTIONS.map(async (c) => collectionDocument(base, c, await collectionExtent(knex, c), as)));
      const doc = {
        links: [
          { href: `${base}/collections?f=json`, rel: as === 'json' ? 'self' : 'alternate', type: 'application/json' },
          { href: `${base}/collections?f=html`, rel: as === 'html' ? 'self' : 'alternate', type: 'text/html' },
        ],
        collections,
      };
      send(res, as, doc, () => collectionsHtml({ base }, collections));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/collections/:id', tag: 'ogc', query: formatQuery, params: { id: collectionId },
      summary: { it: 'Una collezione con la sua estensione', en: 'A collection with its extent' },
      responses: { 200: 'the collection', 404: 'no such collection' }, produces: [CONTENT.json, CONTENT.html],
    },
    async (req, res) => {
      const collection = collectionOr404(String(req.params.id));
      const as = plainResource(req);
      const base = baseOf(req);
      const doc = collectionDocument(base, collection, await collectionExtent(knex, collection), as);
      send(res, as, doc, () => collectionHtml({ base }, doc, Object.keys(collection.filters)));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/collections/:id/items', tag: 'ogc', query: itemsQuery, params: { id: collectionId },
      summary: { it: 'Gli elementi di una collezione, a pagine', en: 'A collection\'s items, in pages' },
      responses: { 200: 'FeatureCollection with numberMatched, numberReturned and links', 404: 'no such collection' }, produces: [CONTENT.geojson, CONTENT.html],
    },
    async (req, res, input) => {
      const collection = collectionOr404(String(req.params.id));
      refuseUnknown(req, ['f', 'bbox', 'bbox-crs', 'limit', 'offset', 'zoom', ...Object.keys(collection.filters)]);
      const { f, bbox, limit, offset, zoom: at, 'bbox-crs': _crs, ...given } = input.query;
      const filters = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      if (!(await budget.take(req, res, limit))) return;
      const as = wants(req, f);
      const base = baseOf(req);
      // The HTML page shows properties only: the same features, read without their geometry.
      const page = await readItems(knex, collection, { bbox, filters, limit, offset, zoom: at, geometry: as === 'json' });
      await budget.giveBack(req, limit - page.features.length);
      const query = new URLSearchParams(req.query as Record<string, string>);
      const doc = itemsDocument(base, collection, page, { offset, limit, query }, as);
      send(res, as, doc, () => itemsHtml({ base }, { id: collection.id, title: collection.title.it }, doc), 'application/geo+json');
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/ogc/collections/:id/items/:fid', tag: 'ogc', query: itemQuery, params: { id: collectionId },
      summary: { it: 'Un elemento', en: 'One item' },
      responses: { 200: 'Feature', 404: 'no such collection or item' }, produces: [CONTENT.geojson, CONTENT.html],
    },
    async (req, res, input) => {
      const collection = collectionOr404(String(req.params.id));
      refuseUnknown(req, ['f', 'zoom']);
      const { f, zoom: at } = input.query;
      const id = collection.parseId(String(req.params.fid));
      if (!(await budget.take(req, res, 1))) return;
      const feature = id === null ? null : await readItem(knex, collection, id, at);
      if (!feature) throw notFound(`Nessun elemento "${req.params.fid}" in ${collection.id} / No item "${req.params.fid}" in ${collection.id}`);
      const as = wants(req, f);
      const base = baseOf(req);
      const doc = itemDocument(base, collection, feature, as);
      send(res, as, doc, () => itemHtml({ base }, { id: collection.id, title: collection.title.it }, doc), 'application/geo+json');
    },
  ));

  return routes;
}
