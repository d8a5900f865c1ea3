import { describe, expect, it } from 'vitest';
import { areaRows, smallOutsideUnioniRows, summarizeArea } from '../../domain/area-summary';
import type { AtlasTable } from '../../domain/atlas-table';

const table = {
  code: ['001001', '001002', '002001', '003001'],
  name: ['A', 'B', 'C', 'D'],
  province: ['001', '001', '002', '003'],
  region: ['01', '01', '01', '02'],
  population: [800, 4000, 60000, null],
  mountain: [1, 0, 0, 0],
  innerAreaClass: ['E', 'D', 'A', null],
  // B is in a SNAI area (a body counted in `associations`) but in no Unione or Comunità.
  associations: [2, 1, 1, 0],
  unioni: [1, 0, 0, 0],
} as unknown as AtlasTable;

describe('summarizeArea', () => {
  it('adds up a region, a province or Italy', () => {
    expect(areaRows(table, '01')).toEqual([0, 1, 2]);
    expect(areaRows(table, '001')).toEqual([0, 1]);
    expect(areaRows(table, null)).toEqual([0, 1, 2, 3]);
    expect(summarizeArea(table, '01')).toEqual({
      comuni: 3,
      population: 64800,
      smallComuni: 2,
      obliged: 2, // A: 800 in the mountains (limit 3,000); B: 4,000 elsewhere (limit 5,000)
      inUnioni: 1,
      smallOutsideUnioni: 1, // B: small, in a SNAI area only
      mountain: 1,
      innerAreas: { E: 1, D: 1, A: 1 },
      sizeClasses: [1, 0, 1, 0, 0, 1],
    });
    // A mountain Comune of 4,000 is small but not obliged (its limit is 3,000).
    const mountainB = { ...table, mountain: [1, 1, 0, 0] } as unknown as AtlasTable;
    expect(summarizeArea(mountainB, '001')).toMatchObject({ smallComuni: 2, obliged: 1, mountain: 2 });
    // Italy: D has no population: counted as a Comune, in no size class.
    expect(summarizeArea(table, null)).toMatchObject({ comuni: 4, population: 64800, sizeClasses: [1, 0, 1, 0, 0, 1], innerAreas: { E: 1, D: 1, A: 1, '—': 1 } });
  });
});

describe('smallOutsideUnioniRows', () => {
  it('lists the small Comuni in no Unione or Comunità Montana, by name, whatever other bodies they are in', () => {
    expect(smallOutsideUnioniRows(table, '01')).toEqual([1]);
    expect(smallOutsideUnioniRows(table, '02')).toEqual([]); // D: no population, not small
    const more = { ...table, name: ['Zeri', 'Àlbano', 'Bosco', 'Ceva'], population: [800, 4000, 5000, 5001], unioni: [0, 0, 0, 0] } as unknown as AtlasTable;
    expect(smallOutsideUnioniRows(more, null)).toEqual([1, 2, 0]); // Àlbano, Bosco, Zeri; Ceva is not small
    expect(summarizeArea(more, null)).toMatchObject({ inUnioni: 0, smallOutsideUnioni: 3 });
  });
});
