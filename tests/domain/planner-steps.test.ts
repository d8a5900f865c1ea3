/**
 * The planner's search steps, one at a time, on hand-made graphs with a scripted random source and (where the
 * growth itself is not under test) a scripted grower, so that every draw and every result is known.
 */
import { describe, expect, it } from 'vitest';
import { anneal } from '../../domain/planner/anneal';
import { Budget } from '../../domain/planner/budget';
import { buildGraph } from '../../domain/planner/graph';
import { Grower, Pick } from '../../domain/planner/grow';
import type { Random } from '../../domain/planner/random';
import { construct, improveCount, pieceBound } from '../../domain/planner/search';
import { grid, path, territory } from './planner-fixtures';

/** A random source that returns the given draws in order, and fails the test if asked for more. */
function script(...draws: number[]): Random & { left: () => number } {
  let k = 0;
  const next = () => {
    if (k >= draws.length) throw new Error(`scripted random: draw ${k + 1} of ${draws.length}`);
    return draws[k++] as number;
  };
  return Object.assign(next, { left: () => draws.length - k });
}

interface GrowCall {
  zone: number[];
  pick: Pick;
  peripheryFirst: boolean;
}

/** A grower that records its calls and answers from a script (the last answer repeats). */
function scriptedGrower(...answers: number[][][]): { grower: Grower; calls: GrowCall[] } {
  const calls: GrowCall[] = [];
  const grower = {
    grow: (zone: readonly number[], _random: Random, pick: Pick, peripheryFirst: boolean) => {
      calls.push({ zone: [...zone], pick, peripheryFirst });
      return (answers[Math.min(calls.length - 1, answers.length - 1)] as number[][]).map((r) => [...r]);
    },
  } as unknown as Grower;
  return { grower, calls };
}

const free = () => new Budget({});

describe('pieceBound', () => {
  it('counts the residents of the given nodes only, over the floor, rounded down', () => {
    const pop = Float64Array.from([5, 7, 9, 100]);
    expect(pieceBound(pop, [0, 2], 4)).toBe(3);
    expect(pieceBound(pop, [0, 1, 2], 7)).toBe(3);
    expect(pieceBound(pop, [0], 6)).toBe(0);
    expect(pieceBound(pop, [], 1)).toBe(0);
  });
});

