import type { Knex } from 'knex';
import type { Progress } from '../progress';

/** Largest gap between two boundaries still read as contact, in degrees (≈ 1 m). */
export const CONTACT_TOLERANCE_DEG = 0.00001;
/** A shared boundary shorter than this (metres) is a corner contact, not a border. */
export const MIN_BORDER_M = 5;

/**
 * Recomputes the neighbour pairs of all Comuni in PostGIS, with set-wide statements.
 * Touching or overlapping pairs first: the shared length is the common boundary line plus half
 * the perimeter of any overlap sliver. Then pairs separated by a hairline gap (within the
 * tolerance): the length of boundary inside the gap. Pairs are gathered in a temporary table
 * (CREATE TABLE AS may run in parallel on a PostgreSQL server, INSERT … SELECT may not).
 */
export async function writeAdjacency(trx: Knex.Transaction, progress: Progress): Promise<{ border: number; corner: number }> {
  progress.stage('Adiacenze tra comuni', 3);
  await trx.raw(`DROP TABLE IF EXISTS adjacency_found`);
  await trx.raw(
    `CREATE TEMP TABLE adjacency_found ON COMMIT DROP AS
     SELECT a.code AS a, b.code AS b,
            coalesce(ST_Length(ST_CollectionExtract(i.x, 2)::geography), 0)
          + coalesce(ST_Perimeter(ST_CollectionExtract(i.x, 3)::geography), 0) / 2 AS border_m
     FROM comuni a
     JOIN comuni b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
     CROSS JOIN LATERAL (SELECT ST_Intersection(a.geom, b.geom) AS x) i`,
  );
  progress.tick();
  // Gap candidates: bounding boxes within the tolerance, polygons apart. Distances are measured on
  // the parts inside the two boxes' overlap, which is 6× faster than on whole polygons.
  const tol = CONTACT_TOLERANCE_DEG;
  await trx.raw(
    `INSERT INTO adjacency_found (a, b, border_m)
     SELECT a.code, b.code, m.border_m
     FROM comuni a
     JOIN comuni b ON a.code < b.code AND a.geom && ST_Expand(b.geom, ?) AND NOT ST_Intersects(a.geom, b.geom)
     CROSS JOIN LATERAL (
       SELECT ST_ClipByBox2D(a.geom, e) AS ca, ST_ClipByBox2D(b.geom, e) AS cb
       FROM (SELECT ST_MakeEnvelope(greatest(ST_XMin(a.geom), ST_XMin(b.geom)) - ?, greatest(ST_YMin(a.geom), ST_YMin(b.geom)) - ?,
                                    least(ST_XMax(a.geom), ST_XMax(b.geom)) + ?, least(ST_YMax(a.geom), ST_YMax(b.geom)) + ?, 4326) AS e) box
     ) near
     CROSS JOIN LATERAL (
       SELECT ST_Length(ST_Intersection(ST_Boundary(near.ca), ST_Buffer(near.cb, ?))::geography) AS border_m
     ) m
     WHERE ST_DWithin(near.ca, near.cb, ?)`,
    [tol, 2 * tol, 2 * tol, 2 * tol, 2 * tol, 2 * tol, tol],
  );
  progress.tick();
  await trx.raw(`DELETE FROM comune_adjacency`);
  await trx.raw(
    `INSERT INTO comune_adjacency (a, b, border_m, kind)
     SELECT a, b, round(border_m::numeric, 1)::float8, CASE WHEN border_m >= ? THEN 'border' ELSE 'corner' END
     FROM adjacency_found`,
    [MIN_BORDER_M],
  );
  progress.tick();
  const counts = await trx.raw<{ rows: { kind: string; n: number }[] }>(
    `SELECT kind, count(*)::int AS n FROM comune_adjacency GROUP BY kind`,
  );
  const of = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  return { border: of('border'), corner: of('corner') };
}
