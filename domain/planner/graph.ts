import type { PlanInput, PlanUnit } from './types';

/**
 * The territory as the search sees it: Comuni sorted by code (so that the input's order does not matter),
 * contracted into nodes. A node is one Comune, or a group that must stay whole (a locked group, a connected
 * piece of an association kept under `hard`): contracting such groups before growth is how they stay whole
 * without any rule in the search itself. Every node is connected inside, so an alliance of nodes is
 * contiguous exactly when its nodes are connected in the node graph.
 */
export interface PlanGraph {
  units: PlanUnit[];
  /** Border neighbours of each unit, inside the territory (unit indices, ascending). */
  unitAdj: number[][];
  /** Node of each unit. */
  nodeOf: Int32Array;
  /** Units of each node, ascending. */
  members: number[][];
  /** Residents of each node. */
  pop: Float64Array;
  /** Neighbouring nodes (ascending). */
  adj: number[][];
}

/** Ids of the associations with all their members in the territory. */
export function associationsWhollyInside(input: Pick<PlanInput, 'units' | 'associationSizes'>): Set<string> {
  const count = new Map<string, number>();
  for (const unit of input.units) {
    for (const id of new Set(unit.associations ?? [])) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const inside = new Set<string>();
  for (const [id, n] of count) {
    const size = input.associationSizes?.[id];
    if (size === undefined || size <= n) inside.add(id);
  }
  return inside;
}

export function buildGraph(input: PlanInput): PlanGraph {
  const units = [...input.units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const index = new Map(units.map((u, i) => [u.code, i]));
  const unitAdj = units.map((u, i) => {
    const list = new Set<number>();
    for (const code of input.neighbours(u.code)) {
      const j = index.get(code);
      if (j !== undefined && j !== i) list.add(j);
    }
    return [...list].sort((a, b) => a - b);
  });

  const parent = units.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  for (const group of input.options.locked ?? []) {
    const [first, ...rest] = group.map((code) => index.get(code) as number);
    for (const other of rest) union(first as number, other);
  }
  if (input.options.keepAssociations === 'hard') {
    for (const members of hardGroups(input, units)) {
      for (const part of joinedParts(members, unitAdj)) {
        for (const other of part.slice(1)) union(part[0] as number, other);
      }
    }
  }

  const nodeOfRoot = new Map<number, number>();
  const nodeOf = new Int32Array(units.length);
  const members: number[][] = [];
  for (let i = 0; i < units.length; i++) {
    const root = find(i);
    let node = nodeOfRoot.get(root);
    if (node === undefined) {
      node = members.length;
      nodeOfRoot.set(root, node);
      members.push([]);
    }
    nodeOf[i] = node;
    (members[node] as number[]).push(i);
  }
  const pop = new Float64Array(members.length);
  const adjSets = members.map(() => new Set<number>());
  for (let i = 0; i < units.length; i++) {
    const node = nodeOf[i] as number;
    pop[node] = (pop[node] as number) + (units[i] as PlanUnit).population;
    for (const j of unitAdj[i] as number[]) {
      const other = nodeOf[j] as number;
      if (other !== node) (adjSets[node] as Set<number>).add(other);
    }
  }
  const adj = adjSets.map((s) => [...s].sort((a, b) => a - b));
  return { units, unitAdj, nodeOf, members, pop, adj };
}

/** Members (unit indices) of each association wholly inside the territory. */
function hardGroups(input: PlanInput, units: PlanUnit[]): number[][] {
  const inside = associationsWhollyInside(input);
  const groups = new Map<string, number[]>();
  units.forEach((unit, i) => {
    for (const id of new Set(unit.associations ?? [])) {
      if (!inside.has(id)) continue;
      const list = groups.get(id);
      if (list) list.push(i);
      else groups.set(id, [i]);
    }
  });
  return [...groups.values()];
}

/**
 * An association's members, with the fewest Comuni between its scattered parts added (shortest paths through
 * the borders, part by part), so that it can be kept whole in one contiguous alliance. Parts that no path
 * reaches (another island) stay apart.
 */
function joinedParts(members: readonly number[], adj: readonly (readonly number[])[]): number[][] {
  const parts = connectedParts(members, adj);
  const partOf = new Map<number, number>();
  parts.forEach((part, p) => part.forEach((v) => partOf.set(v, p)));
  const joined: number[][] = [];
  const done = new Set<number>();
  for (let p = 0; p < parts.length; p++) {
    if (done.has(p)) continue;
    done.add(p);
    const group = [...(parts[p] as number[])];
    for (;;) {
      // Breadth-first search from the whole group to the nearest member of a part not yet in it.
      const from = new Map<number, number>(group.map((v) => [v, -1]));
      const queue = [...group];
      let reached = -1;
      for (let k = 0; k < queue.length && reached < 0; k++) {
        for (const w of adj[queue[k] as number] as number[]) {
          if (from.has(w)) continue;
          from.set(w, queue[k] as number);
          if (partOf.has(w) && !done.has(partOf.get(w) as number)) {
            reached = w;
            break;
          }
          queue.push(w);
        }
      }
      if (reached < 0) break;
      const q = partOf.get(reached) as number;
      done.add(q);
      for (let v = from.get(reached) as number; v >= 0 && !partOf.has(v); v = from.get(v) as number) group.push(v);
      group.push(...(parts[q] as number[]));
    }
    joined.push(group);
  }
  return joined;
}

/** Connected parts of a set of vertices, through edges inside the set. */
export function connectedParts(vertices: readonly number[], adj: readonly (readonly number[])[]): number[][] {
  const inSet = new Set(vertices);
  const seen = new Set<number>();
  const parts: number[][] = [];
  for (const start of vertices) {
    if (seen.has(start)) continue;
    seen.add(start);
    const part = [start];
    for (let k = 0; k < part.length; k++) {
      for (const next of adj[part[k] as number] as number[]) {
        if (inSet.has(next) && !seen.has(next)) {
          seen.add(next);
          part.push(next);
        }
      }
    }
    parts.push(part);
  }
  return parts;
}
