import { describe, expect, it } from 'vitest';
import { areaRows, summarizeArea } from '../../domain/area-summary';
import type { AtlasTable } from '../../domain/atlas-table';

const table = {
  code: ['001001', '001002', '002001', '003001'],
  name: ['A', 'B', 'C', 'D'],
  province: ['001', '001', '002', '003'],
  region: ['01', '01', '01', '02'],
  population: [800, 4000, 60000, null],
  mountain: [1, 0, 0, 0],
  innerAreaClass: ['E', 'D', 'A', null],
  associations: [2, 0, 1, 0],
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
      inAssociations: 2,
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
