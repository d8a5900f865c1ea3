import { describe, expect, it } from 'vitest';
import { associationsWhollyInside, buildGraph } from '../../domain/planner/graph';
import { Grower, Pick } from '../../domain/planner/grow';
import { areaFacts, Objective, RegionCost, WEIGHTS } from '../../domain/planner/objective';
import { mulberry32, randomIndex } from '../../domain/planner/random';
import { code, grid, path, territory } from './planner-fixtures';

describe('buildGraph', () => {
  it('sorts the Comuni by code and keeps only borders inside the territory, once each', () => {
    const input = territory([1, 2, 3], path(3));
    const g = buildGraph({
      ...input,
      units: [...input.units].reverse(),
      neighbours: (c) => (c === code(1) ? [code(2), code(0), code(2), code(1), '999999'] : input.neighbours(c)),
    });
    expect(g.units.map((u) => u.code)).toEqual([code(0), code(1), code(2)]);
    expect(g.unitAdj).toEqual([[1], [0, 2], [1]]);
    expect([...g.nodeOf]).toEqual([0, 1, 2]);
    expect(g.members).toEqual([[0], [1], [2]]);
    expect([...g.pop]).toEqual([1, 2, 3]);
    expect(g.adj).toEqual([[1], [0, 2], [1]]);
  });

  it('contracts a locked group into one node with the residents and borders of its members', () => {
    const g = buildGraph(territory([1, 2, 3, 4], path(4), { locked: [[code(2), code(1)]] }));
    expect(g.members).toEqual([[0], [1, 2], [3]]);
    expect([...g.nodeOf]).toEqual([0, 1, 1, 2]);
    expect([...g.pop]).toEqual([1, 5, 4]);
    expect(g.adj).toEqual([[1], [0, 2], [1]]);
  });

  it('contracts associations wholly inside under hard only, with the Comuni on the shortest path between parts', () => {
    // A 3×2 grid; U1 = {0, 2} joins through 1 (not through 3–4–5); U2 = {4, 5} has a member outside.
    //   0 1 2
    //   3 4 5
    const input = territory([1, 1, 1, 1, 1, 1], grid(3, 2), { keepAssociations: 'hard' }, (i) => ({
      associations: i === 0 || i === 2 ? ['U1', 'U1'] : i >= 4 ? ['U2'] : [],
    }));
    expect(buildGraph({ ...input, associationSizes: { U2: 3 } }).members).toEqual([[0, 1, 2], [3], [4], [5]]);
    expect(buildGraph(input).members).toEqual([[0, 1, 2], [3], [4, 5]]);
    for (const keepAssociations of ['soft', 'off'] as const) {
      expect(buildGraph({ ...input, options: { ...input.options, keepAssociations } }).members).toHaveLength(6);
    }
  });

  it('joins parts of an association across several steps, one part at a time', () => {
    // Path 0–…–6, U1 = {0, 3, 6}: everything joins; U1 = {0, 6} with 3 missing: also everything.
    const input = territory(Array(7).fill(1), path(7), { keepAssociations: 'hard' }, (i) => ({ associations: i % 3 === 0 ? ['U1'] : [] }));
    expect(buildGraph(input).members).toEqual([[0, 1, 2, 3, 4, 5, 6]]);
    const island = territory(Array(5).fill(1), [[0, 1], [3, 4]], { keepAssociations: 'hard' }, (i) => ({ associations: i !== 1 ? ['U1'] : [] }));
    expect(buildGraph(island).members).toEqual([[0], [1], [2], [3, 4]]);
  });
});

describe('associationsWhollyInside', () => {
  it('takes an association with no known size, or no more members than here, as wholly inside', () => {
    const units = [
      { code: 'a', population: 1, associations: ['U1', 'U2', 'U3', 'U1'] },
      { code: 'b', population: 1, associations: ['U2', 'U3'] },
      { code: 'c', population: 1 },
    ];
    expect([...associationsWhollyInside({ units, associationSizes: { U1: 1, U2: 3, U3: 2 } })].sort()).toEqual(['U1', 'U3']);
    expect([...associationsWhollyInside({ units })].sort()).toEqual(['U1', 'U2', 'U3']);
  });
});

