import { beforeAll, describe, expect, it } from 'vitest';
import { planAlliances } from '../../domain/planner';
import { loadPlannerPack, packInput, type PlannerPack } from '../helpers/planner-pack';
import { expectValidPlan } from './planner-invariants';

// Real territories from the data pack in the repository (no database): Comuni, populations and borders.
let pack: PlannerPack;
beforeAll(async () => {
  pack = await loadPlannerPack();
});

describe('planAlliances on real provinces', () => {
  // Mountains (Cuneo, Belluno), islands (Napoli with Capri, Ischia and Procida; Sassari), a small one (Trieste).
  it.each([
    ['004', 20_000, 'hard'],
    ['025', 5_000, 'soft'],
    ['063', 20_000, 'off'],
    ['090', 20_000, 'soft'],
    ['032', 50_000, 'hard'],
  ] as const)('province %s at %i residents, associations %s: a valid plan', (province, minPopulation, keepAssociations) => {
    const input = packInput(pack, (c) => c.province === province, { minPopulation, keepAssociations, effort: 0.2 });
    const plan = planAlliances(input);
    expectValidPlan(input, plan);
    expect(plan.score.alliances).toBeGreaterThan(0);
    if (keepAssociations === 'hard') expect(plan.score.associationsSplit).toBe(0);
  });

  it('leaves the islands of the Gulf of Naples that cannot reach 20,000 unassigned, saying why', () => {
    const plan = planAlliances(packInput(pack, (c) => c.province === '063', { effort: 0.2 }));
    expect(plan.unassigned).toEqual([
      { code: '063004', reason: 'component_below_floor' }, // Anacapri, on Capri with Capri
      { code: '063014', reason: 'component_below_floor' }, // Capri
      { code: '063061', reason: 'isolated' }, // Procida
    ]);
    // Ischia's six Comuni (≈ 62,000 residents) reach the floor together.
    const ischia = plan.alliances.filter((a) => a.members.includes('063037'));
    expect(ischia).toHaveLength(1);
  });
});
