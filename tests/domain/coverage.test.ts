import { describe, expect, it } from 'vitest';
import { COVERAGE_STATUS, computeCoverage, populationShare, sortAggregates, sourcesOfRow, summariseSources, tallySources, type CoverageComuni, type CoverageProvider, type CoverageSource } from '../../domain/coverage';

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

// Computed inside each test, so that a failure shows up in that test rather than when the file is collected.
const computed = () => computeCoverage(comuni, providers, true);

describe('service coverage', () => {
  it('marks covered rows, uncovered rows obliged to associate (≤ 5,000; ≤ 3,000 mountain) and the other small ones', () => {
    const { covered, uncovered, obligedUncovered, smallUncovered } = COVERAGE_STATUS;
    expect([...computed().status]).toEqual([covered, obligedUncovered, smallUncovered, covered, uncovered, obligedUncovered]);
  });

  it('calls no Comune obliged for a service that is not a fundamental function: the small ones are just small', () => {
    const { covered, uncovered, smallUncovered } = COVERAGE_STATUS;
    const coverage = computeCoverage(comuni, providers, false);
    expect([...coverage.status]).toEqual([covered, smallUncovered, smallUncovered, covered, uncovered, smallUncovered]);
    expect(coverage.totals).toEqual({ code: 'IT', comuni: 6, covered: 2, obligedUncovered: 0, smallUncovered: 3, population: 24500, populationCovered: 13000 });
  });

  it('keeps every distinct source of a row, once', () => {
    const coverage = computed();
    expect(coverage.sources).toEqual([alliance, union]);
    expect(sourcesOfRow(coverage, 0)).toEqual([0]);
    expect(sourcesOfRow(coverage, 3)).toEqual([1, 0]);
    expect(sourcesOfRow(coverage, 1)).toEqual([]);
    expect(coverage.viaSources).toHaveLength(3);
  });

  it('ignores unknown codes but lists them, distinct and sorted', () => {
    expect(computed().unknownCodes).toEqual(['000000', '999999']);
  });

  it('adds up regions, provinces and the whole country', () => {
    const coverage = computed();
    expect(coverage.regions).toEqual([
      { code: '01', comuni: 4, covered: 2, obligedUncovered: 1, smallUncovered: 2, population: 19500, populationCovered: 13000 },
      { code: '05', comuni: 2, covered: 0, obligedUncovered: 1, smallUncovered: 1, population: 5000, populationCovered: 0 },
    ]);
    expect(coverage.provinces.map((p) => [p.code, p.comuni, p.covered, p.obligedUncovered, p.smallUncovered])).toEqual([
      ['001', 3, 1, 1, 2],
      ['002', 1, 1, 0, 0],
      ['003', 2, 0, 1, 1],
    ]);
    expect(coverage.totals).toEqual({ code: 'IT', comuni: 6, covered: 2, obligedUncovered: 2, smallUncovered: 3, population: 24500, populationCovered: 13000 });
  });

  it('handles an empty provider list', () => {
    const none = computeCoverage(comuni, [], true);
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
    const result = computeCoverage(big, many, true);
    expect(result.totals.comuni).toBe(rows);
    expect(result.provinces).toHaveLength(107);
    expect(result.totals.covered).toBe([...result.status].filter((s) => s === COVERAGE_STATUS.covered).length);
    expect(result.unknownCodes.every((c) => Number(c) >= rows)).toBe(true);
  });
});

describe('sorting aggregates', () => {
  const empty = { code: '000', comuni: 1, covered: 0, obligedUncovered: 0, smallUncovered: 0, population: 0, populationCovered: 0 };

  it('sorts by a column in either direction, ties by code ascending', () => {
    const { provinces } = computed();
    expect(sortAggregates(provinces, 'covered', 'asc').map((p) => p.code)).toEqual(['003', '001', '002']);
    expect(sortAggregates(provinces, 'covered', 'desc').map((p) => p.code)).toEqual(['001', '002', '003']);
    expect(sortAggregates(provinces, 'code', 'desc').map((p) => p.code)).toEqual(['003', '002', '001']);
  });

  it('sorts by share of residents covered, areas without residents last', () => {
    const { provinces } = computed();
    expect(populationShare(provinces[1]!)).toBe(1);
    expect(sortAggregates([empty, ...provinces], 'populationShare', 'desc').map((p) => p.code)).toEqual(['002', '001', '003', '000']);
    expect(sortAggregates([empty, ...provinces], 'populationShare', 'asc').map((p) => p.code)).toEqual(['003', '001', '002', '000']);
  });

  it('does not change its input', () => {
    const { provinces } = computed();
    const before = provinces.map((p) => p.code);
    sortAggregates(provinces, 'population', 'desc');
    expect(provinces.map((p) => p.code)).toEqual(before);
  });
});

