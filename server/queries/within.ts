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
 * (a lasso drawn by hand never follows a border exactly). Self-intersecting drawings are repaired
 * with ST_MakeValid. Areas are compared in degrees², fine for a ratio within one Comune.
 */
export async function comuniWithin(db: Database, polygon: Polygon, minShare: number): Promise<string[]> {
  const query = db.knex.raw<{ rows: { code: string }[] }>(
    `WITH area AS (SELECT ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)) AS g)
     SELECT c.code
     FROM comuni c, area
     WHERE c.geom && area.g
       AND ST_Intersects(c.geom, area.g)
       AND (ST_CoveredBy(c.geom, area.g)
            OR ST_Area(ST_Intersection(c.geom, area.g)) >= ? * ST_Area(c.geom))
     ORDER BY c.code`,
    [JSON.stringify(polygon), minShare],
  );
  const { rows } = await (db.engine === 'postgres' ? query.timeout(WITHIN_TIMEOUT_MS, { cancel: true }) : query);
  return rows.map((r) => r.code);
}
