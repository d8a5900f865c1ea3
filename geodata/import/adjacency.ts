import type { Knex } from 'knex';
import type { Progress } from '../progress';

/** Largest gap between two boundaries still read as contact, in degrees (≈ 1 m). */
export const CONTACT_TOLERANCE_DEG = 0.00001;
/** A shared boundary shorter than this (metres) is a corner contact, not a border. */
export const MIN_BORDER_M = 5;

const KIND = `CASE WHEN m.border_m >= ? THEN 'border' ELSE 'corner' END`;

/**
 * Recomputes the neighbour pairs of all Comuni in PostGIS, in two set-wide statements (one per
 * province costs twice as much). Touching or overlapping pairs first: the shared length is the common boundary line plus half the perimeter
 * of any overlap sliver. Then pairs separated by a hairline gap (within the tolerance): the
 * length of boundary inside the gap.
 */
export async function writeAdjacency(trx: Knex.Transaction, progress: Progress): Promise<{ border: number; corner: number }> {
  progress.stage('Adiacenze tra comuni', 2);
  await trx.raw(`DELETE FROM comune_adjacency`);
  await trx.raw(
    `INSERT INTO comune_adjacency (a, b, border_m, kind)
     SELECT a.code, b.code, round(m.border_m::numeric, 1)::float8, ${KIND}
     FROM comuni a
     JOIN comuni b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
     CROSS JOIN LATERAL (SELECT ST_Intersection(a.geom, b.geom) AS x) i
     CROSS JOIN LATERAL (
       SELECT coalesce(ST_Length(ST_CollectionExtract(i.x, 2)::geography), 0)
            + coalesce(ST_Perimeter(ST_CollectionExtract(i.x, 3)::geography), 0) / 2 AS border_m
     ) m`,
    [MIN_BORDER_M],
  );
  progress.tick();
  // Gap candidates: bounding boxes within the tolerance, polygons apart. Distances are measured on
  // the parts inside the two boxes' overlap, which is 6× faster than on whole polygons.
  const tol = CONTACT_TOLERANCE_DEG;
  await trx.raw(
    `INSERT INTO comune_adjacency (a, b, border_m, kind)
     SELECT a.code, b.code, round(m.border_m::numeric, 1)::float8, ${KIND}
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
    [MIN_BORDER_M, tol, 2 * tol, 2 * tol, 2 * tol, 2 * tol, 2 * tol, tol],
  );
  progress.tick();
  const counts = await trx.raw<{ rows: { kind: string; n: number }[] }>(
    `SELECT kind, count(*)::int AS n FROM comune_adjacency GROUP BY kind`,
  );
  const of = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  return { border: of('border'), corner: of('corner') };
}
