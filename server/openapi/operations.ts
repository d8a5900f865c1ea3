import { z } from 'zod';
import {
  allianceBody,
  allianceListQuery,
  allianceOutlinesQuery,
  alliancePatch,
  associationsQuery,
  bboxParam,
  comuneCode,
  adhesionBody,
  contiguityExceptionBody,
  historyQuery,
  invitationBody,
  membersBody,
  numericId,
  resolveBody,
  searchQuery,
  serviceBody,
  serviceCode,
  servicePatch,
  withinBody,
} from '../http/schemas';
import { COLLECTIONS } from '../ogc/collections';
import { CRS84 } from '../ogc/documents';
import { DEFAULT_LIMIT } from '../ogc/paging';
import { planBody } from '../routes/plans';
import { XLSX_TYPE } from '../exports/send';
import { OPEN_DATA_MAX_BYTES } from '../open-data/files';
import { TILESETS, type TilesetName } from '../tiles/tile-sources';
import { MAX_ZOOM, MIN_ZOOM } from '../tiles/tile-coords';

/**
 * The HTTP API described as data, one entry per operation: what `/api/openapi.json` and `/api/docs`
 * are built from. Request schemas are the zod validators the routes parse with, imported by name.
 *
 * To add an operation: append an entry to OPERATIONS (path in OpenAPI style, `/api/x/{id}`), import
 * its zod schemas from server/http/schemas.ts, and add the route to the API table of docs/api.md (the
 * test tests/api/openapi.test.ts checks both ways). A request body shared by several operations
 * gets a name in BODY_SCHEMAS and is then listed once under `components.schemas`.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call it: `Authorization: Bearer` with an alliance's edit token, ADMIN_TOKEN, a member's
 * invitation token, or either the edit token or ADMIN_TOKEN.
 */
export type Auth = 'edit' | 'admin' | 'member' | 'editOrAdmin';

export const CONTENT = {
  json: 'application/json',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: XLSX_TYPE,
  pbf: 'application/vnd.mapbox-vector-tile',
  html: 'text/html',
  jsonld: 'application/ld+json',
  atom: 'application/atom+xml',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
} as const;
export type ContentType = (typeof CONTENT)[keyof typeof CONTENT];

export const TAGS = {
  system: { it: 'Sistema e dati di riferimento', en: 'System and reference data' },
  comuni: { it: 'Comuni e territori', en: 'Comuni and territories' },
  associations: { it: 'Associazioni esistenti', en: 'Existing associations' },
  alliances: { it: 'Alleanze', en: 'Alliances' },
  services: { it: 'Catalogo dei servizi', en: 'Service catalogue' },
  coverage: { it: 'Copertura dei servizi', en: 'Service coverage' },
  openData: { it: 'Open data', en: 'Open data' },
  ogc: { it: 'OGC API – Features', en: 'OGC API – Features' },
  tiles: { it: 'Tile vettoriali', en: 'Vector tiles' },
} as const satisfies Record<string, { it: string; en: string }>;
export type Tag = keyof typeof TAGS;

export interface Operation {
  method: Method;
  /** OpenAPI style: `/api/alliances/{id}`; each `{name}` becomes a path parameter. */
  path: string;
  summary: { it: string; en: string };
  tag: Tag;
  /** Schemas of path parameters by name; a parameter not named here is a plain string. */
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  auth?: Auth;
  /** Needs `If-Match: <version>` (428 without, 409 when stale). */
  ifMatch?: boolean;
  /** Status → what it means; common errors (400, 401, 403, 409, 413, 428, 429, 503) are added from the other fields. */
  responses: Record<number, string>;
  /** Content types of the successful answer; JSON unless said. */
  produces?: readonly ContentType[];
}

// Schemas that the routes define privately (not exported by server/http/schemas.ts or the router),
// composed here from the exported parts. TODO: export them next to the route and import them instead.

