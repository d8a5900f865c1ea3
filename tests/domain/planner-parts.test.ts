import { describe, expect, it } from 'vitest';
import { Budget } from '../../domain/planner/budget';
import { nodeShapes, ShapeSum, type Shape } from '../../domain/planner/compactness';
import { buildGraph } from '../../domain/planner/graph';
import { mulberry32, randomIndex, shuffle } from '../../domain/planner/random';
import { code, territory } from './planner-fixtures';

describe('mulberry32', () => {
  it('repeats the reference sequence for a seed', () => {
    const random = mulberry32(42);
    expect([random(), random(), random()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('draws uniformly in [0, 1), differently for another seed', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
    expect(mulberry32(2 ** 32 + 7)()).toBe(mulberry32(7)());
  });

  it('gives indices in [0, n)', () => {
    const random = mulberry32(1);
    const seen = new Set(Array.from({ length: 500 }, () => randomIndex(random, 5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('shuffle', () => {
  it('permutes in place with one draw per item after the first, every item reaching every place', () => {
    const places = new Map<string, number>();
    for (let seed = 0; seed < 300; seed++) {
      let draws = 0;
      const base = mulberry32(seed);
      const items = [0, 1, 2, 3, 4];
      const result = shuffle(items, () => (draws++, base()));
      expect(result).toBe(items);
      expect([...items].sort()).toEqual([0, 1, 2, 3, 4]);
      expect(draws).toBe(4);
      items.forEach((item, place) => places.set(`${item}@${place}`, (places.get(`${item}@${place}`) ?? 0) + 1));
    }
    expect(places.size).toBe(25);
  });
});

describe('Budget', () => {
  it('never stops without a time limit and does not read the clock for one', () => {
    let reads = 0;
    const budget = new Budget({ now: () => (reads++, 1e15) });
    expect(reads).toBe(0);
    expect(budget.proceed(0.5)).toBe(true);
    expect(budget.stopped).toBe(false);
  });

  it('stops at the deadline, and stays stopped', () => {
    let t = 1000;
    const budget = new Budget({ timeLimitMs: 50, now: () => t });
    t = 1049;
    expect(budget.proceed(0)).toBe(true);
    t = 1050;
    expect(budget.proceed(0)).toBe(false);
    expect(budget.stopped).toBe(true);
    t = 0;
    expect(budget.proceed(0)).toBe(false);
  });

  it('reports progress once per whole per cent, from 0, and stops when told to', () => {
    const seen: number[] = [];
    const budget = new Budget({ onProgress: (d) => void seen.push(d) });
    budget.proceed(0);
    budget.proceed(0.001);
    budget.proceed(0.5);
    budget.proceed(0.501);
    budget.proceed(1.2);
    budget.finish();
    expect(seen).toEqual([0, 0.5, 1, 1]);

    const cancel = new Budget({ onProgress: (d) => d < 0.3 });
    expect(cancel.proceed(0.1)).toBe(true);
    expect(cancel.proceed(0.4)).toBe(false);
    expect(cancel.proceed(0.9)).toBe(false);
    cancel.finish();
    expect(cancel.stopped).toBe(true);
  });

  it('does not report the end of a stopped search', () => {
    const seen: number[] = [];
    const budget = new Budget({ timeLimitMs: 0, now: () => 0, onProgress: (d) => void seen.push(d) });
    expect(budget.proceed(0.2)).toBe(false);
    budget.finish();
    expect(seen).toEqual([]);
  });
});

describe('compactness by moment of inertia', () => {
  const disk = (x: number, y: number, a = Math.PI): Shape => ({ a, x, y, m: (a * a) / (2 * Math.PI) });

  it('is 1 for one disk or nothing, 2/3 for two touching equal disks', () => {
    const sum = new ShapeSum();
    expect(sum.compactness()).toBe(1);
    sum.add(disk(5, 5), 1);
    expect(sum.compactness()).toBeCloseTo(1, 12);
    sum.add(disk(7, 5), 1);
    expect(sum.compactness()).toBeCloseTo(2 / 3, 12);
    expect(sum.shape()).toEqual({ a: 2 * Math.PI, x: 6, y: 5, m: expect.closeTo(3 * Math.PI, 9) });
  });

  it('tells the compactness of a tentative move without making it', () => {
    const sum = new ShapeSum();
    sum.add(disk(0, 0), 1);
    sum.add(disk(0, 2), 1);
    expect(sum.compactnessWith(disk(0, 4), 1)).toBeCloseTo(((9 * Math.PI * Math.PI) / (2 * Math.PI)) / (1.5 * Math.PI + 3 * Math.PI * (8 / 3)), 9);
    expect(sum.compactnessWith(disk(0, 2), -1)).toBeCloseTo(1, 12);
    expect(sum.compactness()).toBeCloseTo(2 / 3, 12);
    sum.add(disk(0, 2), -1);
    sum.add(disk(0, 0), -1);
    expect(sum.compactness()).toBe(1);
  });

  it('places Comuni on a local plane in km from their centroids', () => {
    // Two Comuni of π km² whose centroids are 2 km apart east–west at 45°N: two touching disks.
    const dLon = 2 / (111.32 * Math.cos(Math.PI / 4));
    const input = territory([1, 1], [[0, 1]], {}, (i) => ({ centroid: [10 + i * dLon, 45] as const, areaKm2: Math.PI }));
    const shapes = nodeShapes(buildGraph(input)) as Shape[];
    expect(shapes.map((s) => [s.x, s.y])).toEqual([[expect.closeTo(-1, 9), 0], [expect.closeTo(1, 9), 0]]);
    const north = territory([1, 1], [[0, 1]], {}, (i) => ({ centroid: [10, 45 + (i * 2) / 110.57] as const }));
    const ns = nodeShapes(buildGraph(north)) as Shape[];
    expect(ns.map((s) => [s.x, s.y, s.a])).toEqual([[0, expect.closeTo(-1, 9), 1], [0, expect.closeTo(1, 9), 1]]);
  });

  it('is not measured when a Comune has no centroid', () => {
    const input = territory([1, 1], [[0, 1]], {}, (i) => (i === 0 ? { centroid: [10, 45] as const } : {}));
    expect(nodeShapes(buildGraph(input))).toBeNull();
  });

  it('counts a locked group as one shape: its members\u2019 own moments plus their spread', () => {
    const input = territory([1, 1, 1], [[0, 1], [1, 2]], { locked: [[code(0), code(1)]] }, (i) => ({
      centroid: [10 + (i * 2) / (111.32 * Math.cos(Math.PI / 4)), 45] as const,
      areaKm2: Math.PI,
    }));
    const [pair] = nodeShapes(buildGraph(input)) as Shape[];
    expect(pair?.a).toBeCloseTo(2 * Math.PI, 9);
    expect(pair?.m).toBeCloseTo(3 * Math.PI, 6);
  });
});
