import { describe, expect, it } from 'vitest';
import { planAlliances, validatePlanInput, type PlanInput } from '../../domain/planner';
import { code, grid, lookup, path, territory } from './planner-fixtures';
import { expectValidPlan } from './planner-invariants';

const K = 1_000;
const members = (input: PlanInput) => planAlliances(input).alliances.map((a) => a.members);

describe('planAlliances on territories with a known best number of alliances', () => {
  it('cuts a path of six 10,000-resident Comuni into three pairs', () => {
    const input = territory(Array(6).fill(10 * K), path(6));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.alliances.map((a) => a.members)).toEqual([[code(0), code(1)], [code(2), code(3)], [code(4), code(5)]]);
    // No association, SLL, SNAI or centroid given: nothing split, compactness not measured.
    expect(plan.score).toEqual({ alliances: 3, upperBound: 3, associationsSplit: 0, sllSplit: 0, snaiSplit: 0, compactness: 0 });
    expect(plan.unassigned).toEqual([]);
    expect(plan.stoppedEarly).toBe(false);
  });

  it('finds the three alliances of a 3×3 grid of 7,000-resident Comuni', () => {
    const input = territory(Array(9).fill(7 * K), grid(3, 3));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score.alliances).toBe(3);
  });

  it('finds the only kind of plan that reaches the upper bound on a 4×4 grid, where every alliance must be exact', () => {
    // Comuni of 2,000, 3,000, 7,000 and 8,000 residents, 80,000 in all: four alliances of exactly 20,000 each.
    const block = [[2, 7], [8, 3], [3, 8], [7, 2]];
    const pops = Array.from({ length: 16 }, (_, i) => {
      const x = i % 4;
      const y = Math.floor(i / 4);
      const b = block[2 * (y >> 1) + (x >> 1)] as number[];
      return ((x + y) % 2 === 0 ? (b[0] as number) : (b[1] as number)) * K;
    });
    const input = territory(pops, grid(4, 4));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score.alliances).toBe(plan.score.upperBound);
  });

  it('makes a Comune above the floor an alliance of its own and gives small neighbours to alliances', () => {
    // 0 (50k) – 1 (3k) – 2 (25k) – 3 (2k): two alliances, the small ones joined to big neighbours.
    const input = territory([50 * K, 3 * K, 25 * K, 2 * K], path(4));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score.alliances).toBe(2);
    expect(plan.alliances.map((a) => a.members)).toContainEqual(expect.arrayContaining([code(2), code(3)]));
  });

  it('gives a star of leaves that meet only at a small centre one alliance: leaves cannot join each other', () => {
    const edges: [number, number][] = [1, 2, 3, 4, 5].map((leaf) => [0, leaf]);
    const input = territory([1 * K, 15 * K, 15 * K, 15 * K, 15 * K, 15 * K], edges);
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score).toMatchObject({ alliances: 1, upperBound: 3 });
    expect(plan.alliances[0]?.members).toHaveLength(6);
  });
});

