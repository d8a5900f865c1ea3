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
  });

  it('keeps or restores leading zeros of ISTAT codes', () => {
    expect(parseComuneCode('009069')).toBe('009069');
    expect(parseComuneCode(' 9069 ')).toBe('009069');
    expect(parseComuneCode('12345678')).toBeNull();
    expect(parseComuneCode('H501')).toBeNull();
  });
});
