import { nodeShapes, ShapeSum, type Shape } from './compactness';
import { associationsWhollyInside, type PlanGraph } from './graph';
import type { AllianceExplanation, Plan, PlanInput, PlannedAlliance, PlanUnit, UnassignedReason } from './types';

export interface Unplaced {
  code: string;
  reason: UnassignedReason;
}

/** The plan as the caller sees it: Comuni codes, populations, explanations and the score. */
export function buildPlan(
  input: PlanInput,
  g: PlanGraph,
  regions: readonly (readonly number[])[],
  unassigned: Unplaced[],
  stoppedEarly: boolean,
): Plan {
  const floor = input.options.minPopulation;
  const inside = associationsWhollyInside(input);
  const shapes = nodeShapes(g);
  const groups = regions.map((nodes) => nodes.flatMap((n) => g.members[n] as number[]).map((i) => g.units[i] as PlanUnit));
  groups.forEach((units) => units.sort((a, b) => compare(a.code, b.code)));
  const order = groups.map((_, i) => i).sort((i, j) => compare(first(groups[i] as PlanUnit[]), first(groups[j] as PlanUnit[])));

  // Which alliance(s) each association, SLL and SNAI area has members in.
  const spread = (key: (u: PlanUnit) => readonly string[]) => {
    const where = new Map<string, Set<number>>();
    groups.forEach((units, r) => {
      for (const u of units) {
        for (const id of key(u)) where.set(id, (where.get(id) ?? new Set<number>()).add(r));
      }
    });
    return where;
  };
  const assocSpread = spread((u) => [...new Set(u.associations ?? [])]);
  const sllSpread = spread((u) => (u.sll ? [u.sll] : []));
  const snaiSpread = spread((u) => (u.snai ? [u.snai] : []));
  const unassignedAssoc = new Set(unassigned.flatMap((x) => [...(g.units.find((u) => u.code === x.code)?.associations ?? [])]));
  const isSplit = (id: string) => (assocSpread.get(id)?.size ?? 0) + (unassignedAssoc.has(id) ? 1 : 0) > 1;

  const alliances: PlannedAlliance[] = order.map((r) => {
    const units = groups[r] as PlanUnit[];
    const population = units.reduce((s, u) => s + u.population, 0);
    const ids = [...new Set(units.flatMap((u) => u.associations ?? []))].sort(compare);
    const explanation: AllianceExplanation = {
      associationsKept: ids.filter((id) => inside.has(id) && !isSplit(id)),
      associationsSplit: ids.filter((id) => isSplit(id)),
      mainSll: mostShared(units.map((u) => u.sll)),
      mainSnai: renameCode(mostShared(units.map((u) => u.snai))),
      marginOverFloor: population - floor,
    };
    return { members: units.map((u) => u.code), population, explanation };
  });

  const total = g.units.reduce((s, u) => s + u.population, 0);
  const countSplit = (where: Map<string, Set<number>>) => [...where.values()].filter((s) => s.size > 1).length;
  return {
    alliances,
    unassigned: [...unassigned].sort((a, b) => compare(a.code, b.code)),
    score: {
      alliances: alliances.length,
      upperBound: Math.floor(total / floor),
      associationsSplit: [...inside].filter(isSplit).length,
      sllSplit: countSplit(sllSpread),
      snaiSplit: countSplit(snaiSpread),
      compactness: shapes ? meanCompactness(regions, shapes) : 0,
    },
    seed: input.options.seed,
    stoppedEarly,
  };
}

function meanCompactness(regions: readonly (readonly number[])[], shapes: Shape[]): number {
  if (regions.length === 0) return 0;
  let sum = 0;
  for (const nodes of regions) {
    const s = new ShapeSum();
    for (const n of nodes) s.add(shapes[n] as Shape, 1);
    sum += s.compactness();
  }
  return sum / regions.length;
}

/** The value most members share (ties: the smallest), with how many share it; null when none has one. */
function mostShared(values: readonly (string | null | undefined)[]): { code: string; members: number } | null {
  const count = new Map<string, number>();
  for (const v of values) if (v) count.set(v, (count.get(v) ?? 0) + 1);
  let best: { code: string; members: number } | null = null;
  for (const [code, members] of count) {
    if (!best || members > best.members || (members === best.members && code < best.code)) best = { code, members };
  }
  return best;
}

function renameCode(x: { code: string; members: number } | null): { id: string; members: number } | null {
  return x && { id: x.code, members: x.members };
}

/** The first member's code (an alliance is never empty). */
function first(units: PlanUnit[]): string {
  return (units[0] as PlanUnit).code;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
