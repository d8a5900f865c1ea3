import { nodeShapes, ShapeSum, type Shape } from './compactness';
import type { PlanGraph } from './graph';
import type { KeepAssociations } from './types';

/**
 * The soft part of the objective, once the number of alliances is fixed, as one cost (lower is better) in
 * the order of importance: each extra alliance an association spans (under `soft`), then each extra
 * alliance an SLL or a SNAI area spans, then each alliance's lack of compactness (1 − compactness).
 */
export const WEIGHTS = { association: 100, sll: 3, snai: 2, compactness: 1 } as const;

/** Per node: the areas its Comuni belong to, with how many of them; weight of each area. */
export interface AreaFacts {
  weight: number[];
  /** Flat [area, count, area, count, …] per node. */
  ofNode: number[][];
}

export function areaFacts(g: PlanGraph, keep: KeepAssociations): AreaFacts {
  const index = new Map<string, number>();
  const weight: number[] = [];
  const ofNode = g.members.map((units) => {
    const count = new Map<number, number>();
    for (const i of units) {
      const u = g.units[i];
      const keys: [string, number][] = [];
      if (keep === 'soft') for (const id of new Set(u?.associations ?? [])) keys.push([`a:${id}`, WEIGHTS.association]);
      if (u?.sll) keys.push([`s:${u.sll}`, WEIGHTS.sll]);
      if (u?.snai) keys.push([`n:${u.snai}`, WEIGHTS.snai]);
      for (const [key, w] of keys) {
        let a = index.get(key);
        if (a === undefined) {
          a = weight.length;
          index.set(key, a);
          weight.push(w);
        }
        count.set(a, (count.get(a) ?? 0) + 1);
      }
    }
    return [...count].flat();
  });
  return { weight, ofNode };
}

/** The cost of a partition into `regions` regions, kept up to date as nodes move between them. */
export class Objective {
  private readonly counts: Int32Array;
  private readonly sums: ShapeSum[];
  private readonly shapes: Shape[] | null;
  private readonly facts: AreaFacts;
  cost = 0;

  constructor(g: PlanGraph, keep: KeepAssociations, private readonly regionOf: Int32Array, private readonly regions: number) {
    this.facts = areaFacts(g, keep);
    this.shapes = nodeShapes(g);
    this.counts = new Int32Array(this.facts.weight.length * regions);
    this.sums = Array.from({ length: regions }, () => new ShapeSum());
    regionOf.forEach((r, v) => {
      if (r < 0) return;
      const list = this.facts.ofNode[v] as number[];
      for (let k = 0; k < list.length; k += 2) {
        const at = (list[k] as number) * regions + r;
        if (this.counts[at] === 0) this.cost += this.facts.weight[list[k] as number] as number;
        this.counts[at] = (this.counts[at] as number) + (list[k + 1] as number);
      }
      if (this.shapes) (this.sums[r] as ShapeSum).add(this.shapes[v] as Shape, 1);
    });
    if (this.shapes) for (const s of this.sums) this.cost += WEIGHTS.compactness * (1 - s.compactness());
  }

  /** Change in cost were node v to move to region `to`. */
  delta(v: number, to: number): number {
    const from = this.regionOf[v] as number;
    const list = this.facts.ofNode[v] as number[];
    let d = 0;
    for (let k = 0; k < list.length; k += 2) {
      const a = list[k] as number;
      const w = this.facts.weight[a] as number;
      if (this.counts[a * this.regions + from] === list[k + 1]) d -= w;
      if (this.counts[a * this.regions + to] === 0) d += w;
    }
    if (this.shapes) {
      const s = this.shapes[v] as Shape;
      const a = this.sums[from] as ShapeSum;
      const b = this.sums[to] as ShapeSum;
      d += WEIGHTS.compactness * (a.compactness() + b.compactness() - a.compactnessWith(s, -1) - b.compactnessWith(s, 1));
    }
    return d;
  }

  /** Moves node v to region `to` (the caller checks the move keeps the rules). */
  move(v: number, to: number): void {
    const d = this.delta(v, to);
    const from = this.regionOf[v] as number;
    const list = this.facts.ofNode[v] as number[];
    for (let k = 0; k < list.length; k += 2) {
      const a = list[k] as number;
      this.counts[a * this.regions + from] = (this.counts[a * this.regions + from] as number) - (list[k + 1] as number);
      this.counts[a * this.regions + to] = (this.counts[a * this.regions + to] as number) + (list[k + 1] as number);
    }
    if (this.shapes) {
      (this.sums[from] as ShapeSum).add(this.shapes[v] as Shape, -1);
      (this.sums[to] as ShapeSum).add(this.shapes[v] as Shape, 1);
    }
    this.regionOf[v] = to;
    this.cost += d;
  }
}

/**
 * The same cost, region by region: a region costs the weights of the areas it has members of plus its lack
 * of compactness, and a partition costs the sum over its regions (each area costs its weight once for every
 * region it spans). Lets a search compare two ways of cutting a zone without the rest of the plan.
 */
export class RegionCost {
  private readonly facts: AreaFacts;
  private readonly shapes: Shape[] | null;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(g: PlanGraph, keep: KeepAssociations) {
    this.facts = areaFacts(g, keep);
    this.shapes = nodeShapes(g);
    this.seen = new Int32Array(this.facts.weight.length);
  }

  of(nodes: readonly number[]): number {
    const stamp = ++this.stamp;
    let cost = 0;
    const sum = new ShapeSum();
    for (const v of nodes) {
      const list = this.facts.ofNode[v] as number[];
      for (let k = 0; k < list.length; k += 2) {
        const a = list[k] as number;
        if (this.seen[a] !== stamp) {
          this.seen[a] = stamp;
          cost += this.facts.weight[a] as number;
        }
      }
      if (this.shapes) sum.add(this.shapes[v] as Shape, 1);
    }
    return this.shapes ? cost + WEIGHTS.compactness * (1 - sum.compactness()) : cost;
  }
}
