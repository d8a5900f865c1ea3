import type { Polygon } from 'geojson';
import type { Database } from '../../infra/db/database';

/**
 * Longest a lasso query may run on the PostgreSQL engine before it is cancelled (answered 503).
 * The embedded engine cannot cancel a statement: there the drawing is bounded before it is sent
 * (see prepareDrawnArea).
 */
export const WITHIN_TIMEOUT_MS = 2_000;

/**
 * Comuni inside a drawn area: wholly inside, or with at least `minShare` of their own area inside
 * (a lasso drawn by hand never follows a border exactly); with `partialShare` (below `minShare`), also
 * those the area only grazes, with at least that share inside, as `partial` — from the same pass.
 * Self-intersecting drawings are repaired with ST_MakeValid. Areas are compared in degrees², fine for
 * a ratio within one Comune.
 */
export async function comuniWithin(db: Database, polygon: Polygon, minShare: number, partialShare = minShare): Promise<{ codes: string[]; partial: string[] }> {
  const query = db.knex.raw<{ rows: { code: string; inside: boolean }[] }>(
    `WITH area AS (SELECT ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) AS g),
          shares AS (
            SELECT c.code,
                   CASE WHEN ST_CoveredBy(c.geom, area.g) THEN 1
                        ELSE ST_Area(ST_Intersection(c.geom, area.g)) / ST_Area(c.geom) END AS share
            FROM comuni c, area
            WHERE c.geom && area.g AND ST_Intersects(c.geom, area.g))
     SELECT code, share >= ? AS inside FROM shares WHERE share >= ? ORDER BY code`,
    [JSON.stringify(polygon), minShare, Math.min(minShare, partialShare)],
  );
  const { rows } = await (db.engine === 'postgres' ? query.timeout(WITHIN_TIMEOUT_MS, { cancel: true }) : query);
  return { codes: rows.filter((r) => r.inside).map((r) => r.code), partial: rows.filter((r) => !r.inside).map((r) => r.code) };
}
