import type { Feature, Geometry } from 'geojson';
import type { Knex } from 'knex';
import type { Collection } from './collections';
import { BYTES_PER_FEATURE, BYTES_PER_VERTEX, PAGE_BYTES, PAGE_ENVELOPE_BYTES, PAGE_VERTICES_READ } from './paging';

export interface ItemsQuery {
  bbox?: readonly [number, number, number, number] | undefined;
  filters: Readonly<Record<string, string>>;
  limit: number;
  offset: number;
  /** Generalise geometry for a map at this zoom level (about half a pixel); full detail when absent. */
  zoom?: number | undefined;
  /** False when the page is read without geometry (HTML shows properties only); its features are the same. */
  geometry?: boolean;
}

/** Degrees of half a 256-pixel tile pixel at a zoom level: what a map at that zoom cannot show. */
export const toleranceAt = (zoom: number): number => 360 / (256 * 2 ** zoom) / 2;

/** The geometry served at a zoom: generalised to half a pixel there, or as stored. */
function shapeSql(zoom: number | undefined): { sql: string; bindings: number[] } {
  return zoom === undefined ? { sql: 'geom', bindings: [] } : { sql: 'ST_SimplifyPreserveTopology(geom, ?)', bindings: [toleranceAt(zoom)] };
}

/**
 * SQL: a feature's GeoJSON bytes, estimated before any geometry is written from its `vertices` and
 * its `properties` column (see paging.ts). The same estimate sizes a page and the page before it.
 */
const estimatedBytes = (vertices: string, properties: string) =>
  `${BYTES_PER_VERTEX} * coalesce(${vertices}, 0) + octet_length(${properties}::text) + ${BYTES_PER_FEATURE}`;

/** What a feature read weighs in GeoJSON, near enough: its geometry as written, its properties, its envelope (charged to the client's byte budget). */
const writtenBytes = (row: { geometry: string | null; properties: unknown }) => (row.geometry?.length ?? 0) + JSON.stringify(row.properties).length + BYTES_PER_FEATURE;

/** RFC 7946 geometry in CRS84: exterior rings counterclockwise, six decimals (≈ 10 cm). */
const GEOJSON_SQL = 'ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6)';

function geometrySql(zoom: number | undefined): { sql: string; bindings: number[] } {
  const shape = shapeSql(zoom);
  return { sql: GEOJSON_SQL.replace('geom', shape.sql), bindings: shape.bindings };
}

