import { describe, expect, it } from 'vitest';
import { COVERAGE_STATUS, computeCoverage, populationShare, sortAggregates, sourcesOfRow, type CoverageComuni, type CoverageProvider } from '../../domain/coverage';

const comuni: CoverageComuni = {
  code: ['001001', '001002', '001003', '002001', '003001', '003002'],
  region: ['01', '01', '01', '01', '05', '05'],
  province: ['001', '001', '001', '002', '003', '003'],
  population: [1000, 2500, 4000, 12000, null, 5000],
  mountain: [0, 1, 1, 0, 0, 0],
};
const alliance = { kind: 'alliance', id: 1, name: 'ALI Valle' } as const;
const union = { kind: 'unione', id: 7, name: 'Unione dei Colli' } as const;
const providers: CoverageProvider[] = [
  { code: '001001', via: alliance },
  { code: '002001', via: union },
  { code: '002001', via: alliance },
  { code: '001001', via: { ...alliance } },
  { code: '999999', via: alliance },
  { code: '000000', via: union },
  { code: '999999', via: union },
];

describe('service coverage', () => {
  const coverage = computeCoverage(comuni, providers);

  it('marks covered rows, and uncovered rows obliged to associate (≤ 5,000; ≤ 3,000 mountain)', () => {
    const { covered, uncovered, obligedUncovered } = COVERAGE_STATUS;
    expect([...coverage.status]).toEqual([covered, obligedUncovered, uncovered, covered, uncovered, obligedUncovered]);
  });

  it('keeps every distinct source of a row, once', () => {
    expect(coverage.sources).toEqual([alliance, union]);
    expect(sourcesOfRow(coverage, 0)).toEqual([0]);
    expect(sourcesOfRow(coverage, 3)).toEqual([1, 0]);
    expect(sourcesOfRow(coverage, 1)).toEqual([]);
    expect(coverage.viaSources).toHaveLength(3);
  });

  it('ignores unknown codes but lists them, distinct and sorted', () => {
    expect(coverage.unknownCodes).toEqual(['000000', '999999']);
  });

  it('adds up regions, provinces and the whole country', () => {
    expect(coverage.regions).toEqual([
      { code: '01', comuni: 4, covered: 2, obligedUncovered: 1, population: 19500, populationCovered: 13000 },
      { code: '05', comuni: 2, covered: 0, obligedUncovered: 1, population: 5000, populationCovered: 0 },
    ]);
    expect(coverage.provinces.map((p) => [p.code, p.comuni, p.covered, p.obligedUncovered])).toEqual([
      ['001', 3, 1, 1],
      ['002', 1, 1, 0],
      ['003', 2, 0, 1],
    ]);
    expect(coverage.totals).toEqual({ code: 'IT', comuni: 6, covered: 2, obligedUncovered: 2, population: 24500, populationCovered: 13000 });
  });

  it('handles an empty provider list', () => {
    const none = computeCoverage(comuni, []);
    expect(none.totals.covered).toBe(0);
    expect(none.sources).toEqual([]);
    expect([...none.status].filter((s) => s === COVERAGE_STATUS.obligedUncovered)).toHaveLength(3);
  });

  it('aggregates a national-size table consistently (its speed is measured in the benchmark)', () => {
    const rows = 7899;
    const big: CoverageComuni = {
      code: Array.from({ length: rows }, (_, i) => String(i).padStart(6, '0')),
      region: Array.from({ length: rows }, (_, i) => String(i % 20).padStart(2, '0')),
      province: Array.from({ length: rows }, (_, i) => String(i % 107).padStart(3, '0')),
      population: Array.from({ length: rows }, (_, i) => (i * 37) % 20000),
      mountain: Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    };
    const many: CoverageProvider[] = Array.from({ length: 20000 }, (_, k) => ({
      code: String((k * 7) % (rows + 100)).padStart(6, '0'),
      via: { kind: k % 2 ? 'alliance' : 'unione', id: k % 500, name: `Ente ${k % 500}` },
    }));
    const result = computeCoverage(big, many);
    expect(result.totals.comuni).toBe(rows);
    expect(result.provinces).toHaveLength(107);
    expect(result.totals.covered).toBe([...result.status].filter((s) => s === COVERAGE_STATUS.covered).length);
    expect(result.unknownCodes.every((c) => Number(c) >= rows)).toBe(true);
  });
});

describe('sorting aggregates', () => {
  const { provinces } = computeCoverage(comuni, providers);
  const empty = { code: '000', comuni: 1, covered: 0, obligedUncovered: 0, population: 0, populationCovered: 0 };

  it('sorts by a column in either direction, ties by code ascending', () => {
    expect(sortAggregates(provinces, 'covered', 'asc').map((p) => p.code)).toEqual(['003', '001', '002']);
    expect(sortAggregates(provinces, 'covered', 'desc').map((p) => p.code)).toEqual(['001', '002', '003']);
    expect(sortAggregates(provinces, 'code', 'desc').map((p) => p.code)).toEqual(['003', '002', '001']);
  });

  it('sorts by share of residents covered, areas without residents last', () => {
    expect(populationShare(provinces[1]!)).toBe(1);
    expect(sortAggregates([empty, ...provinces], 'populationShare', 'desc').map((p) => p.code)).toEqual(['002', '001', '003', '000']);
    expect(sortAggregates([empty, ...provinces], 'populationShare', 'asc').map((p) => p.code)).toEqual(['003', '001', '002', '000']);
  });

  it('does not change its input', () => {
    const before = provinces.map((p) => p.code);
    sortAggregates(provinces, 'population', 'desc');
    expect(provinces.map((p) => p.code)).toEqual(before);
  });
});
