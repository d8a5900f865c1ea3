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
import { path, territory } from './planner-fixtures';

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