/** routes/coverage.ts `coverageQuery`. */
const coverageQuery = z.object({
  service: serviceCode,
  level: z.enum(['region', 'province']).default('province'),
});

/** routes/coverage.ts `sourcesQuery`. */
const coverageSourcesQuery = z.object({
  service: serviceCode,
  region: z.string().regex(/^\d{2}$/).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** routes/suggestions.ts `suggestionsBody` (its ruleSet refinement is not expressible in JSON Schema). */
const suggestionsBody = z
  .object({
    members: membersBody.shape.members,
    services: z.array(serviceCode).max(50).default([]),
    ruleSet: z.string().optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

/** routes/ogc.ts: `f` and `zoom`, and the items query (plus each collection's filters). */
const ogcFormat = z.object({ f: z.enum(['json', 'html']).optional().describe('json (default for clients) or html (default for browsers)') });
const ogcZoom = z.coerce.number().int().min(0).max(22).optional().describe('generalise geometry to half a pixel at this zoom');
const ogcFilters = Object.fromEntries(
  [...new Set(COLLECTIONS.flatMap((c) => Object.keys(c.filters)))].map((name) => [
    name,
    z
      .string()
      .max(64)
      .optional()
      .describe(`filter of ${COLLECTIONS.filter((c) => name in c.filters).map((c) => c.id).join(', ')}`),
  ]),
);
const ogcItemsQuery = ogcFormat.extend({
  bbox: bboxParam.describe('west,south,east,north in degrees (CRS84)'),
  'bbox-crs': z.literal(CRS84).optional(),
  limit: z.coerce.number().int().min(1).default(DEFAULT_LIMIT).describe('a larger one is lowered to 1000'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  zoom: ogcZoom,
  ...ogcFilters,
});

/** Queries that take no validation in the routes (read as they come). */
const versionQuery = z.object({ v: z.string().optional().describe('the data version: with it, the answer is cached as immutable') });
const servicesQuery = z.object({ include: z.literal('retired').optional().describe('also list retired services') });

/** Request bodies listed once under `components.schemas`, by name. */
export const BODY_SCHEMAS: Record<string, z.ZodType> = {
  Members: membersBody,
  Resolve: resolveBody,
  Within: withinBody,
  Alliance: allianceBody,
  AlliancePatch: alliancePatch,
  ContiguityException: contiguityExceptionBody,
  Service: serviceBody,
  ServicePatch: servicePatch,
  Suggestions: suggestionsBody,
};

const allianceId = { id: numericId };
const OPEN_DATA_503 = `database unavailable (Retry-After), or the file is over the ${OPEN_DATA_MAX_BYTES / 1024 / 1024} MB this server builds (code too_large)`;
const tilesets = Object.keys(TILESETS) as TilesetName[];
const collectionId = z.enum(COLLECTIONS.map((c) => c.id) as [string, ...string[]]);

export const OPERATIONS: readonly Operation[] = [
  // System and reference data
  {
    method: 'get', path: '/api/health', tag: 'system',
    summary: { it: 'Stato del server e versione dei dati', en: 'Server status and data version' },
    responses: { 200: 'status ok (or degraded, with writes: { code, lastFailureAt, message }, while writes fail for good: disk full, read-only): engine, comuni, dataVersion, importedAt', 503: 'the database does not answer' },
  },
  {
    method: 'get', path: '/api/health/memory', tag: 'system', auth: 'admin',
    summary: { it: 'Dove va la memoria: heap, PGlite, tile in cache', en: 'Where the memory goes: heap, PGlite, cached tiles' },
    responses: { 200: '{ rssMb, heapUsedMb, heapTotalMb, heapLimitMb, externalMb, pglite?, tiles }' },
  },
  {
    method: 'get', path: '/api/config', tag: 'system',
    summary: { it: 'Mappa di base e attribuzione dei dati', en: 'Basemap and data attribution' },
    responses: { 200: '{ basemapUrl, attribution }' },
  },
  {
    method: 'get', path: '/api/sources', tag: 'system',
    summary: { it: 'Le fonti dei dati: versione, data, licenza, lacune, importazione', en: 'Data sources: version, date, licence, gaps, import' },
    responses: { 200: '{ origin, datasets }' },
  },
  {
    method: 'get', path: '/api/atlas', tag: 'system', query: versionQuery,
    summary: { it: 'La tabella degli attributi di tutti i Comuni (gzip)', en: 'The attribute table of every Comune (gzipped)' },
    responses: { 200: 'the table', 304: 'unchanged (ETag)' },
  },
  {
    method: 'get', path: '/api/atlas/adjacency', tag: 'system', query: versionQuery,
    summary: { it: 'Il grafo dei confini, per i controlli dal vivo', en: 'The border graph, for live checks' },
    responses: { 200: 'pairs of rows of the atlas table', 304: 'unchanged (ETag)' },
  },
  {
    method: 'get', path: '/api/openapi.json', tag: 'system',
    summary: { it: 'Questa API in OpenAPI 3.1', en: 'This API as OpenAPI 3.1' },
    responses: { 200: 'the OpenAPI document' }, produces: [CONTENT.json],
  },
  {
    method: 'get', path: '/api/docs', tag: 'system',
    summary: { it: 'Questa API in una pagina leggibile', en: 'This API as a readable page' },
    responses: { 200: 'HTML page' }, produces: [CONTENT.html],
  },

  // Comuni and territories
  {
    method: 'get', path: '/api/comuni', tag: 'comuni', query: searchQuery,
    summary: { it: 'Cerca Comuni per nome, codice ISTAT o catastale', en: 'Search Comuni by name, ISTAT or cadastral code' },
    responses: { 200: '{ query, results }' },
  },
  {
    method: 'get', path: '/api/comuni/{code}', tag: 'comuni', params: { code: comuneCode },
    summary: { it: 'Un Comune: dati, vicini, associazioni, alleanze', en: 'A Comune: figures, neighbours, associations, alliances' },
    responses: { 200: 'the Comune', 404: 'no such Comune' },
  },
  {
    method: 'post', path: '/api/comuni/resolve', tag: 'comuni', body: resolveBody,
    summary: { it: 'Riconosce un elenco incollato di codici o nomi', en: 'Resolves a pasted list of codes or names' },
    responses: { 200: '{ found, unknown, ambiguous }' },
  },
  {
    method: 'post', path: '/api/comuni/within', tag: 'comuni', body: withinBody,
    summary: { it: 'I Comuni dentro un\'area disegnata', en: 'The Comuni inside a drawn area' },
    responses: { 200: 'Comuni inside, and partly inside' },
  },
  {
    method: 'post', path: '/api/contiguity', tag: 'comuni', body: membersBody,
    summary: { it: 'Contiguità di un insieme di Comuni', en: 'Contiguity of a set of Comuni' },
    responses: { 200: '{ contiguous, components, isolated }', 422: 'unknown ISTAT codes' },
  },
  {
    method: 'post', path: '/api/territories/analyze', tag: 'comuni', body: membersBody,
    summary: { it: 'Totali, province, regioni, contiguità e sovrapposizioni', en: 'Totals, provinces, regions, contiguity and overlaps' },
    responses: { 200: 'the analysis', 422: 'unknown ISTAT codes' },
  },
  {
    method: 'post', path: '/api/suggestions', tag: 'comuni', body: suggestionsBody,
    summary: { it: 'I vicini che aiuterebbero di più la selezione', en: 'The neighbours that would help the selection most' },
    responses: { 200: '{ ruleSet, suggestions }', 422: 'unknown ISTAT codes or services' },
  },
  {
    method: 'post', path: '/api/plans', tag: 'comuni', body: planBody,
    summary: {
      it: 'Propone alleanze contigue che coprono un territorio, ciascuna sopra la soglia di abitanti',
      en: 'Proposes contiguous alliances covering a territory, each above the residents floor',
    },
    responses: {
      200: '{ alliances: [{ members, population, name, explanation }], unassigned: [{ code, reason, message }], score: { alliances, upperBound, associationsSplit, sllSplit, snaiSplit, compactness }, seed, stoppedEarly, elapsedMs }',
      413: 'more than 2,000 Comuni in the area, or a body over 1 MB',
      422: 'unknown codes, region or province; a lock overlapping another or outside the area; a time limit over 10,000 ms',
      503: 'every planner is busy, the plan overran its time, or the database is unavailable (Retry-After)',
    },
  },

  // Existing associations
  {
    method: 'get', path: '/api/associations', tag: 'associations', query: associationsQuery,
    summary: { it: 'Aree SNAI, SLL, Unioni e Comunità Montane', en: 'SNAI areas, SLL, Unioni and Comunità Montane' },
    responses: { 200: '{ associations }' },
  },
  {
    method: 'get', path: '/api/associations/{id}', tag: 'associations', params: allianceId,
    summary: { it: 'Un\'associazione: membri, totali, contiguità, contorno', en: 'An association: members, totals, contiguity, outline' },
    responses: { 200: 'the association', 404: 'no such association' },
  },

  // Alliances
  {
    method: 'get', path: '/api/alliances', tag: 'alliances', query: allianceListQuery,
    summary: { it: 'Le alleanze salvate, a pagine', en: 'The saved alliances, in pages' },
    responses: { 200: '{ nextCursor, alliances }' },
  },
  {
    method: 'post', path: '/api/alliances', tag: 'alliances', body: allianceBody,
    summary: { it: 'Salva una nuova alleanza', en: 'Saves a new alliance' },
    responses: { 201: 'saved, with the secret editToken (shown once)', 422: 'invalid: unknown codes, two lead bodies, publishing with problems' },
  },
  {
    method: 'get', path: '/api/alliances.geojson', tag: 'alliances', query: allianceOutlinesQuery,
    summary: { it: 'I contorni delle alleanze in un riquadro', en: 'The alliances\' outlines within a box' },
    responses: { 200: 'FeatureCollection, with truncated and limit' }, produces: [CONTENT.geojson],
  },
  {
    method: 'get', path: '/api/alliances/{id}', tag: 'alliances', params: allianceId,
    summary: { it: 'Un\'alleanza: membri, partner, regole, contorno, storia', en: 'An alliance: members, partners, rules, outline, history' },
    responses: { 200: 'the alliance (ETag: its version)', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'patch', path: '/api/alliances/{id}', tag: 'alliances', params: allianceId, body: alliancePatch, auth: 'edit', ifMatch: true,
    summary: { it: 'Modifica un\'alleanza', en: 'Changes an alliance' },
    responses: { 200: 'the alliance as saved', 404: 'no such alliance', 410: 'deleted', 422: 'invalid' },
  },
  {
    method: 'delete', path: '/api/alliances/{id}', tag: 'alliances', params: allianceId, auth: 'edit', ifMatch: true,
    summary: { it: 'Elimina un\'alleanza (la storia resta)', en: 'Deletes an alliance (its history is kept)' },
    responses: { 204: 'deleted', 404: 'no such alliance', 410: 'already deleted' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/export.csv', tag: 'alliances', params: allianceId,
    summary: { it: 'I membri di un\'alleanza in CSV', en: 'An alliance\'s members as CSV' },
    responses: { 200: 'one row per member', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/alliances/{id}/export.xlsx', tag: 'alliances', params: allianceId,
    summary: { it: 'I membri di un\'alleanza in Excel', en: 'An alliance\'s members as Excel' },
    responses: { 200: 'one row per member', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.xlsx],
  },
  {
    method: 'get', path: '/api/alliances/{id}/export.geojson', tag: 'alliances', params: allianceId,
    summary: { it: 'Contorno e membri di un\'alleanza in GeoJSON', en: 'An alliance\'s outline and members as GeoJSON' },
    responses: { 200: 'FeatureCollection', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.geojson],
  },
  {
    method: 'get', path: '/api/alliances/{id}/fees', tag: 'alliances', params: allianceId,
    summary: { it: 'La quota di ogni membro per ogni servizio', en: 'Each member\'s fee for each service' },
    responses: { 200: 'fees in cents, totals and sustainability', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/fees.csv', tag: 'alliances', params: allianceId,
    summary: { it: 'Le quote in CSV', en: 'The fees as CSV' },
    responses: { 200: 'the fees in euros', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/alliances/{id}/fees.xlsx', tag: 'alliances', params: allianceId,
    summary: { it: 'Le quote in Excel', en: 'The fees as Excel' },
    responses: { 200: 'the fees in euros', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.xlsx],
  },
  {
    method: 'put', path: '/api/alliances/{id}/contiguity-exception', tag: 'alliances', params: allianceId, body: contiguityExceptionBody, auth: 'admin', ifMatch: true,
    summary: { it: 'Accetta un territorio in parti separate, con il motivo', en: 'Accepts a territory in separate parts, with the reason' },
    responses: { 200: '{ id, version, status, contiguityException, rules }', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'delete', path: '/api/alliances/{id}/contiguity-exception', tag: 'alliances', params: allianceId, auth: 'admin', ifMatch: true,
    summary: { it: 'Toglie l\'eccezione di contiguità', en: 'Removes the contiguity exception' },
    responses: { 200: '{ id, version, status, contiguityException, rules }', 404: 'no such alliance', 410: 'deleted' },
  },

  // Self-governed alliances: invitations, adhesions, history, feeds
  {
    method: 'get', path: '/api/alliances/{id}/members/{code}/adhesion', tag: 'alliances', params: { ...allianceId, code: comuneCode }, auth: 'member',
    summary: { it: 'Ciò che un comune invitato vede: l\'alleanza, il suo stato e atto, le decisioni possibili', en: 'What an invited Comune sees: the alliance, its status and act, the decisions open to it' },
    responses: { 200: '{ alliance, party, status, act, decisions }', 404: 'not a member', 410: 'deleted' },
  },
  {
    method: 'post', path: '/api/alliances/{id}/members/{code}/adhesion', tag: 'alliances', params: { ...allianceId, code: comuneCode }, body: adhesionBody, auth: 'member',
    summary: { it: 'Il comune aderisce, declina o recede, con il proprio atto', en: 'The Comune adheres, declines or withdraws, with its own act' },
    responses: { 200: 'its new status, a new version of the alliance', 404: 'not a member', 410: 'deleted', 422: 'not possible from its current status' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/partners/{name}/adhesion', tag: 'alliances', params: allianceId, auth: 'member',
    summary: { it: 'Come sopra, per un ente partecipante (per nome)', en: 'As above, for a participating body (by name)' },
    responses: { 200: '{ alliance, party, status, act, decisions }', 404: 'not a participating body', 410: 'deleted' },
  },
  {
    method: 'post', path: '/api/alliances/{id}/partners/{name}/adhesion', tag: 'alliances', params: allianceId, body: adhesionBody, auth: 'member',
    summary: { it: 'L\'ente partecipante aderisce, declina o recede, con il proprio atto', en: 'The participating body adheres, declines or withdraws, with its own act' },
    responses: { 200: 'its new status', 404: 'not a participating body', 410: 'deleted', 422: 'not possible from its current status' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/invitations', tag: 'alliances', params: allianceId, auth: 'editOrAdmin',
    summary: { it: 'I link di adesione: a chi, da quando, quali revocati (senza segreti)', en: 'The adhesion links: for whom, since when, which were revoked (no secrets)' },
    responses: { 200: '{ invitations }', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'post', path: '/api/alliances/{id}/invitations', tag: 'alliances', params: allianceId, body: invitationBody, auth: 'edit',
    summary: { it: 'Un nuovo link di adesione per un membro o ente (il precedente smette di funzionare)', en: 'A new adhesion link for a member or body (its previous one stops working)' },
    responses: { 201: '{ code | partner, id, url } — the secret after #invito=, shown once', 404: 'no such alliance', 410: 'deleted', 422: 'not in the alliance' },
  },
  {
    method: 'delete', path: '/api/alliances/{id}/invitations/{invitation}', tag: 'alliances', params: { ...allianceId, invitation: numericId }, auth: 'editOrAdmin',
    summary: { it: 'Revoca un link di adesione (ad es. finito in mani sbagliate)', en: 'Revokes an adhesion link (e.g. a leaked one)' },
    responses: { 200: 'the invitation, revoked', 404: 'no such link for this alliance', 410: 'deleted' },
  },
  {
    method: 'post', path: '/api/alliances/{id}/edit-token', tag: 'alliances', params: allianceId, auth: 'edit',
    summary: { it: 'Cambia il link di modifica: quello vecchio smette di funzionare', en: 'Replaces the edit link: the old one stops working' },
    responses: { 200: '{ editToken, editUrl }, shown once', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/history', tag: 'alliances', params: allianceId, query: historyQuery,
    summary: { it: 'La storia pubblica: chi ha cambiato cosa e quando', en: 'The public history: who changed what, and when' },
    responses: { 200: '{ id, entries: [{ version, at, action, actor, changes }] }, newest first', 404: 'no such alliance', 410: 'deleted' },
  },
  {
    method: 'get', path: '/api/alliances/{id}/feed.atom', tag: 'alliances', params: allianceId,
    summary: { it: 'La storia di un\'alleanza come feed Atom', en: 'An alliance\'s history as an Atom feed' },
    responses: { 200: 'Atom 1.0', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.atom],
  },
  {
    method: 'get', path: '/api/feed.atom', tag: 'alliances',
    summary: { it: 'Ogni decisione e modifica delle alleanze pubblicate, come feed Atom', en: 'Every decision and change of the published alliances, as an Atom feed' },
    responses: { 200: 'Atom 1.0, the newest 100 entries' }, produces: [CONTENT.atom],
  },

  // Service catalogue
  {
    method: 'get', path: '/api/services', tag: 'services', query: servicesQuery,
    summary: { it: 'Il catalogo dei servizi', en: 'The service catalogue' },
    responses: { 200: '{ services }' },
  },
  {
    method: 'post', path: '/api/services', tag: 'services', body: serviceBody, auth: 'admin',
    summary: { it: 'Aggiunge un servizio al catalogo', en: 'Adds a service to the catalogue' },
    responses: { 201: 'the new entry', 409: 'the code is already in the catalogue' },
  },
  {
    method: 'get', path: '/api/services/{code}', tag: 'services', params: { code: serviceCode },
    summary: { it: 'Un servizio con la sua storia', en: 'A service with its history' },
    responses: { 200: 'the entry and its history', 404: 'no such service' },
  },
  {
    method: 'patch', path: '/api/services/{code}', tag: 'services', params: { code: serviceCode }, body: servicePatch, auth: 'admin',
    summary: { it: 'Rinomina, descrive, ritira o ripristina un servizio', en: 'Renames, describes, retires or restores a service' },
    responses: { 200: 'the entry as saved', 404: 'no such service' },
  },
  {
    method: 'delete', path: '/api/services/{code}', tag: 'services', params: { code: serviceCode }, auth: 'admin',
    summary: { it: 'Ritira un servizio (la voce e la storia restano)', en: 'Retires a service (the entry and history are kept)' },
    responses: { 200: 'the retired entry', 404: 'no such service' },
  },

  // Coverage
  {
    method: 'get', path: '/api/coverage', tag: 'coverage', query: coverageQuery.pick({ service: true }),
    summary: { it: 'Dove un servizio è ricevuto e dove manca', en: 'Where a service is received and where it is missing' },
    responses: { 200: 'per Comune, province, region and nationally', 404: 'no such service' },
  },
  {
    method: 'get', path: '/api/coverage/sources', tag: 'coverage', query: coverageSourcesQuery,
    summary: { it: 'Gli enti che forniscono un servizio, in Italia o in una regione, a pagine', en: 'The bodies providing a service, nationally or in one region, page by page' },
    responses: { 200: 'a page of bodies, most Comuni first', 404: 'no such service' },
  },
  {
    method: 'get', path: '/api/coverage.csv', tag: 'coverage', query: coverageQuery,
    summary: { it: 'La copertura per regione o provincia in CSV', en: 'Coverage per region or province as CSV' },
    responses: { 200: 'the table', 404: 'no such service' }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/coverage.xlsx', tag: 'coverage', query: coverageQuery,
    summary: { it: 'La copertura per regione o provincia in Excel', en: 'Coverage per region or province as Excel' },
    responses: { 200: 'the table', 404: 'no such service' }, produces: [CONTENT.xlsx],
  },

  // Open data (published alliances, CC BY 4.0)
  {
    method: 'get', path: '/api/open-data/alliances.csv', tag: 'openData',
    summary: { it: 'I membri delle alleanze pubblicate, con stato e atto di adesione, in CSV', en: 'Members of the published alliances, with status and act, as CSV' },
    responses: { 200: 'one row per member', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/open-data/alliances.xlsx', tag: 'openData',
    summary: { it: 'Gli stessi in Excel', en: 'The same as Excel' },
    responses: { 200: 'one row per member', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.xlsx],
  },
  {
    method: 'get', path: '/api/open-data/members.csv', tag: 'openData',
    summary: { it: 'I membri delle alleanze pubblicate in CSV', en: 'Members of the published alliances as CSV' },
    responses: { 200: 'one row per member', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/open-data/members.xlsx', tag: 'openData',
    summary: { it: 'I membri delle alleanze pubblicate in Excel', en: 'Members of the published alliances as Excel' },
    responses: { 200: 'one row per member', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.xlsx],
  },
  {
    method: 'get', path: '/api/open-data/services.csv', tag: 'openData',
    summary: { it: 'I servizi delle alleanze pubblicate in CSV', en: 'Services of the published alliances as CSV' },
    responses: { 200: 'one row per service of an alliance', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/open-data/services.xlsx', tag: 'openData',
    summary: { it: 'Servizi e quote delle alleanze pubblicate in Excel', en: 'Services and fees of the published alliances as Excel' },
    responses: { 200: 'two sheets: services and fees', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.xlsx],
  },
  {
    method: 'get', path: '/api/open-data/fees.csv', tag: 'openData',
    summary: { it: 'Le quote dei membri delle alleanze pubblicate in CSV', en: 'Members\' fees of the published alliances as CSV' },
    responses: { 200: 'one row per member and service', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.csv],
  },
  {
    method: 'get', path: '/api/open-data/alliances.geojson', tag: 'openData',
    summary: { it: 'Le alleanze pubblicate con contorno e membri', en: 'The published alliances with outline and members' },
    responses: { 200: 'FeatureCollection (RFC 7946)', 304: 'unchanged (ETag)', 503: OPEN_DATA_503 }, produces: [CONTENT.geojson],
  },
  {
    method: 'get', path: '/api/open-data/catalog.jsonld', tag: 'openData',
    summary: { it: 'Il catalogo open data in DCAT-AP_IT', en: 'The open-data catalogue in DCAT-AP_IT' },
    responses: { 200: 'JSON-LD' }, produces: [CONTENT.jsonld],
  },

  // OGC API – Features
  {
    method: 'get', path: '/ogc', tag: 'ogc', query: ogcFormat,
    summary: { it: 'Pagina iniziale OGC API – Features', en: 'OGC API – Features landing page' },
    responses: { 200: 'links to conformance and collections' }, produces: [CONTENT.json, CONTENT.html],
  },
  {
    method: 'get', path: '/ogc/api', tag: 'ogc', query: z.object({ f: z.literal('json').optional() }),
    summary: { it: 'La definizione OpenAPI 3.0 del servizio (service-desc), con i percorsi relativi a /ogc', en: 'The service’s OpenAPI 3.0 definition (service-desc), with paths relative to /ogc' },
    responses: { 200: 'OpenAPI 3.0: each collection’s filters, and limit with its maximum' }, produces: [CONTENT.openapi],
  },
  {
    method: 'get', path: '/ogc/conformance', tag: 'ogc', query: ogcFormat,
    summary: { it: 'Le classi di conformità', en: 'The conformance classes' },
    responses: { 200: '{ conformsTo }' }, produces: [CONTENT.json, CONTENT.html],
  },
  {
    method: 'get', path: '/ogc/collections', tag: 'ogc', query: ogcFormat,
    summary: { it: 'Le collezioni: comuni, associations, alliances', en: 'The collections: comuni, associations, alliances' },
    responses: { 200: '{ links, collections }' }, produces: [CONTENT.json, CONTENT.html],
  },
  {
    method: 'get', path: '/ogc/collections/{id}', tag: 'ogc', query: ogcFormat, params: { id: collectionId },
    summary: { it: 'Una collezione con la sua estensione', en: 'A collection with its extent' },
    responses: { 200: 'the collection', 404: 'no such collection' }, produces: [CONTENT.json, CONTENT.html],
  },
  {
    method: 'get', path: '/ogc/collections/{id}/items', tag: 'ogc', query: ogcItemsQuery, params: { id: collectionId },
    summary: { it: 'Gli elementi di una collezione, a pagine', en: 'A collection\'s items, in pages' },
    responses: { 200: 'FeatureCollection with numberMatched, numberReturned and links', 404: 'no such collection' }, produces: [CONTENT.geojson, CONTENT.html],
  },
  {
    method: 'get', path: '/ogc/collections/{id}/items/{fid}', tag: 'ogc', query: ogcFormat.extend({ zoom: ogcZoom }), params: { id: collectionId },
    summary: { it: 'Un elemento', en: 'One item' },
    responses: { 200: 'Feature', 404: 'no such collection or item' }, produces: [CONTENT.geojson, CONTENT.html],
  },

  // Vector tiles, one pair of operations per tileset
  ...tilesets.flatMap((name): Operation[] => [
    {
      method: 'get', path: `/tiles/${name}.json`, tag: 'tiles',
      summary: { it: `TileJSON del tileset ${name}`, en: `TileJSON of the ${name} tileset` },
      responses: { 200: `TileJSON 3.0.0 naming the versioned tile URL; layers ${TILESETS[name].join(', ')}` },
    },
    {
      method: 'get', path: `/tiles/${name}/{z}/{x}/{y}.pbf`, tag: 'tiles', query: versionQuery,
      params: { z: z.int().min(MIN_ZOOM).max(MAX_ZOOM), x: z.int().min(0), y: z.int().min(0) },
      summary: { it: `Tile vettoriale ${name} (z ${MIN_ZOOM}–${MAX_ZOOM})`, en: `${name} vector tile (z ${MIN_ZOOM}–${MAX_ZOOM})` },
      responses: { 200: `layers ${TILESETS[name].join(', ')} (gzip)`, 204: 'nothing in this tile', 304: 'unchanged (ETag)' },
      produces: [CONTENT.pbf],
    },
  ]),
];