describe('planAlliances where the floor cannot be reached', () => {
  it('returns an island below the floor as isolated, and a small detached piece as below the floor', () => {
    // 0–1–2 reach the floor; 3 is an island of 5,000; 4–5 a detached pair of 6,000.
    const input = territory([8 * K, 8 * K, 8 * K, 5 * K, 3 * K, 3 * K], [[0, 1], [1, 2], [4, 5]]);
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.alliances.map((a) => a.members)).toEqual([[code(0), code(1), code(2)]]);
    expect(plan.unassigned).toEqual([
      { code: code(3), reason: 'isolated' },
      { code: code(4), reason: 'component_below_floor' },
      { code: code(5), reason: 'component_below_floor' },
    ]);
  });

  it('makes an island that reaches the floor an alliance of its own', () => {
    const input = territory([25 * K, 8 * K], []);
    const plan = planAlliances(input);
    expect(plan.alliances.map((a) => a.members)).toEqual([[code(0)]]);
    expect(plan.unassigned).toEqual([{ code: code(1), reason: 'isolated' }]);
  });

  it('lists the unassigned by code', () => {
    // 0–2 is a pair below the floor, 1 an island.
    const plan = planAlliances(territory([5 * K, 6 * K, 7 * K], [[0, 2]]));
    expect(plan.unassigned.map((u) => u.code)).toEqual([code(0), code(1), code(2)]);
  });

  it('returns a whole territory below the floor as unassigned, with no alliance', () => {
    const input = territory([5 * K, 6 * K, 7 * K], path(3), {}, (i) => ({ centroid: [10 + i / 10, 45] as const }));
    const plan = planAlliances(input);
    expect(plan.alliances).toEqual([]);
    expect(plan.unassigned.map((u) => u.reason)).toEqual(['component_below_floor', 'component_below_floor', 'component_below_floor']);
    expect(plan.score).toMatchObject({ alliances: 0, upperBound: 0, compactness: 0 });
  });

  it('ignores neighbours outside the territory', () => {
    // 0 and 1 touch only through 2, which is not in the territory: two islands.
    const input = { ...territory([15 * K, 15 * K], []), neighbours: lookup([[0, 2], [2, 1]]) };
    const plan = planAlliances(input);
    expect(plan.alliances).toEqual([]);
    expect(plan.unassigned.map((u) => u.reason)).toEqual(['isolated', 'isolated']);
  });
});

describe('planAlliances keeps locks and associations', () => {
  // 0–1–2–3 of 10,000 each: two pairs at best, unless 1 and 2 must stay together.
  const strip = (options: Parameters<typeof territory>[2], assoc?: (i: number) => string[]) =>
    territory(Array(4).fill(10 * K), path(4), options, (i) => ({ associations: assoc?.(i) ?? [] }));
  const middle = (i: number) => (i === 1 || i === 2 ? ['U1'] : []);

  it('keeps a locked group whole even when that costs an alliance', () => {
    const input = strip({ locked: [[code(2), code(1)]] });
    expectValidPlan(input, planAlliances(input));
    expect(members(input)).toEqual([[code(0), code(1), code(2), code(3)]]);
    expect(members(strip({}))).toEqual([[code(0), code(1)], [code(2), code(3)]]);
  });

  it('never splits an association wholly inside under hard, and counts it as split otherwise', () => {
    const hard = planAlliances(strip({ keepAssociations: 'hard' }, middle));
    expect(hard.alliances.map((a) => a.members)).toEqual([[code(0), code(1), code(2), code(3)]]);
    expect(hard.score.associationsSplit).toBe(0);
    expect(hard.alliances[0]?.explanation.associationsKept).toEqual(['U1']);
    for (const mode of ['soft', 'off'] as const) {
      const plan = planAlliances(strip({ keepAssociations: mode }, middle));
      expect(plan.score).toMatchObject({ alliances: 2, associationsSplit: 1 });
      expect(plan.alliances.map((a) => a.explanation.associationsSplit)).toEqual([['U1'], ['U1']]);
    }
  });

  it('does not call an association with members outside the territory kept, even when the alliance holds all it has here', () => {
    const input = { ...strip({}, (i) => (i < 2 ? ['U2', 'U1'] : [])), associationSizes: { U1: 3 } };
    const [first] = planAlliances(input).alliances;
    expect(first?.members).toEqual([code(0), code(1)]);
    expect(first?.explanation).toMatchObject({ associationsKept: ['U2'], associationsSplit: [] });
  });

  it('lists an alliance\u2019s associations by id', () => {
    const input = territory([10 * K, 10 * K], path(2), {}, (i) => ({ associations: [i === 0 ? 'U2' : 'U1'] }));
    expect(planAlliances(input).alliances[0]?.explanation.associationsKept).toEqual(['U1', 'U2']);
  });

  it('splits an association under hard when members outside the territory make it not wholly inside', () => {
    const input = { ...strip({ keepAssociations: 'hard' }, middle), associationSizes: { U1: 3 } };
    const plan = planAlliances(input);
    expect(plan.score).toMatchObject({ alliances: 2, associationsSplit: 0 });
    expect(plan.alliances[0]?.explanation).toMatchObject({ associationsKept: [], associationsSplit: ['U1'] });
  });

  it('keeps a scattered association whole under hard, with the Comuni between its parts', () => {
    // U1 = {0, 1} and {4, 5} on a path of seven: 2 and 3 join them, 6 alone cannot stand and joins too.
    const input = territory(Array(7).fill(10 * K), path(7), { keepAssociations: 'hard' }, (i) => ({
      associations: [0, 1, 4, 5].includes(i) ? ['U1'] : [],
    }));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.alliances.map((a) => a.members)).toEqual([[0, 1, 2, 3, 4, 5, 6].map(code)]);
    expect(plan.score.associationsSplit).toBe(0);
    // Without hard: three alliances, U1 split.
    expect(planAlliances({ ...input, options: { ...input.options, keepAssociations: 'soft' } }).score).toMatchObject({ alliances: 3, associationsSplit: 1 });
  });

  it('counts an association as split when a member is left unassigned', () => {
    // 0–1 reach the floor; 2 is an island of 5,000. U1 = {1, 2}.
    const input = territory([10 * K, 10 * K, 5 * K], [[0, 1]], { keepAssociations: 'hard' }, (i) => ({ associations: i > 0 ? ['U1'] : [] }));
    const plan = planAlliances(input);
    expect(plan.unassigned).toEqual([{ code: code(2), reason: 'isolated' }]);
    expect(plan.score.associationsSplit).toBe(1);
    expect(plan.alliances[0]?.explanation).toMatchObject({ associationsKept: [], associationsSplit: ['U1'] });
  });

  it('keeps the parts of an association on two islands apart, each whole, under hard', () => {
    // 0–1–2 and 3–4–5 are two islands; U1 = {1, 2, 4}.
    const input = territory(Array(6).fill(10 * K), [[0, 1], [1, 2], [3, 4], [4, 5]], { keepAssociations: 'hard' }, (i) => ({
      associations: [1, 2, 4].includes(i) ? ['U1'] : [],
    }));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.alliances.map((a) => a.members)).toEqual([[0, 1, 2].map(code), [3, 4, 5].map(code)]);
    expect(plan.score.associationsSplit).toBe(1);
  });
});

