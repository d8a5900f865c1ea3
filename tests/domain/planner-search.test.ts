import { describe, expect, it } from 'vitest';
import { anneal } from '../../domain/planner/anneal';
import { Budget } from '../../domain/planner/budget';
import { buildGraph } from '../../domain/planner/graph';
import { Grower } from '../../domain/planner/grow';
import { mulberry32 } from '../../domain/planner/random';
import { improveCount } from '../../domain/planner/search';
import type { PlanInput } from '../../domain/planner';
import { grid, path, territory } from './planner-fixtures';

const K = 1_000;
const free = () => new Budget({});
const sorted = (regions: number[][]) => regions.map((r) => [...r].sort((a, b) => a - b)).sort((a, b) => (a[0] as number) - (b[0] as number));

describe('anneal', () => {
  // 0–1–2–3 plus 1–3; 2 and 3 share an SLL, 0 and 1 another: moving 2 beside 3 saves a split.
  const input = (pops: number[], edges: [number, number][] = [[0, 1], [1, 2], [2, 3]]): PlanInput =>
    territory(pops.map((p) => p * K), edges, {}, (i) => ({ sll: i < 2 ? 'S0' : 'S1' }));
  const run = (i: PlanInput, regions: number[][], floor = 20 * K, budget = free()) =>
    sorted(anneal(buildGraph(i), 'off', floor, regions, 500, mulberry32(1), budget, () => 0));

  it('moves a Comune to the neighbouring alliance when that splits fewer areas and keeps the rules', () => {
    expect(run(input([10, 10, 5, 20]), [[0, 1, 2], [3]])).toEqual([[0, 1], [2, 3]]);
  });

  it('does not move it when the alliance left would fall below the floor', () => {
    expect(run(input([10, 10, 5, 20]), [[0, 1, 2], [3]], 20.5 * K)).toEqual([[0, 1, 2], [3]]);
  });

  it('does not move it when the alliance left would fall apart', () => {
    // 1 is in S1 like 3, but 0 and 2 hang on 1.
    const i = territory([10, 5, 10, 25].map((p) => p * K), [[0, 1], [1, 2], [1, 3]], {}, (k) => ({ sll: k === 1 || k === 3 ? 'S1' : 'S0' }));
    expect(run(i, [[0, 1, 2], [3]])).toEqual([[0, 1, 2], [3]]);
  });

  it('leaves a single alliance, or a stopped search, as it is', () => {
    expect(run(input([10, 10, 5, 20]), [[0, 1, 2, 3]])).toEqual([[0, 1, 2, 3]]);
    const stopped = new Budget({ timeLimitMs: 0, now: () => 0 });
    expect(run(input([10, 10, 5, 20]), [[0, 1, 2], [3]], 20 * K, stopped)).toEqual([[0, 1, 2], [3]]);
  });
});

describe('improveCount', () => {
  const setup = (n: number) => {
    const g = buildGraph(territory(Array(n).fill(10 * K), path(n)));
    return { g, grower: new Grower(g.adj, g.pop, 20 * K) };
  };

  it('re-cuts zones until a path of six holds three alliances', () => {
    const { g, grower } = setup(6);
    const regions = improveCount(g.adj, g.pop, grower, 20 * K, [[0, 1, 2], [3, 4, 5]], 3, 200, mulberry32(4), free(), () => 0);
    expect(sorted(regions)).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('stops at the bound, or when given no steps', () => {
    const { g, grower } = setup(6);
    const start = [[0, 1, 2], [3, 4, 5]];
    expect(sorted(improveCount(g.adj, g.pop, grower, 20 * K, start, 2, 200, mulberry32(4), free(), () => 0))).toEqual(start);
    expect(sorted(improveCount(g.adj, g.pop, grower, 20 * K, start, 3, 0, mulberry32(4), free(), () => 0))).toEqual(start);
  });

  it('with a cost, keeps the count and takes cheaper cuts even at the bound', () => {
    // A 3×2 grid of 10,000 each: three pairs; the cost prefers vertical pairs (0–3, 1–4, 2–5).
    const g = buildGraph(territory(Array(6).fill(10 * K), grid(3, 2)));
    const grower = new Grower(g.adj, g.pop, 20 * K);
    const cost = (nodes: readonly number[]) => (nodes.length === 2 && Math.abs((nodes[0] as number) - (nodes[1] as number)) === 3 ? 0 : 1);
    const start = [[0, 1], [2, 5], [3, 4]];
    const regions = improveCount(g.adj, g.pop, grower, 20 * K, start, 3, 300, mulberry32(5), free(), () => 0, cost);
    expect(sorted(regions)).toEqual([[0, 3], [1, 4], [2, 5]]);
    // Without the cost it stops at once: three is the bound.
    expect(sorted(improveCount(g.adj, g.pop, grower, 20 * K, start, 3, 300, mulberry32(5), free(), () => 0))).toEqual(start);
  });
});
