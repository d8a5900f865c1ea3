import type { Feature } from 'geojson';
import type { Collection } from './collections';

/** OGC API – Features Part 1 conformance classes this service implements. */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
] as const;

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';
const HTML = 'text/html';
/** The media type of an OpenAPI 3.0 definition in JSON (OGC API – Features Part 1, 7.2.4). */
export const OPENAPI_3_0 = 'application/vnd.oai.openapi+json;version=3.0';

/** A resource's self link in the requested format and its alternate in the other. */
function selfAndAlternate(url: string, json: string, format: 'json' | 'html'): Link[] {
  const asJson = { href: `${url}?f=json`, type: json, title: 'JSON' };
  const asHtml = { href: `${url}?f=html`, type: HTML, title: 'HTML' };
  return format === 'json' ? [{ rel: 'self', ...asJson }, { rel: 'alternate', ...asHtml }] : [{ rel: 'self', ...asHtml }, { rel: 'alternate', ...asJson }];
}

/**
 * The landing page: its links to the API definition (`service-desc`, OpenAPI 3.0) and its
 * documentation (`service-doc`, `docs`: the HTML page of the whole API), as Part 1: Core requires.
 */
export function landingPage(base: string, docs: string, format: 'json' | 'html') {
  return {
    title: 'ALI Atlas — OGC API – Features',
    description:
      'Comuni italiani, associazioni esistenti e Alleanze Locali per l’Innovazione pubblicate, per i programmi GIS (QGIS, ArcGIS, GDAL). / Italian Comuni, existing associations and published Local Alliances for Innovation, for GIS software.',
    links: [
      ...selfAndAlternate(base, JSON_TYPE, format),
      { href: `${base}/api`, rel: 'service-desc', type: OPENAPI_3_0, title: 'Definizione OpenAPI / OpenAPI definition' },
      { href: docs, rel: 'service-doc', type: HTML, title: 'Documentazione / Documentation' },
      { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Classi di conformità / Conformance classes' },
      { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collezioni / Collections' },
    ],
  };
}

export function collectionDocument(base: string, collection: Collection, extent: [number, number, number, number] | null, format: 'json' | 'html') {
  const url = `${base}/collections/${collection.id}`;
  return {
    id: collection.id,
    title: collection.title.it,
    description: `${collection.description.it} / ${collection.description.en}`,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    links: [
      ...selfAndAlternate(url, JSON_TYPE, format),
      { href: `${url}/items?f=json`, rel: 'items', type: GEOJSON, title: 'Elementi / Items' },
      { href: `${url}/items?f=html`, rel: 'items', type: HTML, title: 'Elementi / Items (HTML)' },
      { href: 'https://creativecommons.org/licenses/by/4.0/', rel: 'license', type: HTML, title: 'CC BY 4.0' },
    ],
  };
}

/**
 * A page of items with its counts and the links that walk through the pages. `prev` goes back by
 * `limit`: a page that held fewer (large features) may then end before this one starts.
 */
export function itemsDocument(
  base: string,
  collection: Collection,
  page: { features: Feature[]; numberMatched: number },
  at: { offset: number; limit: number; query: URLSearchParams },
  format: 'json' | 'html',
) {
  const url = `${base}/collections/${collection.id}/items`;
  const pageUrl = (offset: number, f: 'json' | 'html') => {
    const q = new URLSearchParams(at.query);
    q.set('f', f);
    q.set('offset', String(offset));
    q.set('limit', String(at.limit));
    return `${url}?${q.toString()}`;
  };
  const links: Link[] = [
    { href: pageUrl(at.offset, format), rel: 'self', type: format === 'json' ? GEOJSON : HTML },
    { href: pageUrl(at.offset, format === 'json' ? 'html' : 'json'), rel: 'alternate', type: format === 'json' ? HTML : GEOJSON },
    { href: `${base}/collections/${collection.id}?f=json`, rel: 'collection', type: JSON_TYPE },
  ];
  const type = format === 'json' ? GEOJSON : HTML;
  // A page may hold fewer than `limit` (large features: see paging.ts): the next one starts after what this one returned.
  const returned = page.features.length;
  if (at.offset + returned < page.numberMatched) links.push({ href: pageUrl(at.offset + returned, format), rel: 'next', type, title: 'Pagina successiva / Next page' });
  if (at.offset > 0) links.push({ href: pageUrl(Math.max(0, at.offset - at.limit), format), rel: 'prev', type, title: 'Pagina precedente / Previous page' });
  return {
    type: 'FeatureCollection' as const,
    features: page.features,
    numberMatched: page.numberMatched,
    numberReturned: page.features.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

export function itemDocument(base: string, collection: Collection, feature: Feature, format: 'json' | 'html') {
  const url = `${base}/collections/${collection.id}/items/${encodeURIComponent(String(feature.id))}`;
  return {
    ...feature,
    links: [
      ...selfAndAlternate(url, GEOJSON, format),
      { href: `${base}/collections/${collection.id}?f=json`, rel: 'collection', type: JSON_TYPE },
    ],
  };
}