describe('construct', () => {
  it('cycles the picks, periphery-first every other round of four, and keeps the first of the most regions', () => {
    const one = [[0]];
    const two = [[0], [1]];
    const twoAgain = [[1], [0]];
    const { grower, calls } = scriptedGrower(one, two, [], twoAgain, one, one, one, one, one, one);
    const seen: number[] = [];
    const result = construct(grower, [0, 1], 3, 10, script(), free(), (t) => (seen.push(t), 0));
    expect(result).toEqual(two);
    expect(calls.map((c) => [c.pick, c.peripheryFirst])).toEqual([
      [Pick.Smallest, false],
      [Pick.BestFit, false],
      [Pick.MostLinked, false],
      [Pick.Any, false],
      [Pick.Smallest, true],
      [Pick.BestFit, true],
      [Pick.MostLinked, true],
      [Pick.Any, true],
      [Pick.Smallest, false],
      [Pick.BestFit, false],
    ]);
    expect(calls.every((c) => c.zone.join() === '0,1')).toBe(true);
    expect(seen).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('stops as soon as a construction reaches the bound', () => {
    const { grower, calls } = scriptedGrower([[0]], [[0], [1]], [[0], [1], [2]]);
    expect(construct(grower, [0, 1, 2], 2, 10, script(), free(), () => 0)).toEqual([[0], [1]]);
    expect(calls).toHaveLength(2);
  });

  it('always runs the first construction, then stops when the budget does', () => {
    const stopped = new Budget({ timeLimitMs: 0, now: () => 0 });
    const { grower, calls } = scriptedGrower([[0]], [[0], [1]]);
    expect(construct(grower, [0, 1], 5, 10, script(), stopped, () => 0)).toEqual([[0]]);
    expect(calls).toHaveLength(1);
    let asked = 0;
    const three = new Budget({ onProgress: () => ++asked < 3 });
    const counted = scriptedGrower([[0]]);
    construct(counted.grower, [0, 1], 5, 10, script(), three, (t) => t);
    expect(counted.calls).toHaveLength(3);
  });

  it('returns no regions when no try finds any, and with no tries', () => {
    const { grower } = scriptedGrower([]);
    expect(construct(grower, [0, 1], 1, 3, script(), free(), () => 0)).toEqual([]);
    expect(construct(grower, [0, 1], 1, 0, script(), free(), () => 0)).toEqual([]);
  });
});

describe('improveCount, draw by draw', () => {
  // A path 0–1–2–3–4–5–6 cut into R0 = {0, 1}, R1 = {2, 3}, R2 = {4} (one node: slack −1), R3 = {5, 6}; floor 20.
  const adj = [[1], [0, 2], [1, 3], [2, 4], [3, 5], [4, 6], [5]];
  const start = () => [[0, 1], [2, 3], [4], [5, 6]];
  const FLOOR = 20;
  const run = (pops: number[], grower: Grower, random: Random, iterations = 1, costOf?: (nodes: readonly number[]) => number) =>
    improveCount(adj, Float64Array.from(pops), grower, FLOOR, start(), 10, iterations, random, free(), () => 0, costOf);

  it('zones the fuller of two drawn regions, stops adding neighbours once they could hold one more, keeps a split', () => {
    // Slacks: R0 0, R1 25, R2 −1, R3 2. Draws R2 then R1: R1 has more to spare. Targeted: R1's 25 over the floor
    // is already enough, so the zone is R1 alone; the second growth splits it and is kept.
    const { grower, calls } = scriptedGrower([[2, 3]], [[2], [3]]);
    const random = script(0.6, 0.3, 0.4, 0.7, 0.2);
    expect(run([10, 10, 30, 15, 25, 12, 10], grower, random)).toEqual([[0, 1], [5, 6], [4], [2], [3]]);
    expect(calls).toEqual([
      { zone: [2, 3], pick: Pick.BestFit, peripheryFirst: false },
      { zone: [2, 3], pick: Pick.MostLinked, peripheryFirst: true },
    ]);
    expect(random.left()).toBe(0);
  });

  it('targeted, adds the neighbour with most to spare until the zone could hold one more region; a sideways cut is kept', () => {
    // Slacks: R0 18, R1 2, R2 −1, R3 2. Draws R1 twice; R0 (18) beats R2 (−1), and 2 + 18 reaches the floor.
    const { grower, calls } = scriptedGrower([[0, 1], [2, 3]], [[0], [1, 2, 3]]);
    const random = script(0.3, 0.3, 0.1, 0.9, 0.9);
    expect(run([20, 18, 10, 12, 30, 12, 10], grower, random)).toEqual([[4], [5, 6], [0, 1], [2, 3]]);
    expect(calls.map((c) => c.zone)).toEqual([[2, 3, 0, 1], [2, 3, 0, 1]]);
    expect(calls.map((c) => c.peripheryFirst)).toEqual([false, false]);
  });

  it('targeted, keeps adding the fullest neighbour (the first on a tie) up to four regions while short of the floor', () => {
    // Slacks: R0 5, R1 2, R2 −1, R3 2. From R1: R0 (5 > −1), then R2, then R3: 2 + 5 + 0 + 2 < 20.
    const { grower, calls } = scriptedGrower([[0, 1, 2, 3, 4, 5, 6]]);
    const random = script(0.3, 0.3, 0.1, 0.9, 0.9);
    expect(run([10, 15, 10, 12, 30, 12, 10], grower, random)).toEqual(start());
    expect(calls.map((c) => c.zone)).toEqual([[2, 3, 0, 1, 4, 5, 6], [2, 3, 0, 1, 4, 5, 6]]);
  });

  it('untargeted, draws the zone\u2019s size and its neighbours; rejects a cut that leaves nodes out or has fewer regions', () => {
    // Draws R1 then R2: R1 (slack 25) ≥ R2 (−1). Not targeted (0.9); size 1 + ⌊0.7·3⌋ = 3; neighbours in
    // ascending order [R0, R2] → R2 (0.6), then [R0, R3] → R0 (0.1).
    const { grower, calls } = scriptedGrower([[2, 3], [4]], [[0, 1, 2], [3, 4]]);
    const random = script(0.3, 0.6, 0.5, 0.7, 0.6, 0.1, 0.5, 0.49);
    expect(run([10, 10, 30, 15, 25, 12, 10], grower, random)).toEqual(start());
    // A cut with as many regions that leaves a node out is no cut either; nor two that leave nodes out.
    const partial = scriptedGrower([[0, 1], [2], [3]], [[0, 1, 2], [3, 4]]);
    expect(run([10, 10, 30, 15, 25, 12, 10], partial.grower, script(0.3, 0.6, 0.5, 0.7, 0.6, 0.1, 0.5, 0.49))).toEqual(start());
    const none = scriptedGrower([[0, 1], [2], [3]]);
    expect(run([10, 10, 30, 15, 25, 12, 10], none.grower, script(0.3, 0.6, 0.5, 0.7, 0.6, 0.1, 0.5, 0.49))).toEqual(start());
    expect(calls).toEqual([
      { zone: [2, 3, 4, 0, 1], pick: Pick.BestFit, peripheryFirst: false },
      { zone: [2, 3, 4, 0, 1], pick: Pick.MostLinked, peripheryFirst: true },
    ]);
    expect(random.left()).toBe(0);
  });

  it('untargeted, keeps the first of two cuts with as many regions, and takes it as a sideways step', () => {
    const { grower } = scriptedGrower([[0, 1], [2], [3, 4]], [[0], [1, 2], [3, 4]]);
    const random = script(0.3, 0.6, 0.9, 0.7, 0.6, 0.1, 0.5, 0.49);
    expect(run([10, 10, 30, 15, 25, 12, 10], grower, random)).toEqual([[5, 6], [0, 1], [2], [3, 4]]);
  });

  it('takes a region of one node as the emptiest in the tournament', () => {
    // R2 = {4} (one node) drawn against R0 (20, slack 0): R0; size 1.
    const { grower, calls } = scriptedGrower([[0, 1]]);
    run([10, 10, 30, 15, 25, 12, 10], grower, script(0.6, 0.1, 0.9, 0.1, 0.9, 0.9));
    expect(calls.map((c) => c.zone)).toEqual([[0, 1], [0, 1]]);
  });

  it('offers the neighbouring regions in ascending order, and targeted takes the fullest, the first on a tie', () => {
    // R0 = {5, 6}, R1 = {0, 1}, R2 = {2, 3}, R3 = {4}: 4 meets R2 (through 3) before R0 (through 5).
    const regions = () => [[5, 6], [0, 1], [2, 3], [4]];
    const go = (pops: number[], ...draws: number[]) => {
      const { grower, calls } = scriptedGrower([[0]]);
      const random = script(...draws);
      improveCount(adj, Float64Array.from(pops), grower, FLOOR, regions(), 10, 1, random, free(), () => 0);
      expect(random.left()).toBe(0);
      return (calls[0] as GrowCall).zone;
    };
    // Untargeted, size 2, the first of [R0, R2].
    expect(go([10, 10, 12, 13, 25, 11, 11], 0.9, 0.9, 0.9, 0.4, 0.1, 0.9, 0.9)).toEqual([4, 5, 6]);
    // Targeted: R2 (slack 5) before R0 (2), then R0 (2) before R1 (0).
    expect(go([10, 10, 12, 13, 25, 11, 11], 0.9, 0.9, 0.1, 0.9, 0.9)).toEqual([4, 2, 3, 5, 6, 0, 1]);
    // Targeted, R0 and R2 both at slack 2: R0 first.
    expect(go([10, 10, 11, 11, 25, 11, 11], 0.9, 0.9, 0.1, 0.9, 0.9)).toEqual([4, 5, 6, 2, 3, 0, 1]);
  });

  it('takes a tie of the tournament as the first region drawn', () => {
    // R1 and R3 both have slack 2; drawn R3 then R1, the zone starts from R3 (size 1).
    const { grower, calls } = scriptedGrower([[5, 6]]);
    const random = script(0.8, 0.3, 0.9, 0.1, 0.9, 0.9);
    run([20, 25, 10, 12, 30, 12, 10], grower, random);
    expect(calls.map((c) => c.zone)).toEqual([[5, 6], [5, 6]]);
  });

  it('reports its progress per iteration and stops at the bound, or when the budget does', () => {
    // The first split reaches the bound of five: no second iteration (the script would run dry).
    const { grower, calls } = scriptedGrower([[2, 3]], [[2], [3]]);
    const seen: number[] = [];
    const regions = improveCount(adj, Float64Array.from([10, 10, 30, 15, 25, 12, 10]), grower, FLOOR, start(), 5, 4, script(0.6, 0.3, 0.4, 0.7, 0.2), free(), (t) => (seen.push(t), 0));
    expect(regions).toHaveLength(5);
    expect(seen).toEqual([0]);
    expect(calls).toHaveLength(2);
    // Bound six: the second iteration is asked for, at a quarter of the way (and refused by the budget).
    let asked = 0;
    const budget = new Budget({ onProgress: () => ++asked < 2 });
    const again = scriptedGrower([[2, 3]], [[2], [3]]);
    const progress: number[] = [];
    improveCount(adj, Float64Array.from([10, 10, 30, 15, 25, 12, 10]), again.grower, FLOOR, start(), 6, 4, script(0.6, 0.3, 0.4, 0.7, 0.2), budget, (t) => (progress.push(t), t));
    expect(progress).toEqual([0, 0.25]);
    expect(again.calls).toHaveLength(2);
  });

  it('skips Comuni in no region when it looks for neighbours, and takes region 0 as one', () => {
    // R0 = {0, 1}, R1 = {5, 6}, R2 = {2, 3}; 4 is in no region. From R2 (drawn twice), untargeted, size 2: the
    // only neighbour is R0 (not R1 through 4, nor "no region"), drawn with 0.1 from [R0].
    const { grower, calls } = scriptedGrower([[0, 1, 2, 3]]);
    const regions = [[0, 1], [5, 6], [2, 3]];
    const random = script(0.9, 0.9, 0.9, 0.5, 0.1, 0.9, 0.9);
    improveCount(adj, Float64Array.from([10, 10, 30, 15, 25, 12, 10]), grower, FLOOR, regions, 10, 1, random, free(), () => 0);
    expect(calls.map((c) => c.zone)).toEqual([[2, 3, 0, 1], [2, 3, 0, 1]]);
    expect(random.left()).toBe(0);
    // Drawn with 0.9 from [R0]: still R0.
    const again = scriptedGrower([[0, 1, 2, 3]]);
    improveCount(adj, Float64Array.from([10, 10, 30, 15, 25, 12, 10]), again.grower, FLOOR, regions, 10, 1, script(0.9, 0.9, 0.9, 0.5, 0.9, 0.9, 0.9), free(), () => 0);
    expect(again.calls.map((c) => c.zone)).toEqual([[2, 3, 0, 1], [2, 3, 0, 1]]);
  });

  it('with a cost: takes a cut with more regions even when it costs more', () => {
    const cost = (nodes: readonly number[]) => (nodes.length === 1 ? 50 : 1);
    const { grower } = scriptedGrower([[4], [5], [6]]);
    const random = script(0.8, 0.3, 0.3, 0.99, 0.1, 0.9);
    expect(run([10, 10, 30, 15, 25, 12, 10], grower, random, 1, cost)).toEqual([[0, 1], [2, 3], [4], [5], [6]]);
  });

  it('with a cost: zones the first region drawn, sizes up to four, keeps a cut that costs no more, not one with fewer regions', () => {
    // Draws R3 then R1 (more slack, but with a cost the first is taken); no targeting draw; size 1 + ⌊0.3·4⌋ = 2;
    // the only neighbour R2. Old cost: {5, 6} 1 + {4} 5 = 6. First cut {4, 5} 1 + {6} 5 = 6: as costly, kept.
    // Second cut, one region of cost 0: fewer regions, ignored.
    const costs: Record<string, number> = { '5,6': 1, '4': 5, '4,5': 1, '6': 5, '4,5,6': 0 };
    const cost = (nodes: readonly number[]) => costs[[...nodes].sort().join()] ?? 99;
    const { grower, calls } = scriptedGrower([[4, 5], [6]], [[4, 5, 6]]);
    const random = script(0.8, 0.3, 0.3, 0.99, 0.1, 0.9);
    expect(run([10, 10, 30, 15, 25, 12, 10], grower, random, 1, cost)).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
    expect(calls.map((c) => [c.zone, c.peripheryFirst])).toEqual([[[5, 6, 4], true], [[5, 6, 4], false]]);
    expect(random.left()).toBe(0);
  });

  it('with a cost: takes the cheaper of two cuts, and refuses a cut that costs more than the zone now', () => {
    const costs: Record<string, number> = { '5,6': 1, '4': 5, '4,5': 1, '6': 4, '4,6': 9, '5': 9 };
    const cost = (nodes: readonly number[]) => costs[[...nodes].sort().join()] ?? 99;
    // Cheaper second cut ({4, 5} + {6} = 5 < 6): taken.
    const cheaper = scriptedGrower([[5, 6], [4]], [[4, 5], [6]]);
    expect(run([10, 10, 30, 15, 25, 12, 10], cheaper.grower, script(0.8, 0.3, 0.3, 0.99, 0.1, 0.9), 1, cost)).toEqual([[0, 1], [2, 3], [4, 5], [6]]);
    // Dearer ({4, 6} + {5} = 18 > 6): refused.
    const dearer = scriptedGrower([[4, 6], [5]]);
    expect(run([10, 10, 30, 15, 25, 12, 10], dearer.grower, script(0.8, 0.3, 0.3, 0.99, 0.1, 0.9), 1, cost)).toEqual(start());
  });
});

describe('anneal, draw by draw', () => {
  // Path 0–1–2–3 (+ node 4 beyond 3 in some cases); 0 and 1 in SLL A, 2 and 3 (and 4) in SLL B: each extra
  // alliance an SLL spans costs 3. Populations 10, 10, 5, 20, 30; floor 20.
  const graph = (n = 4, sll = true) =>
    buildGraph(territory([10, 10, 5, 20, 30].slice(0, n), path(n), {}, (i) => ({ sll: sll ? (i < 2 ? 'A' : 'B') : null })));
  const run = (regions: number[][], steps: number, random: Random, g = graph(), progress: (t: number) => number = () => 0) =>
    anneal(g, 'off', 20, regions, steps, random, free(), progress);

  it('makes a move that saves a split, down to exactly the floor, even when the Comune heads its alliance\u2019s list', () => {
    // Draws: node ⌊0.6·4⌋ = 2, its neighbour ⌊0.9·2⌋ → 3 (the other alliance); cost 9 → 6, no acceptance draw.
    const random = script(0.6, 0.9);
    expect(run([[0, 1, 2], [3]], 1, random)).toEqual([[0, 1], [2, 3]]);
    // Listed first, node 2 is drawn as ⌊0.1·4⌋ = 0.
    expect(run([[2, 1, 0], [3]], 1, script(0.1, 0.9))).toEqual([[0, 1], [2, 3]]);
    expect(random.left()).toBe(0);
  });

  it('keeps a moved Comune where it is for seven steps', () => {
    // Step 0 moves 2; steps 1–6 draw 2 again (tabu: one draw each); step 7 may move it back (uphill, refused cold).
    const random = script(0.6, 0.9, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.1, 0.5);
    expect(run([[0, 1, 2], [3]], 8, random)).toEqual([[0, 1], [2, 3]]);
    expect(random.left()).toBe(0);
  });

  it('accepts a move that costs 3 at the start\u2019s temperature 2 when the draw is under e^−1.5, and returns the best seen', () => {
    const accepted = script(0.6, 0.1, 0.2, 0.6);
    expect(run([[0, 1], [2, 3]], 2, accepted)).toEqual([[0, 1], [2, 3]]);
    expect(accepted.left()).toBe(0); // step 1 drew 2 again: tabu, so the move was made
    // Refused (a draw of exactly e^−1.5): at step 1 of 2 (temperature 2·(0.01/2)^½ ≈ 0.141) 1e-6 refuses it again.
    const refused = script(0.6, 0.1, Math.exp(-1.5), 0.6, 0.1, 1e-6);
    expect(run([[0, 1], [2, 3]], 2, refused)).toEqual([[0, 1], [2, 3]]);
    expect(refused.left()).toBe(0);
  });

  it('cools geometrically: at step 1 of 4 (temperature ≈ 0.532) a cost of 3 passes under e^−5.64 ≈ 0.00355 only', () => {
    // Step 0: node 3, neighbour 2 in its own alliance (no move). Step 1: node 2 to alliance 0, cost +3.
    // Accepted: step 2 draws 2 (tabu), step 3 node 0 (neighbour in its own alliance).
    const accepted = script(0.99, 0, 0.6, 0.1, 0.003, 0.6, 0.1, 0);
    expect(run([[0, 1], [2, 3]], 4, accepted)).toEqual([[0, 1], [2, 3]]);
    expect(accepted.left()).toBe(0);
    // Refused: step 2 tries again at ≈ 0.141 (refused), step 3 as above.
    const refused = script(0.99, 0, 0.6, 0.1, 0.004, 0.6, 0.1, 0.5, 0.1, 0);
    expect(run([[0, 1], [2, 3]], 4, refused)).toEqual([[0, 1], [2, 3]]);
    expect(refused.left()).toBe(0);
  });

  it('does not move a Comune towards a neighbour in its own alliance', () => {
    // Step 0: node 2 and its neighbour 1 (same alliance): nothing, and 2 is not kept still. Step 1: 2 joins 3.
    const random = script(0.6, 0.1, 0.6, 0.9);
    expect(run([[0, 1, 2], [3]], 2, random)).toEqual([[0, 1], [2, 3]]);
    expect(random.left()).toBe(0);
  });

  it('makes a move that costs nothing without an acceptance draw, and keeps the first best partition', () => {
    const random = script(0.6, 0.9);
    expect(run([[0, 1, 2], [3]], 1, random, graph(4, false))).toEqual([[0, 1, 2], [3]]);
    expect(random.left()).toBe(0);
  });

  it('skips a neighbour outside every alliance, and a Comune with no neighbour; leaves unplaced nodes out', () => {
    // Node 4 is in no alliance: drawing 3 then its neighbour 4 does nothing.
    const random = script(0.99, 0.9);
    expect(run([[0, 1, 2], [3]], 1, random, graph(5))).toEqual([[0, 1, 2], [3]]);
    expect(random.left()).toBe(0);
    // The same where the alliance could give 3 up: still nothing.
    const open = buildGraph(territory([10, 10, 20, 5, 1], path(5)));
    const once = script(0.99, 0.9);
    expect(run([[0, 1], [2, 3]], 1, once, open)).toEqual([[0, 1], [2, 3]]);
    expect(once.left()).toBe(0);
    // Node 2 alone, no borders: one draw per step.
    const lone = buildGraph(territory([10, 10, 25], [[0, 1]]));
    const draws = script(0.9, 0.9);
    expect(run([[0, 1], [2]], 2, draws, lone)).toEqual([[0, 1], [2]]);
    expect(draws.left()).toBe(0);
  });

  it('keeps each alliance\u2019s members and residents up to date from move to move', () => {
    // Path 0–1–2–3–4 (10, 10, 5, 5, 20); SLL A = {0, 1}, B = {2, 3, 4}. Step 0 moves 3 to {4} (cost unchanged);
    // step 1 moves 2 after it (a split saved): {0, 1, 2} is connected without 2 and keeps 20 residents.
    const g = buildGraph(territory([10, 10, 5, 5, 20], path(5), {}, (i) => ({ sll: i < 2 ? 'A' : 'B' })));
    const random = script(0.7, 0.9, 0.5, 0.9);
    expect(anneal(g, 'off', 20, [[0, 1, 2, 3], [4]], 2, random, free(), () => 0)).toEqual([[0, 1], [2, 3, 4]]);
    expect(random.left()).toBe(0);
    // Floor 21: after the first move {0, 1, 2} has 25 residents, too few to give up 2.
    expect(anneal(g, 'off', 21, [[0, 1, 2, 3], [4]], 2, script(0.7, 0.9, 0.5, 0.9), free(), () => 0)).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('counts the residents a move brings into the alliance that takes the Comune', () => {
    //   0 1 2     A = {0, 1}, B = {2, 3, 4, 5}; populations 10, 10, 10 / 10, 5, 10; floor 20.
    //   3 4 5     Start {0, 3} (20) and {1, 2, 4, 5} (35). Step 0: 1 joins {0, 3} (30, saves A's split);
    // step 1: 3 leaves it for {2, 4, 5, 1}'s side through 4 (30 − 10 = 20 stays at the floor, saves B's split).
    const g = buildGraph(territory([10, 10, 10, 10, 5, 10], grid(3, 2), {}, (i) => ({ sll: i < 2 ? 'A' : 'B' })));
    const random = script(0.4, 0.1, 0.2, 0.9);
    expect(anneal(g, 'off', 20, [[0, 3], [1, 2, 4, 5]], 2, random, free(), () => 0)).toEqual([[0, 1], [2, 3, 4, 5]]);
    expect(random.left()).toBe(0);
  });

  it('returns empty alliances, or a single one, as they are, without drawing', () => {
    expect(run([[], []], 5, script())).toEqual([[], []]);
    expect(run([[0, 1, 2, 3]], 5, script())).toEqual([[0, 1, 2, 3]]);
  });

  it('checks the budget every 256 steps', () => {
    const seen: number[] = [];
    // Always node 0 and its neighbour 1, in the same alliance: no move.
    run([[0, 1], [2, 3]], 600, () => 0.1, graph(), (t) => (seen.push(t), 0));
    expect(seen).toEqual([0, 256 / 600, 512 / 600]);
  });
});

describe('Grower, draw by draw', () => {
  /** Fisher–Yates draws that leave k seeds in their order. */
  const keep = (k: number) => Array<number>(Math.max(0, k - 1)).fill(0.99);

  it('makes a node exactly at the floor a region of its own, before any growth', () => {
    const grower = new Grower([[1], [0, 2], [1]], Float64Array.from([10, 4, 6]), 10);
    expect(grower.grow([0, 1, 2], script(...keep(2)), Pick.Smallest, false)).toEqual([[0], [1, 2]]);
  });

  it('smallest-first takes the least populous neighbour, the first one listed on a tie', () => {
    // Star: hub 0 (1) with leaves 1 (8), 2 (3), 3 (3), 4 (9); floor 10. From 0: 2, then 3, then 1; 4 is an enclave.
    const grower = new Grower([[1, 2, 3, 4], [0], [0], [0], [0]], Float64Array.from([1, 8, 3, 3, 9]), 10);
    const random = script(...keep(5));
    expect(grower.grow([0, 1, 2, 3, 4], random, Pick.Smallest, false)).toEqual([[0, 2, 3, 1, 4]]);
    expect(random.left()).toBe(0);
  });

  it('best-fit takes the least populous neighbour that reaches the floor (the first on a tie), else the least populous', () => {
    // Hub 0 (1) misses 9: leaves 1 (9), 3 (9) and 4 (9.5) would do; 1 is the first of the least.
    const grower = new Grower([[1, 2, 3, 4], [0], [0], [0], [0]], Float64Array.from([1, 9, 3, 9, 9.5]), 10);
    expect(grower.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.BestFit, false)).toEqual([[0, 1, 2, 3, 4]]);
    // None reaches the floor from hub 0 (floor 20): the least populous first, 2 then 3 then 1 then 4.
    const short = new Grower([[1, 2, 3, 4], [0], [0], [0], [0]], Float64Array.from([1, 8, 3, 3, 9]), 20);
    expect(short.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.BestFit, false)).toEqual([[0, 2, 3, 1, 4]]);
    // Missing 9 with 1 (9) first and 3 (9.5): exactly the missing residents fit.
    const exact = new Grower([[1, 2, 3], [0], [0], [0]], Float64Array.from([1, 9, 3, 9.5]), 10);
    expect(exact.grow([0, 1, 2, 3], script(...keep(4)), Pick.BestFit, false)).toEqual([[0, 1, 2, 3]]);
  });

  it('most-linked takes the neighbour with most borders into the region, then the least populous', () => {
    // 0–1, 0–2, 1–3, 2–3, 2–4. Populations 1, 5, 1, 6, 2; floor 14. From 0: 2 (tie on links, fewer residents),
    // then 4 (all one link, fewest residents), then 1, then 3.
    const adj = [[1, 2], [0, 3], [0, 3, 4], [1, 2], [2]];
    const grower = new Grower(adj, Float64Array.from([1, 5, 1, 6, 2]), 14);
    expect(grower.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.MostLinked, false)).toEqual([[0, 2, 4, 1, 3]]);
    // Populations 1, 1, 5, 6, 2: 1 (fewer residents), 2, then 3 (two links) before 4 (one link, fewer residents).
    const linked = new Grower(adj, Float64Array.from([1, 1, 5, 6, 2]), 14);
    expect(linked.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.MostLinked, false)).toEqual([[0, 1, 2, 3, 4]]);
    // All one link, 2 and 3 tie on residents: the first listed.
    const star = new Grower([[1, 2, 3, 4], [0], [0], [0], [0]], Float64Array.from([1, 8, 3, 3, 9]), 10);
    expect(star.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.MostLinked, false)).toEqual([[0, 2, 3, 1, 4]]);
    // Smallest-first on the same: 4 before 3.
    expect(linked.grow([0, 1, 2, 3, 4], script(...keep(5)), Pick.Smallest, false)).toEqual([[0, 1, 2, 4, 3]]);
  });

  it('any takes the neighbour the draw says', () => {
    const grower = new Grower([[1, 2, 3], [0], [0], [0]], Float64Array.from([1, 5, 5, 5]), 6);
    // Seeds kept in order; from 0 the frontier is [1, 2, 3]: draw ⌊0.5·3⌋ = 1 → node 2; 1 and 3 are enclaves.
    const random = script(...keep(4), 0.5);
    expect(grower.grow([0, 1, 2, 3], random, Pick.Any, false)).toEqual([[0, 2, 1, 3]]);
    expect(random.left()).toBe(0);
  });

  it('seeds in the shuffled order, or by fewest borders first', () => {
    // Path 0–1–2 (1, 1, 1), floor 2. In order: 0 takes 1, 2 joins. Periphery first: 0 and 2 (one border) before 1.
    const grower = new Grower([[1], [0, 2], [1]], Float64Array.from([1, 1, 1]), 2);
    expect(grower.grow([1, 0, 2], script(...keep(3)), Pick.Smallest, false)).toEqual([[1, 0, 2]]);
    expect(grower.grow([1, 0, 2], script(...keep(3)), Pick.Smallest, true)).toEqual([[0, 1, 2]]);
    // The shuffle's draws: ⌊0·3⌋ swaps the last seed to the front.
    expect(grower.grow([1, 0, 2], script(0, 0.99), Pick.Smallest, false)).toEqual([[2, 1, 0]]);
  });

  it('gives enclaves to regions round after round, each to the region it borders', () => {
    // Path 0–1–2–3–4 (3, 3, 3, 10, 10), floor 12; seeds 4, 2, 0, 1, 3. 4 takes 3; 2 cannot reach the floor
    // (2, 1, 0 become enclaves); in zone order 0 and 1 wait, 2 joins 4's region, then 1, then 0.
    const grower = new Grower([[1], [0, 2], [1, 3], [2, 4], [3]], Float64Array.from([3, 3, 3, 10, 10]), 12);
    // Shuffle of [0, 1, 2, 3, 4]: i=4 j=0 → [4,1,2,3,0]; i=3 j=1 → [4,3,2,1,0]; i=2 j=2; i=1 j=1.
    const random = script(0, 0.25, 0.99, 0.99);
    expect(grower.grow([0, 1, 2, 3, 4], random, Pick.Smallest, false)).toEqual([[4, 3, 2, 1, 0]]);
    expect(random.left()).toBe(0);
  });

  it('best-fit takes a later, smaller fit over an earlier one', () => {
    // Hub 0 (1) misses 9: leaves 1 (9.5) and 3 (9) would both do; 3 has fewer residents.
    const grower = new Grower([[1, 2, 3], [0], [0], [0]], Float64Array.from([1, 9.5, 3, 9]), 10);
    expect(grower.grow([0, 1, 2, 3], script(...keep(4)), Pick.BestFit, false)).toEqual([[0, 3, 1, 2]]);
  });

  it('counts an enclave\u2019s residents into the region it joins before placing the next one', () => {
    // 0 (25) and 1 (26) at the floor; enclave 2 (5) borders 0 only, enclave 3 (1) borders 0 and 1 once each.
    // 2 joins 0 (now 30), so 3 joins the smaller 1 (26).
    const grower = new Grower([[2, 3], [3], [0], [0, 1]], Float64Array.from([25, 26, 5, 1]), 20);
    const random = script(...keep(2));
    expect(grower.grow([0, 1, 2, 3], random, Pick.Smallest, false)).toEqual([[0, 2], [1, 3]]);
    expect(random.left()).toBe(0);
  });

  it('gives an enclave between two regions to the one it borders most, then to the smaller, else the neighbour listed first', () => {
    // 0 (25), 1 (1), 2 (25) alone at the floor; 1 borders 0 twice (listed twice) and 2 once.
    const twice = new Grower([[1], [0, 0, 2], [1]], Float64Array.from([25, 1, 25]), 20);
    expect(twice.grow([0, 1, 2], script(), Pick.Smallest, false)).toEqual([[0, 1], [2]]);
    const even = new Grower([[1], [0, 2], [1]], Float64Array.from([25, 1, 25]), 20);
    expect(even.grow([0, 1, 2], script(), Pick.Smallest, false)).toEqual([[0, 1], [2]]);
    // Regions numbered the other way round: still 0's, listed first among 1's borders.
    expect(even.grow([2, 1, 0], script(), Pick.Smallest, false)).toEqual([[2], [0, 1]]);
    const smaller = new Grower([[1], [0, 2], [1]], Float64Array.from([30, 1, 25]), 20);
    expect(smaller.grow([0, 1, 2], script(), Pick.Smallest, false)).toEqual([[0], [2, 1]]);
    // More borders win over fewer residents.
    const bigger = new Grower([[1], [0, 0, 2], [1]], Float64Array.from([25, 1, 24]), 20);
    expect(bigger.grow([0, 1, 2], script(), Pick.Smallest, false)).toEqual([[0, 1], [2]]);
  });
});
