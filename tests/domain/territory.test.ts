import { describe, expect, it } from 'vitest';
import { parseComuneCode } from '../../domain/codes';
import { overlaps } from '../../domain/overlaps';
import { summarizeTerritory, type ComuneFacts } from '../../domain/territory';
import { foldName } from '../../domain/text';

const facts = new Map<string, ComuneFacts>([
  ['000001', { code: '000001', name: 'A', provinceCode: '001', regionCode: '01', population: 5000, areaKm2: 10 }],
  ['000002', { code: '000002', name: 'B', provinceCode: '001', regionCode: '01', population: 5001, areaKm2: 20 }],
  ['000003', { code: '000003', name: 'C', provinceCode: '002', regionCode: '02', population: null, areaKm2: 5.5 }],
]);

describe('summarizeTerritory', () => {
  it('adds up residents, area, density and small Comuni (5,000 is small, 5,001 is not)', () => {
    const { totals, provinces, regions } = summarizeTerritory(['000001', '000002', '000003'], (c) => facts.get(c));
    expect(totals).toEqual({
      comuni: 3,
      population: 10001,
      areaKm2: 35.5,
      densityPerKm2: 281.7,
      smallComuni: 1,
      withoutPopulation: ['000003'],
    });
    expect(provinces).toEqual([{ code: '001', comuni: 2 }, { code: '002', comuni: 1 }]);
    expect(regions).toEqual([{ code: '01', comuni: 2 }, { code: '02', comuni: 1 }]);
  });

  it('refuses an unknown code instead of counting it as zero', () => {
    expect(() => summarizeTerritory(['999999'], (c) => facts.get(c))).toThrow(/999999/);
  });
});

describe('overlaps', () => {
  it('groups members by the associations they already belong to', () => {
    const refs = {
      '000001': [{ id: 1, kind: 'sll' as const, name: 'X' }],
      '000002': [{ id: 1, kind: 'sll' as const, name: 'X' }, { id: 2, kind: 'snai' as const, name: 'Y' }],
    } as Record<string, { id: number; kind: 'sll' | 'snai'; name: string }[]>;
    expect(overlaps(['000002', '000001', '000003'], (c) => refs[c])).toEqual([
      { id: 1, kind: 'sll', name: 'X', members: ['000001', '000002'] },
      { id: 2, kind: 'snai', name: 'Y', members: ['000002'] },
    ]);
  });
});

describe('text and codes', () => {
  it('folds names for search', () => {
    expect(foldName('Forlì')).toBe('forli');
    expect(foldName("Sant'Agata de' Goti")).toBe('sant agata de goti');
    expect(foldName('Bolzano/Bozen')).toBe('bolzano bozen');
    expect(foldName("  L'Aquila - ")).toBe('l aquila');
  });

  it('keeps or restores leading zeros of ISTAT codes', () => {
    expect(parseComuneCode('009069')).toBe('009069');
    expect(parseComuneCode(' 9069 ')).toBe('009069');
    expect(parseComuneCode('12345678')).toBeNull();
    expect(parseComuneCode('H501')).toBeNull();
  });
});

describe('summarizeTerritory, ordering and empty territories', () => {
  const more = new Map<string, ComuneFacts>([
    ['000011', { code: '000011', name: 'K', provinceCode: '003', regionCode: '02', population: null, areaKm2: 1 }],
    ['000012', { code: '000012', name: 'L', provinceCode: '002', regionCode: '01', population: 100, areaKm2: 1 }],
    ['000013', { code: '000013', name: 'M', provinceCode: '001', regionCode: '01', population: null, areaKm2: 1 }],
    ['000014', { code: '000014', name: 'N', provinceCode: '002', regionCode: '02', population: 200, areaKm2: 1 }],
    ['000015', { code: '000015', name: 'O', provinceCode: '001', regionCode: '01', population: 300, areaKm2: 1 }],
  ]);
  const expected = {
    totals: { comuni: 5, population: 600, areaKm2: 5, densityPerKm2: 120, smallComuni: 3, withoutPopulation: ['000011', '000013'] },
    provinces: [{ code: '001', comuni: 2 }, { code: '002', comuni: 2 }, { code: '003', comuni: 1 }],
    regions: [{ code: '01', comuni: 3 }, { code: '02', comuni: 2 }],
  };

  it('lists provinces and regions by number of members, then by code, whatever the order of members', () => {
    const codes = ['000011', '000012', '000013', '000014', '000015'];
    expect(summarizeTerritory(codes, (c) => more.get(c))).toEqual(expected);
    expect(summarizeTerritory([...codes].reverse(), (c) => more.get(c))).toEqual(expected);
  });

  it('gives an empty territory no density', () => {
    expect(summarizeTerritory([], (c) => more.get(c))).toEqual({
      totals: { comuni: 0, population: 0, areaKm2: 0, densityPerKm2: null, smallComuni: 0, withoutPopulation: [] },
      provinces: [],
      regions: [],
    });
  });
});
