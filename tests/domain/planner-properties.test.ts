import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contiguity } from '../../domain/contiguity';
import { planAlliances, type KeepAssociations, type PlanInput } from '../../domain/planner';
import { code, grid, lookup } from './planner-fixtures';
import { expectValidPlan } from './planner-invariants';

/** A random territory: a grid with some borders missing, random populations, associations and locks. */
const territories = fc
  .record({
    w: fc.integer({ min: 1, max: 7 }),
    h: fc.integer({ min: 1, max: 6 }),
    dropped: fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
    pops: fc.array(fc.integer({ min: 0, max: 30_000 }), { minLength: 42, maxLength: 42 }),
    floor: fc.constantFrom(1_000, 5_000, 20_000, 45_000),
    keep: fc.constantFrom<KeepAssociations>('hard', 'soft', 'off'),
    assoc: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 42, maxLength: 42 }),
    lockStarts: fc.array(fc.integer({ min: 0, max: 41 }), { maxLength: 3 }),
    lockSize: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map(({ w, h, dropped, pops, floor, keep, assoc, lockStarts, lockSize, seed }): PlanInput => {
    const n = w * h;
    const edges = grid(w, h).filter((_, i) => !dropped[i % dropped.length] || i % 3 === 0);
    const neighbours = lookup(edges);
    // Locks: connected groups grown from the starts by breadth-first search, skipping Comuni already locked.
    const taken = new Set<string>();
    const locked: string[][] = [];
    for (const start of lockStarts.map((s) => s % n)) {
      if (taken.has(code(start))) continue;
      const group = [code(start)];
      taken.add(code(start));
      for (let i = 0; i < group.length && group.length < lockSize; i++) {
        for (const next of neighbours(group[i] as string)) {
          if (group.length < lockSize && !taken.has(next)) {
            taken.add(next);
            group.push(next);
          }
        }
      }
      locked.push(group);
    }
    return {
      units: Array.from({ length: n }, (_, i) => ({
        code: code(i),
        population: pops[i] as number,
        associations: (assoc[i] as number) < 3 ? [`U${assoc[i]}`] : [],
        sll: `S${i % 2}`,
        snai: i % 3 === 0 ? 'N1' : null,
        centroid: [10 + (i % w) * 0.1, 45 + Math.floor(i / w) * 0.1] as const,
        areaKm2: 50,
      })),
      neighbours,
      options: { minPopulation: floor, keepAssociations: keep, locked, seed, effort: 0.1 },
    };
  });

describe('planAlliances on random territories', () => {
  it('partitions the territory into contiguous alliances above the floor, unassigned only where it must', () => {
    fc.assert(
      fc.property(territories, (input) => {
        expectValidPlan(input, planAlliances(input));
      }),
      { numRuns: 40 },
    );
  });

  it('never splits an association under hard, except across separate pieces of the territory', () => {
    fc.assert(
      fc.property(territories, (input) => {
        const hard = { ...input, options: { ...input.options, keepAssociations: 'hard' as const } };
        const plan = planAlliances(hard);
        for (const id of ['U0', 'U1', 'U2']) {
          const codes = input.units.filter((u) => u.associations?.includes(id)).map((u) => u.code);
          const pieces = contiguity(input.units.map((u) => u.code), input.neighbours).components;
          for (const part of pieces.map((piece) => codes.filter((c) => piece.includes(c))).filter((p) => p.length > 0)) {
            const homes = plan.alliances.filter((a) => part.some((c) => a.members.includes(c)));
            expect(homes.length).toBeLessThanOrEqual(1);
            if (homes[0]) expect(part.every((c) => homes[0]?.members.includes(c))).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(territories, (input) => {
        expect(planAlliances(input)).toEqual(planAlliances({ ...input, units: [...input.units].reverse() }));
      }),
      { numRuns: 12 },
    );
  });
});