describe('planAlliances, with the count fixed, prefers', () => {
  // A 4×2 grid of 10,000-resident Comuni: four pairs, in five ways.
  //   0 1 2 3
  //   4 5 6 7
  const pairs = (options: Parameters<typeof territory>[2], extra: Parameters<typeof territory>[3]) => {
    const input = territory(Array(8).fill(10 * K), grid(4, 2), options, extra);
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score.alliances).toBe(4);
    return plan;
  };

  it('keeping associations whole under soft', () => {
    // U1 = {1, 2} and U2 = {5, 6}: only the plan 0–4, 1–2, 5–6, 3–7 keeps both.
    const plan = pairs({ keepAssociations: 'soft' }, (i) => ({ associations: i === 1 || i === 2 ? ['U1'] : i === 5 || i === 6 ? ['U2'] : [] }));
    expect(plan.alliances.map((a) => a.members)).toEqual([[code(0), code(4)], [code(1), code(2)], [code(3), code(7)], [code(5), code(6)]]);
    expect(plan.score.associationsSplit).toBe(0);
  });

  it('keeping SLL areas whole, then SNAI areas', () => {
    // SLL A = {1, 2}, B = {5, 6}; SNAI N = {0, 1}: the SLL win (the plan of the test above), so N is split.
    const plan = pairs({}, (i) => ({ sll: i === 1 || i === 2 ? 'A' : i === 5 || i === 6 ? 'B' : `S${i}`, snai: i < 2 ? 'N' : null }));
    expect(plan.alliances.map((a) => a.members)).toContainEqual([code(1), code(2)]);
    expect(plan.score).toMatchObject({ sllSplit: 0, snaiSplit: 1 });
    const snaiOnly = pairs({}, (i) => ({ snai: i === 1 || i === 2 ? 'N' : null }));
    expect(snaiOnly.alliances.map((a) => a.members)).toContainEqual([code(1), code(2)]);
  });

  it('compact alliances: squares rather than strips', () => {
    // A 4×4 grid of 5,000-resident Comuni, 10 km apart: four alliances of four, best as 2×2 squares.
    const input = territory(Array(16).fill(5 * K), grid(4, 4), {}, (i) => ({ centroid: [10 + (i % 4) * 0.127, 45 + Math.floor(i / 4) * 0.09], areaKm2: 100 }));
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.alliances.map((a) => a.members.map((c) => Number(c) - 100000))).toEqual([[0, 1, 4, 5], [2, 3, 6, 7], [8, 9, 12, 13], [10, 11, 14, 15]]);
    expect(plan.score.compactness).toBeGreaterThan(0.9);
    expect(plan.score.compactness).toBeLessThanOrEqual(1);
  });
});