describe('the soft objective', () => {
  const input = territory(Array(12).fill(1), grid(4, 3), { keepAssociations: 'soft' }, (i) => ({
    associations: i % 3 === 0 ? ['U1'] : i % 4 === 1 ? ['U2', 'U2'] : [],
    sll: `S${i % 2}`,
    snai: i < 6 ? 'N1' : null,
    centroid: [10 + (i % 4) * 0.1, 45 + Math.floor(i / 4) * 0.1] as const,
    areaKm2: 20 + i,
  }));

  it('weighs each area by kind and counts each Comune of a node once per area', () => {
    const g = buildGraph({ ...input, options: { ...input.options, locked: [[code(0), code(1)]] } });
    const facts = areaFacts(g, 'soft');
    // Node 0 = Comuni 0 (U1, S0, N1) and 1 (U2, S1, N1).
    expect(facts.ofNode[0]).toEqual([0, 1, 1, 1, 2, 2, 3, 1, 4, 1]);
    expect(facts.weight.slice(0, 5)).toEqual([WEIGHTS.association, WEIGHTS.sll, WEIGHTS.snai, WEIGHTS.association, WEIGHTS.sll]);
    expect(areaFacts(g, 'hard').weight).not.toContain(WEIGHTS.association);
    expect(areaFacts(g, 'off').weight).not.toContain(WEIGHTS.association);
  });

  it('keeps its running cost equal to the sum of the regions\u2019 costs through any sequence of moves', () => {
    const g = buildGraph(input);
    const regionOf = Int32Array.from({ length: 12 }, (_, v) => (v % 4 < 2 ? 0 : 1));
    regionOf[11] = 2;
    regionOf[10] = -1;
    const cost = new RegionCost(g, 'soft');
    const total = () => [0, 1, 2].reduce((s, r) => s + cost.of([...regionOf.keys()].filter((v) => regionOf[v] === r)), 0);
    const objective = new Objective(g, 'soft', regionOf, 3);
    expect(objective.cost).toBeCloseTo(total(), 9);
    const random = mulberry32(3);
    for (let k = 0; k < 200; k++) {
      const v = randomIndex(random, 12);
      if (v === 10) continue;
      const to = randomIndex(random, 3);
      if (to === regionOf[v]) continue;
      const before = objective.cost;
      const d = objective.delta(v, to);
      objective.move(v, to);
      expect(regionOf[v]).toBe(to);
      expect(objective.cost).toBeCloseTo(before + d, 9);
      expect(objective.cost).toBeCloseTo(total(), 9);
    }
  });

  it('costs a region its areas\u2019 weights once each plus its lack of compactness', () => {
    const g = buildGraph(input);
    const cost = new RegionCost(g, 'soft');
    // Comune 0: U1, S0, N1; Comune 1 beside it: U2, S1, N1 (N1 counts once).
    const areas = WEIGHTS.association + WEIGHTS.sll + WEIGHTS.snai;
    expect(cost.of([0])).toBeCloseTo(areas, 9);
    expect(cost.of([0, 1])).toBeGreaterThan(areas + WEIGHTS.association + WEIGHTS.sll);
    expect(cost.of([0, 1])).toBeLessThan(areas + WEIGHTS.association + WEIGHTS.sll + 1);
    const flat = new RegionCost(buildGraph({ ...input, units: input.units.map(({ centroid: _, ...u }) => u) }), 'soft');
    expect(flat.of([0, 1])).toBe(areas + WEIGHTS.association + WEIGHTS.sll);
    expect(flat.of([0])).toBe(areas);
  });
});

describe('Grower', () => {
  // Node 0 (1k, the only Comune with one border) – hub 1 (1k) – a 2 (5k), b 3 (15k), c 4 (18k); a–b and b–c border.
  const adj = [[1], [0, 2, 3, 4], [1, 3], [1, 2, 4], [1, 3]];
  const pop = Float64Array.from([1, 1, 5, 15, 18].map((k) => k * 1000));

  it('grows from the most peripheral seed; smallest-first leaves c stranded, best-fit takes it and leaves a–b a region', () => {
    const grower = new Grower(adj, pop, 20_000);
    const zone = [0, 1, 2, 3, 4];
    expect(grower.grow(zone, mulberry32(1), Pick.Smallest, true)).toEqual([[0, 1, 2, 3, 4]]);
    expect(grower.grow(zone, mulberry32(1), Pick.BestFit, true)).toEqual([[0, 1, 4], [2, 3]]);
  });

  it('makes a node at the floor a region of its own and gives an enclave to the region it borders most', () => {
    // 0 (25k) and 2 (25k) alone; 1 (1k) borders 0 once and 2 twice (counted per border listed).
    const grower = new Grower([[1], [0, 2, 2], [1, 1]], Float64Array.from([25_000, 1_000, 25_000]), 20_000);
    expect(grower.grow([0, 1, 2], mulberry32(2), Pick.Smallest, false)).toEqual([[0], [2, 1]]);
    // Equal borders: the smaller region takes it.
    const even = new Grower([[1], [0, 2], [1]], Float64Array.from([30_000, 1_000, 25_000]), 20_000);
    expect(even.grow([0, 1, 2], mulberry32(2), Pick.Smallest, false)).toEqual([[0], [2, 1]]);
  });

  it('leaves out what no region can take and stays inside its zone', () => {
    const grower = new Grower(adj, pop, 20_000);
    expect(grower.grow([2, 3], mulberry32(3), Pick.Smallest, false)).toEqual([[expect.any(Number), expect.any(Number)]]);
    expect(grower.grow([0, 1, 2], mulberry32(3), Pick.Any, false)).toEqual([]);
  });
});
