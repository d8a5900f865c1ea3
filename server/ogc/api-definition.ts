import { COLLECTIONS, type Collection } from './collections';
import { CONFORMANCE, CRS84, OPENAPI_3_0 } from './documents';
import { DEFAULT_LIMIT, LIMIT_DESCRIPTION, MAX_LIMIT } from './paging';

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: Schema;
  style?: 'form';
  explode?: boolean;
}

const format: Parameter = { name: 'f', in: 'query', required: false, description: 'json (default for clients) or html (default for browsers)', schema: { type: 'string', enum: ['json', 'html'] } };
const zoom: Parameter = { name: 'zoom', in: 'query', required: false, description: 'generalise geometry to half a pixel at this zoom', schema: { type: 'integer', minimum: 0, maximum: 22 } };
const collectionId: Parameter = { name: 'collectionId', in: 'path', required: true, description: COLLECTIONS.map((c) => c.id).join(', '), schema: { type: 'string', enum: COLLECTIONS.map((c) => c.id) } };
const featureId: Parameter = { name: 'featureId', in: 'path', required: true, description: 'the ISTAT code of a Comune, or the number of an association or alliance', schema: { type: 'string' } };

/** The items query: the standard's bbox, limit and offset, and this service's own. */
const itemsParameters: Parameter[] = [
  format,
  {
    name: 'bbox', in: 'query', required: false, style: 'form', explode: false,
    description: 'west,south,east,north in degrees (CRS84)',
    schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
  },
  { name: 'bbox-crs', in: 'query', required: false, description: `only ${CRS84}`, schema: { type: 'string', enum: [CRS84] } },
  {
    name: 'limit', in: 'query', required: false,
    description: LIMIT_DESCRIPTION,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  { name: 'offset', in: 'query', required: false, description: 'items to skip (the `next` link carries it)', schema: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 } },
  zoom,
];

const filterParameters = (collection: Collection): Parameter[] =>
  Object.keys(collection.filters).map((name) => ({ name, in: 'query', required: false, description: `only the items whose ${name} is this value`, schema: { type: 'string', maxLength: 64 } }));

const ok = (description: string, type: string) => ({ description, content: { [type]: {}, 'text/html': {} } });
const errors = {
  400: { description: 'malformed request: the message says what, in Italian and English' },
  404: { description: 'no such collection or item' },
  429: { description: 'over a rate limit (RateLimit headers, Retry-After)' },
};

const get = (operationId: string, summary: string, parameters: Parameter[], response: Record<string, unknown>) => ({
  get: { operationId, summary, parameters, responses: { 200: response, ...errors } },
});

/**
 * The OpenAPI 3.0 definition of the OGC API – Features service at /ogc (its `service-desc`, which
 * Part 1: Core requires), with its paths relative to /ogc as the standard's own example has them.
 * GDAL reads it when asked for an attribute filter: each collection's filters (`code`, `province`,
 * …) then go to the server instead of GDAL reading every page to filter them itself. (GDAL 3.6
 * still pages 10 at a time whatever `limit`'s maximum says; clients that read it page by it.)
 */
export function ogcApiDefinition(base: string, version: string) {
  const items = (collection: Collection) =>
    get(`getItems_${collection.id}`, `${collection.title.it} / ${collection.title.en}`, [...itemsParameters, ...filterParameters(collection)], ok('a page of features with numberMatched, numberReturned and next/prev links', 'application/geo+json'));
  return {
    openapi: '3.0.3',
    info: {
      title: 'ALI Atlas — OGC API – Features',
      version,
      description: 'Comuni italiani, associazioni esistenti e Alleanze ALI pubblicate. / Italian Comuni, existing associations and published ALI alliances.',
      license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    },
    servers: [{ url: base }],
    'x-conformsTo': CONFORMANCE,
    paths: {
      '/': get('getLandingPage', 'Pagina iniziale / Landing page', [format], ok('links to the API definition, conformance and collections', 'application/json')),
      '/api': get('getApiDefinition', 'Questa definizione / This definition', [], { description: 'OpenAPI 3.0', content: { [OPENAPI_3_0]: {} } }),
      '/conformance': get('getConformance', 'Classi di conformità / Conformance classes', [format], ok('{ conformsTo }', 'application/json')),
      '/collections': get('getCollections', 'Collezioni / Collections', [format], ok('{ links, collections }', 'application/json')),
      '/collections/{collectionId}': get('getCollection', 'Una collezione / A collection', [collectionId, format], ok('the collection with its extent', 'application/json')),
      '/collections/{collectionId}/items': get('getItems', 'Elementi, a pagine / Items, in pages', [collectionId, ...itemsParameters], ok('a page of features', 'application/geo+json')),
      ...Object.fromEntries(COLLECTIONS.map((c) => [`/collections/${c.id}/items`, items(c)])),
      '/collections/{collectionId}/items/{featureId}': get('getItem', 'Un elemento / One item', [collectionId, featureId, format, zoom], ok('the feature', 'application/geo+json')),
    },
  };
}
