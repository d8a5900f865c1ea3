import type { Knex } from 'knex';
import type { AssociationKind } from '../../domain/associations';
import { COOPERATION_KINDS, PLANNER_KINDS, roundDegrees, roundKm2, type AdjacencyTable, type AtlasTable, type BBox, type MembershipTable, type PlannerKind } from '../../domain/atlas-table';
import { isMountainComune } from '../../domain/mountain';

interface Row {
  code: string;
  name: string;
  province_code: string;
  region_code: string;
  population: number | null;
  population_year: number | null;
  density_per_km2: number | null;
  area_km2: number;
  /** Unioni and Comunità Montane it belongs to, as kind and name (null for none). */
  bodies: { kind: AssociationKind; name: string }[] | null;
  inner_area_class: string | null;
  hub_code: string | null;
  lon: number;
  lat: number;
  associations: number;
}

const round = roundDegrees;

/** Builds the client's attribute table of every Comune, with provinces and regions and their extents. */
export async function readAtlasTable(knex: Knex, dataVersion: number): Promise<AtlasTable> {
  const kinds = COOPERATION_KINDS.map(() => '?').join(', ');
  const rows = (
    await knex.raw<{ rows: Row[] }>(
      `SELECT c.code, c.name, c.province_code, c.region_code, c.population, c.population_year::int AS population_year,
              c.density_per_km2, c.inner_area_class, c.hub_code, ST_X(c.label_point) AS lon, ST_Y(c.label_point) AS lat,
              coalesce(k.n, 0) AS associations, coalesce(c.area_km2, c.geodesic_area_km2) AS area_km2,
              (SELECT json_agg(json_build_object('kind', ca.kind, 'name', ca.name) ORDER BY ca.kind, ca.name)
                 FROM association_members cm JOIN associations ca ON ca.id = cm.association_id
                 WHERE cm.comune_code = c.code AND ca.kind IN ('comunita_montana', 'unione')) AS bodies
       FROM comuni c
       LEFT JOIN (SELECT m.comune_code, count(*)::int AS n
                  FROM association_members m JOIN associations a ON a.id = m.association_id
                  WHERE a.kind IN (${kinds}) GROUP BY m.comune_code) k ON k.comune_code = c.code
       ORDER BY c.code`,
      [...COOPERATION_KINDS],
    )
  ).rows;
  const extents = async (table: 'provinces' | 'regions', extra: string) =>
    (
      await knex.raw<{ rows: { code: string; name: string; acronym?: string; region?: string; xmin: number; ymin: number; xmax: number; ymax: number }[] }>(
        `SELECT code, name${extra}, ST_XMin(geom) AS xmin, ST_YMin(geom) AS ymin, ST_XMax(geom) AS xmax, ST_YMax(geom) AS ymax
         FROM ${table} ORDER BY name`,
      )
    ).rows;
  const bbox = (r: { xmin: number; ymin: number; xmax: number; ymax: number }): BBox =>
    [round(r.xmin), round(r.ymin), round(r.xmax), round(r.ymax)];

  return {
    dataVersion,
    populationYear: rows.find((r) => r.population_year !== null)?.population_year ?? null,
    code: rows.map((r) => r.code),
    name: rows.map((r) => r.name),
    province: rows.map((r) => r.province_code),
    region: rows.map((r) => r.region_code),
    population: rows.map((r) => r.population),
    density: rows.map((r) => r.density_per_km2),
    area: rows.map((r) => roundKm2(r.area_km2)),
    mountain: rows.map((r) => (isMountainComune(r.bodies ?? []) ? 1 : 0)),
    innerAreaClass: rows.map((r) => r.inner_area_class),
    hub: rows.map((r) => r.hub_code),
    lon: rows.map((r) => round(r.lon)),
    lat: rows.map((r) => round(r.lat)),
    associations: rows.map((r) => r.associations),
    unioni: rows.map((r) => r.bodies?.length ?? 0),
    provinces: (await extents('provinces', ', acronym, region_code AS region')).map((r) => ({
      code: r.code,
      name: r.name,
      acronym: r.acronym ?? '',
      region: r.region ?? '',
      bbox: bbox(r),
    })),
    regions: (await extents('regions', '')).map((r) => ({ code: r.code, name: r.name, bbox: bbox(r) })),
  };
}

/** Border pairs as row indices of the atlas table (same ORDER BY code). */
export async function readAdjacencyTable(knex: Knex, dataVersion: number): Promise<AdjacencyTable> {
  const rows = (
    await knex.raw<{ rows: { a: number; b: number }[] }>(
      `WITH idx AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM comuni)
       SELECT ia.i AS a, ib.i AS b FROM comune_adjacency j JOIN idx ia ON ia.code = j.a JOIN idx ib ON ib.code = j.b
       WHERE j.kind = 'border' ORDER BY 1, 2`,
    )
  ).rows;
  return { dataVersion, a: rows.map((r) => r.a), b: rows.map((r) => r.b) };
}

/** The planner's memberships (Unioni, Comunità Montane, SLL, SNAI) by row of the atlas table (same ORDER BY code). */
export async function readMembershipTable(knex: Knex, dataVersion: number): Promise<MembershipTable> {
  const [{ n }] = (await knex.raw<{ rows: { n: number }[] }>('SELECT count(*)::int AS n FROM comuni')).rows as [{ n: number }];
  const rows = (
    await knex.raw<{ rows: { id: number; kind: PlannerKind; name: string; i: number }[] }>(
      `WITH idx AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM comuni)
       SELECT a.id, a.kind, a.name, idx.i FROM association_members m
       JOIN associations a ON a.id = m.association_id JOIN idx ON idx.code = m.comune_code
       WHERE a.kind IN (${PLANNER_KINDS.map(() => '?').join(', ')})
       ORDER BY a.kind, a.name, a.id, idx.i`,
      [...PLANNER_KINDS],
    )
  ).rows;
  const associations: MembershipTable['associations'] = [];
  const byComune: number[][] = Array.from({ length: n }, () => []);
  for (const r of rows) {
    if (associations.at(-1)?.id !== r.id) associations.push({ id: r.id, kind: r.kind, name: r.name });
    byComune[r.i]?.push(associations.length - 1);
  }
  return { dataVersion, associations, rows: byComune };
}