describe('planAlliances explains each alliance', () => {
  it('names the SLL and SNAI area most members share and the margin over the floor', () => {
    const input = territory([9 * K, 8 * K, 7 * K], path(3), {}, (i) => ({
      sll: i === 0 ? 'S2' : 'S1',
      snai: i === 2 ? null : 'N1',
    }));
    const [alliance] = planAlliances(input).alliances;
    expect(alliance?.explanation).toEqual({
      associationsKept: [],
      associationsSplit: [],
      mainSll: { code: 'S1', members: 2 },
      mainSnai: { id: 'N1', members: 2 },
      marginOverFloor: 4 * K,
    });
  });

  it('takes the smallest code when two SLL tie, and null when no member has one', () => {
    for (const [first, second] of [['S2', 'S1'], ['S1', 'S2']]) {
      const input = territory([10 * K, 10 * K], path(2), {}, (i) => ({ sll: i === 0 ? first : second }));
      expect(planAlliances(input).alliances[0]?.explanation).toMatchObject({ mainSll: { code: 'S1', members: 1 }, mainSnai: null });
    }
    // Two members in S3 beat one in S1, whichever comes first.
    for (const slls of [['S1', 'S3', 'S3'], ['S3', 'S3', 'S1'], ['S3', 'S1', 'S3']]) {
      const input = territory([7 * K, 7 * K, 7 * K], path(3), {}, (i) => ({ sll: slls[i] as string }));
      expect(planAlliances(input).alliances[0]?.explanation.mainSll).toEqual({ code: 'S3', members: 2 });
    }
  });

  it('counts the SLL and SNAI areas the plan splits', () => {
    const input = territory(Array(4).fill(10 * K), path(4), {}, (i) => ({ sll: 'S1', snai: i < 2 ? 'N1' : 'N2' }));
    const plan = planAlliances(input);
    expect(plan.alliances.map((a) => a.members)).toEqual([[code(0), code(1)], [code(2), code(3)]]);
    expect(plan.score).toMatchObject({ sllSplit: 1, snaiSplit: 0 });
  });
});