describe('service coverage of an unsorted table', () => {
  // Rows deliberately out of code order; r3 is covered by three bodies.
  const table: CoverageComuni = {
    code: ['005001', '001001', '001002', '003001', '001003', '005002', '003002'],
    region: ['05', '01', '01', '03', '01', '05', '03'],
    province: ['005', '001', '001', '003', '002', '005', '003'],
    population: [1000, 2500, 4000, 12000, null, 5000, 6000],
    mountain: [0, 1, 1, 0, 0, 0, 0],
  };
  const x = { kind: 'alliance', id: 1, name: 'ALI Valle' } as const;
  const y = { kind: 'unione', id: 7, name: 'Unione dei Colli' } as const;
  const z = { kind: 'convenzione', id: 'c2', name: 'Convenzione SUAP' } as const;
  const list: CoverageProvider[] = [
    { code: '003001', via: x },
    { code: '001001', via: y },
    { code: '003001', via: z },
    { code: '003001', via: y },
    { code: '005001', via: y },
    { code: '999999', via: x },
    { code: '003001', via: { ...x } },
  ];

  it('lists the sources of each row in order of appearance', () => {
    const coverage = computeCoverage(table, list, true);
    expect(coverage.sources).toEqual([x, y, z]);
    expect([...coverage.viaOffsets]).toEqual([0, 1, 2, 2, 5, 5, 5, 5]);
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => sourcesOfRow(coverage, row))).toEqual([[1], [1], [], [0, 2, 1], [], [], []]);
    expect(coverage.unknownCodes).toEqual(['999999']);
  });

  it('marks only uncovered Comuni within the limits as obliged (3,000 for mountain ones, none when unknown)', () => {
    const { covered, uncovered, obligedUncovered, smallUncovered } = COVERAGE_STATUS;
    expect([...computeCoverage(table, list, true).status]).toEqual([covered, covered, smallUncovered, covered, uncovered, obligedUncovered, uncovered]);
  });

  it('lists regions and provinces by code whatever the order of the rows', () => {
    const coverage = computeCoverage(table, list, true);
    expect(coverage.regions).toEqual([
      { code: '01', comuni: 3, covered: 1, obligedUncovered: 0, smallUncovered: 1, population: 6500, populationCovered: 2500 },
      { code: '03', comuni: 2, covered: 1, obligedUncovered: 0, smallUncovered: 0, population: 18000, populationCovered: 12000 },
      { code: '05', comuni: 2, covered: 1, obligedUncovered: 1, smallUncovered: 1, population: 6000, populationCovered: 1000 },
    ]);
    expect(coverage.provinces).toEqual([
      { code: '001', comuni: 2, covered: 1, obligedUncovered: 0, smallUncovered: 1, population: 6500, populationCovered: 2500 },
      { code: '002', comuni: 1, covered: 0, obligedUncovered: 0, smallUncovered: 0, population: 0, populationCovered: 0 },
      { code: '003', comuni: 2, covered: 1, obligedUncovered: 0, smallUncovered: 0, population: 18000, populationCovered: 12000 },
      { code: '005', comuni: 2, covered: 1, obligedUncovered: 1, smallUncovered: 1, population: 6000, populationCovered: 1000 },
    ]);
    expect(coverage.totals).toEqual({ code: 'IT', comuni: 7, covered: 3, obligedUncovered: 1, smallUncovered: 2, population: 30500, populationCovered: 15500 });
  });

  it('gives an empty table no rows, no sources and zero totals', () => {
    const empty = computeCoverage({ code: [], region: [], province: [], population: [], mountain: [] }, [{ code: '001001', via: x }], true);
    expect(empty).toEqual({
      status: new Uint8Array(0),
      viaOffsets: new Uint32Array(1),
      viaSources: new Uint32Array(0),
      sources: [],
      regions: [],
      provinces: [],
      totals: { code: 'IT', comuni: 0, covered: 0, obligedUncovered: 0, smallUncovered: 0, population: 0, populationCovered: 0 },
      unknownCodes: ['001001'],
    });
  });
});

