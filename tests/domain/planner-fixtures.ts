/** Small hand-made territories for the planner's tests. */
import { AdjacencyGraph, type NeighbourLookup } from '../../domain/adjacency';
import type { PlanInput, PlanOptions, PlanUnit } from '../../domain/planner';

export const code = (i: number) => String(100000 + i);

/** Units from populations (codes 100000, 100001, …) and border pairs given by index. */
export function territory(
  populations: readonly number[],
  edges: readonly (readonly [number, number])[],
  options: Partial<PlanOptions> = {},
  extra: (i: number) => Partial<PlanUnit> = () => ({}),
): PlanInput {
  return {
    units: populations.map((population, i) => ({ code: code(i), population, ...extra(i) })),
    neighbours: lookup(edges),
    options: { minPopulation: 20_000, keepAssociations: 'off', seed: 7, ...options },
  };
}

export function lookup(edges: readonly (readonly [number, number])[]): NeighbourLookup {
  return new AdjacencyGraph(edges.map(([a, b]) => ({ a: code(a), b: code(b), borderM: 100, kind: 'border' as const }))).neighbours;
}

/** A path 0–1–…–(n−1). */
export function path(n: number): [number, number][] {
  return Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]);
}

/** A w×h grid, row by row. */
export function grid(w: number, h: number): [number, number][] {
  const edges: [number, number][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x + 1 < w) edges.push([y * w + x, y * w + x + 1]);
      if (y + 1 < h) edges.push([y * w + x, (y + 1) * w + x]);
    }
  }
  return edges;
}