describe('planAlliances is repeatable and interruptible', () => {
  const big = () => territory(Array.from({ length: 36 }, (_, i) => (3 + ((i * 5) % 9)) * K), grid(6, 6), { seed: 11, effort: 0.3 });

  it('gives the same plan for the same seed, whatever the order of the units', () => {
    const input = big();
    const again = { ...input, units: [...input.units].reverse() };
    expect(planAlliances(again)).toEqual(planAlliances(input));
  });

  it('may give another plan for another seed, each valid', () => {
    const plans = [1, 2, 3, 4].map((seed) => {
      const input = { ...big(), options: { ...big().options, seed } };
      const plan = planAlliances(input);
      expectValidPlan(input, plan);
      expect(plan.seed).toBe(seed);
      return JSON.stringify(plan.alliances);
    });
    expect(new Set(plans).size).toBeGreaterThan(1);
  });

  it('searches by steps, not time: effort sets how long, and a senseless effort counts as 1', () => {
    const input = territory(Array(12).fill(7 * K), grid(4, 3));
    const calls = (effort?: number) => {
      let n = 0;
      planAlliances({ ...input, options: { ...input.options, effort, now: () => ++n } });
      return n;
    };
    expect(calls(0.1)).toBeLessThan(calls(1));
    for (const effort of [0, -1, Number.NaN, Infinity]) expect(calls(effort)).toBe(calls(1));
  });

  it('returns a valid plan when the time runs out at once', () => {
    let t = 0;
    const input = { ...big(), options: { ...big().options, timeLimitMs: 5, now: () => (t += 10) } };
    const plan = planAlliances(input);
    expect(plan.stoppedEarly).toBe(true);
    expectValidPlan(input, plan);
  });

  it('reports progress up to 1 and stops when onProgress returns false', () => {
    const seen: number[] = [];
    planAlliances({ ...big(), options: { ...big().options, onProgress: (d) => void seen.push(d) } });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Every phase reports as it goes (construction, the count search, the soft search, annealing): no tenth
    // of the bar is skipped on this territory, where no phase ends early.
    for (let k = 0; k < 10; k++) expect(seen.some((d) => d >= k / 10 && d < (k + 1) / 10), `${k}/10`).toBe(true);

    let calls = 0;
    const input = { ...big(), options: { ...big().options, onProgress: () => ++calls < 3 } };
    const plan = planAlliances(input);
    expect(plan.stoppedEarly).toBe(true);
    expect(calls).toBe(3);
    expectValidPlan(input, plan);
  });
});

describe('validatePlanInput', () => {
  const ok = () => territory([10 * K, 10 * K, 10 * K], path(3));

  it('accepts a good input and refuses an empty area', () => {
    expect(validatePlanInput(ok())).toBeNull();
    expect(validatePlanInput({ ...ok(), units: [] })).toEqual({ kind: 'empty_area' });
  });

  it('refuses a floor outside 1,000–200,000', () => {
    for (const minPopulation of [999, 200_001, Number.NaN]) {
      const input = { ...ok(), options: { ...ok().options, minPopulation } };
      expect(validatePlanInput(input)).toEqual({ kind: 'floor_out_of_range', min: 1000, max: 200_000 });
    }
    for (const minPopulation of [1000, 200_000]) {
      expect(validatePlanInput({ ...ok(), options: { ...ok().options, minPopulation } })).toBeNull();
    }
  });

  it('refuses duplicate codes and bad populations', () => {
    const input = ok();
    expect(validatePlanInput({ ...input, units: [...input.units, { code: code(1), population: 5 }] })).toEqual({ kind: 'duplicate_code', code: code(1) });
    for (const population of [-1, Number.NaN, Infinity]) {
      expect(validatePlanInput({ ...input, units: [{ code: code(9), population }] })).toEqual({ kind: 'invalid_population', code: code(9) });
    }
    expect(validatePlanInput({ ...input, units: [{ code: code(9), population: 0 }] })).toBeNull();
  });

  it('refuses locks with unknown codes, overlapping locks and scattered locks', () => {
    const lock = (locked: string[][]) => validatePlanInput({ ...ok(), options: { ...ok().options, locked } });
    expect(lock([[code(0), code(7)]])).toEqual({ kind: 'lock_unknown_code', code: code(7) });
    expect(lock([[code(0), code(1)], [code(1), code(2)]])).toEqual({ kind: 'lock_overlap', code: code(1) });
    expect(lock([[code(2), code(0)]])).toEqual({ kind: 'lock_not_contiguous', code: code(0) });
    expect(lock([[code(0), code(1), code(0)], [], [code(2)]])).toBeNull();
  });

  it('makes planAlliances throw on input it refuses', () => {
    expect(() => planAlliances({ ...ok(), units: [] })).toThrow(/empty_area/);
  });
});