describe('sorting aggregates, more', () => {
  const row = (code: string, covered: number, population: number, populationCovered: number) => ({ code, comuni: 3, covered, obligedUncovered: 0, smallUncovered: 0, population, populationCovered });

  it('sorts ascending by default', () => {
    const rows = [row('B', 2, 100, 50), row('A', 1, 100, 10), row('C', 3, 100, 90)];
    expect(sortAggregates(rows, 'covered').map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });

  it('puts areas without residents last in ascending order too, wherever they start', () => {
    const rows = [row('A', 1, 100, 50), row('B', 1, 100, 100), row('C', 0, 0, 0)];
    expect(sortAggregates(rows, 'populationShare', 'asc').map((r) => r.code)).toEqual(['A', 'B', 'C']);
    expect(sortAggregates([rows[2]!, rows[1]!, rows[0]!], 'populationShare', 'asc').map((r) => r.code)).toEqual(['A', 'B', 'C']);
    expect(sortAggregates(rows, 'populationShare', 'desc').map((r) => r.code)).toEqual(['B', 'A', 'C']);
  });

  it('orders areas without residents by code', () => {
    const rows = [row('Z', 0, 0, 0), row('A', 2, 100, 50), row('M', 0, 0, 0)];
    expect(sortAggregates(rows, 'populationShare', 'desc').map((r) => r.code)).toEqual(['A', 'M', 'Z']);
  });
});

describe('summing up the providing bodies', () => {
  const table: CoverageComuni = {
    code: ['001001', '001002', '001003', '005001', '005002'],
    region: ['01', '01', '01', '05', '05'],
    province: ['001', '001', '001', '005', '005'],
    population: [100, 200, 300, 400, 500],
    mountain: [0, 0, 0, 0, 0],
  };
  const a = { kind: 'alliance', id: 1, name: 'Beta' } as const;
  const b = { kind: 'alliance', id: 2, name: 'Alfa' } as const;
  const u = { kind: 'unione', id: 2, name: 'Alfa' } as const;
  const list: CoverageProvider[] = [
    { code: '001001', via: a },
    { code: '001002', via: a },
    { code: '005001', via: a },
    { code: '001001', via: b },
    { code: '005002', via: u },
    { code: '001001', via: { ...a } }, // the same body twice for one Comune counts once
  ];

  it('counts each body’s Comuni nationally and per region, most first, ties by name then kind and id', () => {
    const { national, byRegion } = summariseSources(computeCoverage(table, list, false), table.region);
    expect(national).toEqual([
      { ...a, comuni: 3 },
      { ...b, comuni: 1 },
      { ...u, comuni: 1 },
    ]);
    expect(byRegion.get('01')).toEqual([
      { ...a, comuni: 2 },
      { ...b, comuni: 1 },
    ]);
    expect(byRegion.get('05')).toEqual([
      { ...u, comuni: 1 },
      { ...a, comuni: 1 },
    ].sort((x, y) => (x.name < y.name ? -1 : 1)));
    expect([...byRegion.keys()].sort()).toEqual(['01', '05']);
  });

  it('has nothing to sum up when nobody provides the service', () => {
    const { national, byRegion } = summariseSources(computeCoverage(table, [], false), table.region);
    expect(national).toEqual([]);
    expect(byRegion.size).toBe(0);
  });

  it('orders bodies of the same name and count by kind, then id', () => {
    const c = { kind: 'alliance', id: 3, name: 'Alfa' } as const;
    const { national } = summariseSources(computeCoverage(table, [{ code: '001001', via: u }, { code: '001002', via: c }, { code: '001003', via: b }], false), table.region);
    expect(national.map((s) => `${s.kind}${s.id}`)).toEqual(['alliance2', 'alliance3', 'unione2']);
  });
});

describe('tallying the providing bodies without sorting them all', () => {
  const table: CoverageComuni = {
    code: ['001001', '001002', '001003', '005001', '005002', '009001'],
    region: ['01', '01', '01', '05', '05', '09'],
    province: ['001', '001', '001', '005', '005', '009'],
    population: [100, 200, 300, 400, 500, 600],
    mountain: [0, 0, 0, 0, 0, 0],
  };

  /** What the answer shows, derived from the full sorted summary. */
  const fromSummary = (coverage: ReturnType<typeof computeCoverage>, first: number) => {
    const { national, byRegion } = summariseSources(coverage, table.region);
    return { count: national.length, byRegion: new Map([...byRegion].map(([code, list]) => [code, list.length])), first: national.slice(0, first) };
  };

  /** A pseudo-random list of providers (seeded): bodies of few names and kinds, so that ties abound. */
  const randomProviders = (seed: number, count: number): CoverageProvider[] => {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
    const bodies: CoverageSource[] = Array.from({ length: 12 }, (_, i) => ({ kind: i % 3 === 0 ? 'unione' : 'alliance', id: i % 5, name: ['Alfa', 'Beta', 'Gamma'][i % 3] as string }));
    return Array.from({ length: count }, () => ({ code: table.code[next(table.code.length)] as string, via: bodies[next(bodies.length)] as CoverageSource }));
  };

  it('gives the count, the bodies per region and the first few exactly as the full summary does, ties included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const coverage = computeCoverage(table, randomProviders(seed, 1 + (seed % 25)), false);
      for (const first of [0, 1, 2, 3, 10]) expect(tallySources(coverage, table.region, first)).toEqual(fromSummary(coverage, first));
    }
  });

  it('keeps the first bodies in order when a later one belongs before them, and counts each body once per region', () => {
    const a = { kind: 'alliance', id: 1, name: 'Zeta' } as const;
    const b = { kind: 'alliance', id: 2, name: 'Alfa' } as const;
    const c = { kind: 'unione', id: 3, name: 'Alfa' } as const;
    const coverage = computeCoverage(table, [
      { code: '001001', via: a },
      { code: '005001', via: b },
      { code: '001002', via: c },
      { code: '001003', via: c },
      { code: '005002', via: a },
      { code: '001003', via: a },
    ], false);
    const tally = tallySources(coverage, table.region, 2);
    expect(tally.first).toEqual([{ ...a, comuni: 3 }, { ...c, comuni: 2 }]);
    expect(tally.count).toBe(3);
    expect(tally.byRegion).toEqual(new Map([['01', 2], ['05', 2]]));
    expect(tallySources(coverage, table.region, 5).first).toEqual([{ ...a, comuni: 3 }, { ...c, comuni: 2 }, { ...b, comuni: 1 }]);
  });

  it('has nothing to tally when nobody provides the service', () => {
    expect(tallySources(computeCoverage(table, [], false), table.region, 10)).toEqual({ count: 0, byRegion: new Map(), first: [] });
  });

  it('finds a body by kind and id whether its providers share one object or not', () => {
    const shared = { kind: 'alliance', id: 4, name: 'Delta' } as const;
    const same = computeCoverage(table, [{ code: '001001', via: shared }, { code: '001002', via: shared }, { code: '001002', via: { ...shared } }], false);
    expect(same.sources).toEqual([shared]);
    expect([...same.viaSources]).toEqual([0, 0]);
    // Two bodies sharing a name are two sources; one object met again is the source it was.
    const other = { kind: 'unione', id: 4, name: 'Delta' } as const;
    const two = computeCoverage(table, [{ code: '001001', via: shared }, { code: '001001', via: other }, { code: '001002', via: shared }], false);
    expect(two.sources).toEqual([shared, other]);
    expect([...two.viaSources]).toEqual([0, 1, 0]);
  });
});
