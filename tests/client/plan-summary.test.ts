import { describe, expect, it } from 'vitest';
import type { AtlasTable, MembershipTable } from '../../domain/atlas-table';
import type { Plan } from '../../domain/planner/types';
import { summarise } from '../../client/planner/plan-summary';

/** Four Comuni: A (big, not mountain) and B, C, D (small, C and D mountain); Unione 10 holds B, C, D. */
const atlas = {
  code: ['000001', '000002', '000003', '000004'],
  name: ['Alfa', 'Beta', 'Gamma', 'Delta'],
  population: [12_000, 4_000, 3_000, 2_500],
  mountain: [0, 0, 1, 1],
  lon: [7, 7.1, 7.2, 7.3],
  lat: [45, 45.1, 45.2, 45.3],
} as unknown as AtlasTable;
const memberships: MembershipTable = {
  dataVersion: 1,
  associations: [
    { id: 10, kind: 'unione', name: 'Unione delle Valli' },
    { id: 20, kind: 'sll', name: 'Cuneo' },
  ],
  rows: [[1], [0, 1], [0, 1], [0]],
};
const explanation = (kept: string[], split: string[] = []) => ({
  associationsKept: kept,
  associationsSplit: split,
  mainSll: { code: '20', members: 3 },
  mainSnai: null,
  marginOverFloor: 1_500,
});

describe('the table of a plan', () => {
  it('counts small and mountain members, names kept associations and the main SLL, and labels by the association or the largest Comune', () => {
    const plan = {
      alliances: [
        { members: ['000002', '000003', '000004'], population: 9_500, explanation: explanation(['10']) },
        { members: ['000001'], population: 12_000, explanation: { ...explanation([]), mainSll: null, marginOverFloor: 4_000 } },
      ],
      unassigned: [],
    } as unknown as Plan;
    const [valli, alfa] = summarise(plan, atlas, memberships);
    expect(valli).toMatchObject({ association: 'Unione delle Valli', largest: 'Beta', small: 3, mountain: 2, kept: ['Unione delle Valli'], split: [], sll: { name: 'Cuneo', members: 3 }, labelAt: [7.1, 45.1], marginOverFloor: 1_500 });
    expect(alfa).toMatchObject({ association: null, largest: 'Alfa', small: 0, mountain: 0, kept: [], sll: null, labelAt: [7, 45] });
  });

  it('names an alliance after its association only when that holds at least half its members', () => {
    const plan = { alliances: [{ members: ['000001', '000002', '000003'], population: 19_000, explanation: explanation(['10']) }], unassigned: [] } as unknown as Plan;
    // Unione 10 holds 2 of 3 members here (Beta, Gamma): the name is kept.
    expect(summarise(plan, atlas, memberships)[0]?.association).toBe('Unione delle Valli');
    const wider = { alliances: [{ members: ['000001', '000002', '000003', '000004', '000005'], population: 21_500, explanation: explanation([], ['10']) }], unassigned: [] } as unknown as Plan;
    expect(summarise(wider, atlas, memberships)[0]).toMatchObject({ association: null, largest: 'Alfa', split: ['Unione delle Valli'] });
  });
});
