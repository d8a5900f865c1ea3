import type { NeighbourLookup } from '../../domain/adjacency';
import type { AtlasTable, MembershipTable } from '../../domain/atlas-table';
import type { Plan, PlanOptions, PlanUnit } from '../../domain/planner/types';

/** What the browser's planner reads: the tables the page already has (the builder's border graph), plus each Comune's memberships. */
export interface PlannerTables {
  atlas: AtlasTable;
  neighbours: NeighbourLookup;
  memberships: MembershipTable;
}

/**
 * One plan's input as plain data (it travels to the Worker by structured clone: no functions, the
 * neighbour lookup as lists). The same shape and the same facts as the server's job for POST /api/plans,
 * so that a seed and options give the same plan in the browser and from the API.
 */
export interface PlanJob {
  units: PlanUnit[];
  neighbours: Record<string, string[]>;
  options: Omit<PlanOptions, 'onProgress' | 'now'>;
  associationSizes: Record<string, number>;
}

/** What the Worker answers. */
export type PlanWorkerMessage = { progress: number } | { plan: Plan; elapsedMs: number } | { failure: string };

/** The kinds kept whole or weighed as "already working together". */
const KEPT = new Set(['unione', 'comunita_montana']);

/** The Comuni of a region (2 digits) or province (3 digits), sorted. */
export function areaCodes(atlas: AtlasTable, area: string): string[] {
  const column = area.length === 2 ? atlas.region : atlas.province;
  return atlas.code.filter((_, i) => column[i] === area).sort();
}

/** The planner's input for these Comuni: residents, area, label point, associations, SLL, SNAI and borders among them. */
export function planJob(tables: PlannerTables, codes: readonly string[], options: PlanJob['options']): PlanJob {
  const { atlas, memberships } = tables;
  const rowOf = new Map(atlas.code.map((c, i) => [c, i]));
  const inside = new Set(codes);
  const units: PlanUnit[] = [];
  const neighbours: Record<string, string[]> = {};
  const sizes: Record<string, number> = {};
  for (const code of [...inside].sort()) {
    const i = rowOf.get(code);
    if (i === undefined) continue;
    const refs = (memberships.rows[i] ?? []).map((k) => memberships.associations[k]).filter((a) => a !== undefined);
    const first = (kind: string) => {
      const ref = refs.find((r) => r.kind === kind);
      return ref ? String(ref.id) : null;
    };
    const kept = refs.filter((r) => KEPT.has(r.kind)).map((r) => String(r.id));
    for (const id of kept) sizes[id] = 0;
    units.push({
      code,
      population: atlas.population[i] ?? 0,
      areaKm2: atlas.area[i] ?? 0,
      centroid: [atlas.lon[i] as number, atlas.lat[i] as number],
      associations: kept,
      sll: first('sll'),
      snai: first('snai'),
    });
    neighbours[code] = tables.neighbours(code).filter((c) => inside.has(c));
  }
  // Members in all (inside the territory or not): an association reaching outside is not "wholly inside".
  memberships.rows.forEach((list) => {
    for (const k of list) {
      const id = String(memberships.associations[k]?.id);
      if (id in sizes) sizes[id] = (sizes[id] ?? 0) + 1;
    }
  });
  return { units, neighbours, associationSizes: sizes, options };
}
