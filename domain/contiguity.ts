import type { NeighbourLookup } from './adjacency';

export interface Contiguity {
  /** True when all members form one connected territory (an empty set is not contiguous). */
  contiguous: boolean;
  /** Connected parts, largest first; each sorted by code. */
  components: string[][];
  /** Members that have no neighbour at all, in or out of the set (islands, exclaves). */
  isolated: string[];
}

/** Splits a set of Comuni into its connected parts through shared borders. */
export function contiguity(members: Iterable<string>, neighbours: NeighbourLookup): Contiguity {
  const set = new Set(members);
  const seen = new Set<string>();
  const components: string[][] = [];
  const isolated: string[] = [];

  for (const start of set) {
    if (neighbours(start).length === 0) isolated.push(start);
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let i = 0; i < part.length; i++) {
      for (const next of neighbours(part[i] as string)) {
        if (set.has(next) && !seen.has(next)) {
          seen.add(next);
          part.push(next);
        }
      }
    }
    components.push(part.sort());
  }

  components.sort((p, q) => q.length - p.length || compare(p[0] as string, q[0] as string));
  return { contiguous: components.length === 1, components, isolated: isolated.sort() };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
