import type { Knex } from 'knex';
import { foldName } from '../../domain/text';
import type { AttributeTable } from '../read/attributes';
import type { Boundaries } from '../read/boundaries';
import type { Progress } from '../progress';
import { insertBatches } from './batches';
import { GeodataError } from '../errors';

export interface BoundariesReport {
  regions: number;
  provinces: number;
  comuni: number;
  /** Comuni on the map with no population figure (e.g. created after the census). */
  withoutPopulation: string[];
  /** Population rows that match no boundary (Comuni merged or suppressed since 2020). */
  unmatchedPopulationRows: string[];
  /** Geometries that were not valid and were repaired with ST_MakeValid. */
  repairedGeometries: string[];
  /** Comuni present before and absent now (they and their memberships are removed). */
  removedComuni: string[];
}

const GEOMETRY = `ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)`;
const valid = (column: string) => `ST_Multi(ST_CollectionExtract(ST_MakeValid(${column}), 3))`;

/**
 * Writes regions, provinces and Comuni inside the caller's transaction: rows go to staging
 * tables first, then are upserted, so associations of unchanged Comuni survive a re-import.
 */
export async function writeBoundaries(
  trx: Knex.Transaction,
  boundaries: Boundaries,
  table: AttributeTable,
  progress: Progress,
): Promise<BoundariesReport> {
  const { regions, provinces, comuni } = boundaries;
  const attributes = table.byCode;
  progress.stage('Confini: regioni, province, comuni', regions.length + provinces.length + comuni.length);
  const onBatch = (n: number) => progress.tick(n);

  await trx.raw(`CREATE TEMP TABLE staging_regions (code text, name text, geom geometry) ON COMMIT DROP`);
  await trx.raw(`CREATE TEMP TABLE staging_provinces (code text, name text, acronym text, region_code text, geom geometry) ON COMMIT DROP`);
  await trx.raw(`CREATE TEMP TABLE staging_comuni (
    code text, name text, name_search text, cadastral_code text, province_code text, region_code text,
    population integer, population_year smallint, area_km2 double precision, density_per_km2 double precision,
    inner_area_class text, travel_minutes_to_hub double precision, hub_code text, hub_name text, geom geometry
  ) ON COMMIT DROP`);

  await insertBatches(trx, regions, {
    into: 'INSERT INTO staging_regions (code, name, geom)',
    tuple: `(?, ?, ${GEOMETRY})`,
    values: (r) => [r.code, r.name, r.geometry],
    batchSize: 5,
    onBatch,
  });
  await insertBatches(trx, provinces, {
    into: 'INSERT INTO staging_provinces (code, name, acronym, region_code, geom)',
    tuple: `(?, ?, ?, ?, ${GEOMETRY})`,
    values: (p) => [p.code, p.name, p.acronym, p.regionCode, p.geometry],
    batchSize: 50,
    onBatch,
  });
  await insertBatches(trx, comuni, {
    into: `INSERT INTO staging_comuni (code, name, name_search, cadastral_code, province_code, region_code,
      population, population_year, area_km2, density_per_km2, inner_area_class, travel_minutes_to_hub,
      hub_code, hub_name, geom)`,
    tuple: `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${GEOMETRY})`,
    values: (c) => {
      const a = attributes.get(c.code);
      return [
        c.code, c.name, foldName(c.name), c.cadastralCode, c.provinceCode, c.regionCode,
        a?.population ?? null, a?.populationYear ?? null, a?.areaKm2 ?? null, a?.densityPerKm2 ?? null,
        a?.innerAreaClass ?? null, a?.travelMinutesToHub ?? null, a?.hubCode ?? null, a?.hubName ?? null,
        c.geometry,
      ];
    },
    batchSize: 50,
    onBatch,
  });

  for (const table of ['staging_regions', 'staging_provinces', 'staging_comuni']) await trx.raw(`ANALYZE ${table}`);

  const unusable = await codes(trx, `
    SELECT code FROM staging_regions WHERE ST_IsEmpty(${valid('geom')})
    UNION ALL SELECT code FROM staging_provinces WHERE ST_IsEmpty(${valid('geom')})
    UNION ALL SELECT code FROM staging_comuni WHERE ST_IsEmpty(${valid('geom')})`);
  if (unusable.length > 0) {
    throw new GeodataError(
      'Some geometries have no area even after repair; nothing was imported',
      unusable.map((code) => `${code}: geometry without area`),
    );
  }

  const repaired = await codes(trx, `
    SELECT code FROM staging_regions WHERE NOT ST_IsValid(geom)
    UNION ALL SELECT code FROM staging_provinces WHERE NOT ST_IsValid(geom)
    UNION ALL SELECT code FROM staging_comuni WHERE NOT ST_IsValid(geom)`);

  await trx.raw(`INSERT INTO regions (code, name, geom)
    SELECT code, name, ${valid('geom')} FROM staging_regions
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, geom = EXCLUDED.geom`);
  await trx.raw(`INSERT INTO provinces (code, name, acronym, region_code, geom)
    SELECT code, name, acronym, region_code, ${valid('geom')} FROM staging_provinces
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, acronym = EXCLUDED.acronym,
      region_code = EXCLUDED.region_code, geom = EXCLUDED.geom`);
  await trx.raw(`INSERT INTO comuni (code, name, name_search, cadastral_code, province_code, region_code,
      population, population_year, area_km2, geodesic_area_km2, density_per_km2, inner_area_class,
      travel_minutes_to_hub, hub_code, hub_name, geom, label_point)
    SELECT code, name, name_search, cadastral_code, province_code, region_code,
      population, population_year, area_km2, geodesic_km2,
      CASE WHEN population IS NULL THEN NULL
           ELSE round((population / coalesce(area_km2, geodesic_km2))::numeric, 1)::float8 END,
      inner_area_class, travel_minutes_to_hub, hub_code, hub_name, fixed_geom, ST_PointOnSurface(fixed_geom)
    FROM (SELECT s.*, ${valid('s.geom')} AS fixed_geom FROM staging_comuni s) v
    CROSS JOIN LATERAL (SELECT ST_Area(v.fixed_geom::geography) / 1e6 AS geodesic_km2) g
    ON CONFLICT (code) DO UPDATE SET
      name = EXCLUDED.name, name_search = EXCLUDED.name_search, cadastral_code = EXCLUDED.cadastral_code,
      province_code = EXCLUDED.province_code, region_code = EXCLUDED.region_code,
      population = EXCLUDED.population, population_year = EXCLUDED.population_year,
      area_km2 = EXCLUDED.area_km2, geodesic_area_km2 = EXCLUDED.geodesic_area_km2,
      density_per_km2 = EXCLUDED.density_per_km2, inner_area_class = EXCLUDED.inner_area_class,
      travel_minutes_to_hub = EXCLUDED.travel_minutes_to_hub, hub_code = EXCLUDED.hub_code,
      hub_name = EXCLUDED.hub_name, geom = EXCLUDED.geom, label_point = EXCLUDED.label_point`);

  const removedComuni = await codes(trx,
    `DELETE FROM comuni WHERE code NOT IN (SELECT code FROM staging_comuni) RETURNING code`);
  await trx.raw(`DELETE FROM provinces WHERE code NOT IN (SELECT code FROM staging_provinces)`);
  await trx.raw(`DELETE FROM regions WHERE code NOT IN (SELECT code FROM staging_regions)`);

  // Statistics for the adjacency join that follows (a fresh database has none).
  await trx.raw(`ANALYZE comuni`);

  const known = new Set(comuni.map((c) => c.code));
  return {
    regions: regions.length,
    provinces: provinces.length,
    comuni: comuni.length,
    withoutPopulation: comuni.filter((c) => !attributes.has(c.code)).map((c) => c.code),
    unmatchedPopulationRows: [
      ...[...attributes.keys()].filter((code) => !known.has(code)).sort(),
      ...table.withoutCurrentCode,
    ],
    repairedGeometries: repaired,
    removedComuni,
  };
}

async function codes(trx: Knex.Transaction, sql: string): Promise<string[]> {
  const result = await trx.raw<{ rows: { code: string }[] }>(sql);
  return result.rows.map((r) => r.code).sort();
}