function where(collection: Collection, query: Pick<ItemsQuery, 'bbox' | 'filters'>): { sql: string; bindings: (string | number)[] } {
  const conditions: string[] = [];
  const bindings: (string | number)[] = [];
  if (query.bbox) {
    conditions.push('geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))');
    bindings.push(...query.bbox, ...query.bbox);
  }
  for (const [name, value] of Object.entries(query.filters)) {
    const condition = collection.filters[name];
    if (!condition) throw new Error(`unknown filter ${name}`); // the route accepts only declared filters
    conditions.push(condition);
    bindings.push(value);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', bindings };
}

/**
 * One page of a collection's features, and how many match in all. The page's ids are chosen first
 * and only its own rows are built: PostgreSQL computes the select list of the rows an OFFSET skips
 * too, so building them in the same query made page 790 of 10 Comuni cost as much as 7,900 features.
 * The page then ends before the feature that would take it past PAGE_VERTICES_READ stored vertices
 * (when generalised) or its GeoJSON past PAGE_BYTES, estimated from the vertices it keeps and its
 * properties before any geometry is written (see paging.ts): a page of large features holds fewer
 * than `limit`, never none, and the next page starts where it ended.
 */
export async function readItems(knex: Knex, collection: Collection, query: ItemsQuery): Promise<ItemsPage> {
  const filter = where(collection, query);
  const generalised = query.zoom !== undefined;
  // Windows buffer their rows: only small columns go through them. A generalised page keeps its
  // generalised geometry from the sizing (small, and costly to make twice); a full one is read again
  // by id for the rows kept, so that no full geometry is buffered.
  const kept = generalised
    ? { columns: 'ST_SimplifyPreserveTopology(f.geom, ?) AS geom', vertices: 'ST_NPoints(geom)', bindings: [toleranceAt(query.zoom!)] }
    : { columns: 'ST_NPoints(f.geom) AS stored_vertices', vertices: 'stored_vertices', bindings: [] };
  const output = query.geometry === false ? 'NULL' : GEOJSON_SQL.replace('geom', generalised ? 's.geom' : 'f.geom');
  const [page, count, previous] = await Promise.all([
    knex.raw<{ rows: { fid: string | number; properties: Record<string, unknown>; geometry: string | null }[] }>(
      `WITH page AS (
         SELECT fid, row_number() OVER (ORDER BY ${collection.order}) AS n FROM (${collection.from}) AS f ${filter.sql}
         ORDER BY ${collection.order} LIMIT ? OFFSET ?
       ), stored AS (
         SELECT p.n, p.fid, row_number() OVER (ORDER BY p.n) AS k, sum(coalesce(ST_NPoints(f.geom), 0)) OVER (ORDER BY p.n) AS vertices
         FROM page p JOIN (${collection.from}) AS f ON f.fid = p.fid
       ), shaped AS MATERIALIZED (
         SELECT s.n, s.k, s.fid, f.properties, ${kept.columns}
         FROM stored s JOIN (${collection.from}) AS f ON f.fid = s.fid WHERE s.k = 1 OR ? OR s.vertices <= ?
       ), sized AS (
         SELECT *, sum(${estimatedBytes(kept.vertices, 'properties')}) OVER (ORDER BY n) AS bytes FROM shaped
       )
       SELECT s.fid, s.properties, ${output} AS geometry
       FROM sized s ${generalised ? '' : `JOIN (${collection.from}) AS f ON f.fid = s.fid`}
       WHERE s.k = 1 OR s.bytes <= ? ORDER BY s.n`,
      [
        ...filter.bindings, query.limit, query.offset,
        ...kept.bindings, !generalised, PAGE_VERTICES_READ,
        PAGE_BYTES - PAGE_ENVELOPE_BYTES,
      ],
    ),
    knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM (${collection.from}) AS f ${filter.sql}`, filter.bindings),
    query.offset > 0 ? previousOffset(knex, collection, filter, query) : null,
  ]);
  return {
    previousOffset: previous,
    features: page.rows.map((row) => toFeature(collection, row)),
    numberMatched: count.rows[0]?.n ?? 0,
    bytes: page.rows.reduce((sum, row) => sum + writtenBytes(row), 0),
  };
}

/** A page of items, with how many match in all and about how many bytes of GeoJSON it holds. */
export interface ItemsPage {
  features: Feature[];
  numberMatched: number;
  bytes: number;
  /** Where the page before this one starts (it ends where this one starts, or after); null on the first page. */
  previousOffset: number | null;
}

/**
 * Where the page before `query.offset` starts: as many of the features just before it as a page
 * holds (`limit`, within the page's bytes and stored vertices, counted backwards the way readItems
 * counts forwards), at least one. Going back by `limit` alone would skip features whenever those
 * pages were cut short by their bytes. Generalised pages are sized here by their stored vertices,
 * more than what they keep: the page before then starts later, and may repeat a few features of
 * this one rather than skip any.
 */
async function previousOffset(knex: Knex, collection: Collection, filter: { sql: string; bindings: (string | number)[] }, query: ItemsQuery): Promise<number> {
  const window = Math.min(query.limit, query.offset);
  const result = await knex.raw<{ rows: { fits: number }[] }>(
    `WITH page AS (
       SELECT fid, row_number() OVER (ORDER BY ${collection.order}) AS n FROM (${collection.from}) AS f ${filter.sql}
       ORDER BY ${collection.order} LIMIT ? OFFSET ?
     ), sized AS (
       SELECT p.n,
              sum(coalesce(ST_NPoints(f.geom), 0)) OVER (ORDER BY p.n DESC) AS vertices,
              sum(${estimatedBytes('ST_NPoints(f.geom)', 'f.properties')}) OVER (ORDER BY p.n DESC) AS bytes
       FROM page p JOIN (${collection.from}) AS f ON f.fid = p.fid
     )
     SELECT count(*)::int AS fits FROM sized WHERE bytes <= ? AND (? OR vertices <= ?)`,
    [
      ...filter.bindings, window, query.offset - window,
      PAGE_BYTES - PAGE_ENVELOPE_BYTES, query.zoom === undefined, PAGE_VERTICES_READ,
    ],
  );
  return query.offset - Math.max(1, result.rows[0]?.fits ?? 0);
}

/** One feature by its id, with about how many bytes of GeoJSON it holds; null when there is none. */
export async function readItem(knex: Knex, collection: Collection, id: string | number, zoom?: number): Promise<{ feature: Feature; bytes: number } | null> {
  const geometry = geometrySql(zoom);
  const result = await knex.raw<{ rows: { fid: string | number; properties: Record<string, unknown>; geometry: string }[] }>(
    `SELECT fid, properties, ${geometry.sql} AS geometry FROM (${collection.from}) AS f WHERE fid = ?`,
    [...geometry.bindings, id],
  );
  const row = result.rows[0];
  return row ? { feature: toFeature(collection, row), bytes: writtenBytes(row) } : null;
}

/** The bounding box of a collection's features (west, south, east, north), or null when it is empty. */
export async function collectionExtent(knex: Knex, collection: Collection): Promise<[number, number, number, number] | null> {
  const result = await knex.raw<{ rows: { w: number | null; s: number; e: number; n: number }[] }>(
    `SELECT ST_XMin(x) AS w, ST_YMin(x) AS s, ST_XMax(x) AS e, ST_YMax(x) AS n FROM (SELECT ST_Extent(geom) AS x FROM (${collection.from}) AS f) AS b`,
  );
  const row = result.rows[0];
  return row && row.w !== null ? [row.w, row.s, row.e, row.n].map((v) => Math.round(Number(v) * 1e6) / 1e6) as [number, number, number, number] : null;
}

function toFeature(collection: Collection, row: { fid: string | number; properties: Record<string, unknown>; geometry: string | null }): Feature {
  const properties = collection.properties ? collection.properties(row.properties) : row.properties;
  // A member whose Comune left the data has no boundary: a feature without geometry (RFC 7946 §3.2).
  return { type: 'Feature', id: row.fid, geometry: row.geometry === null ? (null as unknown as Geometry) : (JSON.parse(row.geometry) as Geometry), properties };
}
