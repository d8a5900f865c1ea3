import type { Knex } from 'knex';
import type { Progress } from '../progress';

/** Search distance for neighbours, in degrees (≈ 1 m): closes hairline gaps between boundaries. */
export const CONTACT_TOLERANCE_DEG = 0.00001;
/** A shared boundary shorter than this (metres) is a corner contact, not a border. */
export const MIN_BORDER_M = 5;

/**
 * Recomputes the neighbour pairs of all Comuni in PostGIS, one province at a time.
 * The shared length is the length of the common boundary line, plus half the perimeter of any
 * overlap sliver; pairs separated by a hairline gap get the length of boundary inside the gap.
 */
export async function writeAdjacency(trx: Knex.Transaction, progress: Progress): Promise<{ border: number; corner: number }> {
  const provinces = (await trx.raw<{ rows: { code: string }[] }>(`SELECT code FROM provinces ORDER BY code`)).rows;
  progress.stage('Adiacenze tra comuni', provinces.length);
  await trx.raw(`DELETE FROM comune_adjacency`);
  for (const { code } of provinces) {
    await trx.raw(
      `INSERT INTO comune_adjacency (a, b, border_m, kind)
       SELECT a.code, b.code, round(m.border_m::numeric, 1)::float8,
              CASE WHEN m.border_m >= ? THEN 'border' ELSE 'corner' END
       FROM comuni a
       JOIN comuni b ON a.code < b.code AND ST_DWithin(a.geom, b.geom, ?)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN ST_Intersects(a.geom, b.geom) THEN (
                  SELECT coalesce(ST_Length(ST_CollectionExtract(x, 2)::geography), 0)
                       + coalesce(ST_Perimeter(ST_CollectionExtract(x, 3)::geography), 0) / 2
                  FROM (SELECT ST_Intersection(a.geom, b.geom) AS x) i)
                ELSE ST_Length(ST_Intersection(ST_Boundary(a.geom), ST_Buffer(b.geom, ?))::geography)
                END AS border_m
       ) m
       WHERE a.province_code = ?`,
      [MIN_BORDER_M, CONTACT_TOLERANCE_DEG, CONTACT_TOLERANCE_DEG * 2, code],
    );
    progress.tick();
  }
  const counts = await trx.raw<{ rows: { kind: string; n: number }[] }>(
    `SELECT kind, count(*)::int AS n FROM comune_adjacency GROUP BY kind`,
  );
  const of = (kind: string) => counts.rows.find((r) => r.kind === kind)?.n ?? 0;
  return { border: of('border'), corner: of('corner') };
}
