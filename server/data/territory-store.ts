import type { Knex } from 'knex';
import { AdjacencyGraph, type AdjacencyKind } from '../../domain/adjacency';
import type { AssociationKind, AssociationRef } from '../../domain/associations';
import { mountainBasis } from '../../domain/mountain';
import type { ComuneFacts } from '../../domain/territory';

/**
 * The compact tables the domain functions work on, loaded once per data version:
 * facts per Comune, the neighbour graph and association memberships.
 */
export interface TerritoryTables {
  facts: Map<string, ComuneFacts>;
  graph: AdjacencyGraph;
  memberships: Map<string, AssociationRef[]>;
  provinceNames: Map<string, string>;
  regionNames: Map<string, string>;
  /** ISTAT code of each Comune's aree-interne service hub (polo), where known. */
  hubs: Map<string, string>;
  /** A point inside each Comune [lon, lat] (its label point), for the planner's compactness and spread. */
  labelPoints: Map<string, readonly [number, number]>;
}

/** The mountain thresholds apply to it (see domain/mountain): member of a Comunità Montana or an Unione montana. */
export function isMountain(tables: Pick<TerritoryTables, 'memberships'>, code: string): boolean {
  return mountainBasis(tables.memberships.get(code) ?? []) !== null;
}

export async function loadTerritoryTables(knex: Knex): Promise<TerritoryTables> {
  const comuni = await knex.raw<{
    rows: {
      code: string; name: string; province_code: string; region_code: string; population: number | null; area_km2: number; hub_code: string | null;
      lon: number | null; lat: number | null;
    }[];
  }>(`SELECT code, name, province_code, region_code, population, hub_code,
            coalesce(area_km2, geodesic_area_km2) AS area_km2, ST_X(label_point) AS lon, ST_Y(label_point) AS lat
      FROM comuni`);
  const facts = new Map<string, ComuneFacts>();
  const hubs = new Map<string, string>();
  const labelPoints = new Map<string, readonly [number, number]>();
  for (const r of comuni.rows) {
    if (r.hub_code) hubs.set(r.code, r.hub_code);
    if (r.lon !== null && r.lat !== null) labelPoints.set(r.code, [r.lon, r.lat]);
    facts.set(r.code, {
      code: r.code,
      name: r.name,
      provinceCode: r.province_code,
      regionCode: r.region_code,
      population: r.population,
      areaKm2: r.area_km2,
    });
  }

  const pairs = await knex.raw<{ rows: { a: string; b: string; border_m: number; kind: AdjacencyKind }[] }>(
    `SELECT a, b, border_m, kind FROM comune_adjacency`,
  );
  const graph = new AdjacencyGraph(pairs.rows.map((r) => ({ a: r.a, b: r.b, borderM: r.border_m, kind: r.kind })));

  const members = await knex.raw<{ rows: { comune_code: string; id: number; kind: AssociationKind; name: string }[] }>(
    `SELECT m.comune_code, a.id, a.kind, a.name
     FROM association_members m JOIN associations a ON a.id = m.association_id
     ORDER BY a.kind, a.name, a.id`,
  );
  const memberships = new Map<string, AssociationRef[]>();
  for (const r of members.rows) {
    const ref = { id: r.id, kind: r.kind, name: r.name };
    const list = memberships.get(r.comune_code);
    if (list) list.push(ref);
    else memberships.set(r.comune_code, [ref]);
  }
  const names = async (table: 'provinces' | 'regions') => {
    const result = await knex.raw<{ rows: { code: string; name: string }[] }>(`SELECT code, name FROM ${table}`);
    return new Map(result.rows.map((r) => [r.code, r.name]));
  };
  return { facts, graph, memberships, provinceNames: await names('provinces'), regionNames: await names('regions'), hubs, labelPoints };
}
