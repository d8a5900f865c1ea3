import type { Knex } from 'knex';
import type { ComuneRecord } from '../../domain/api-types';

export type { ComuneRecord };


interface ComuneRow {
  code: string;
  name: string;
  cadastral_code: string | null;
  province_code: string;
  province_name: string;
  province_acronym: string;
  region_code: string;
  region_name: string;
  population: number | null;
  population_year: number | null;
  area_km2: number | null;
  geodesic_area_km2: number;
  density_per_km2: number | null;
  inner_area_class: string | null;
  travel_minutes_to_hub: number | null;
  hub_code: string | null;
  hub_name: string | null;
  lon: number;
  lat: number;
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

export async function findComune(knex: Knex, code: string): Promise<ComuneRecord | null> {
  const result = await knex.raw<{ rows: ComuneRow[] }>(
    `SELECT c.code, c.name, c.cadastral_code, c.province_code, p.name AS province_name, p.acronym AS province_acronym,
            c.region_code, r.name AS region_name, c.population, c.population_year::int AS population_year,
            c.area_km2, c.geodesic_area_km2, c.density_per_km2, c.inner_area_class, c.travel_minutes_to_hub,
            c.hub_code, c.hub_name, ST_X(c.label_point) AS lon, ST_Y(c.label_point) AS lat,
            ST_XMin(c.geom) AS xmin, ST_YMin(c.geom) AS ymin, ST_XMax(c.geom) AS xmax, ST_YMax(c.geom) AS ymax
     FROM comuni c JOIN provinces p ON p.code = c.province_code JOIN regions r ON r.code = c.region_code
     WHERE c.code = ?`,
    [code],
  );
  const r = result.rows[0];
  if (!r) return null;
  return {
    code: r.code,
    name: r.name,
    cadastralCode: r.cadastral_code,
    province: { code: r.province_code, name: r.province_name, acronym: r.province_acronym },
    region: { code: r.region_code, name: r.region_name },
    population: r.population,
    populationYear: r.population_year,
    areaKm2: r.area_km2 ?? round(r.geodesic_area_km2, 4),
    geodesicAreaKm2: round(r.geodesic_area_km2, 4),
    densityPerKm2: r.density_per_km2,
    innerAreaClass: r.inner_area_class,
    travelMinutesToHub: r.travel_minutes_to_hub,
    hub: r.hub_code ? { code: r.hub_code, name: r.hub_name ?? r.hub_code } : null,
    labelPoint: [r.lon, r.lat],
    bbox: [r.xmin, r.ymin, r.xmax, r.ymax],
  };
}


function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** How many Comuni the database holds (the health check's query). */
export async function countComuni(knex: Knex): Promise<number> {
  const count = await knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM comuni`);
  return count.rows[0]?.n ?? 0;
}
