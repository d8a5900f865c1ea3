/**
 * Service coverage: which Comuni receive a service, through which alliance or association, and
 * how coverage adds up by province, region and nationally. Linear in rows + providers, so it runs
 * on the full table of 7,899 Comuni at every change.
 */
import type { AssociationKind } from './associations';
import { isObligedToAssociate, isSmallComune } from './thresholds';

/** The columns of the atlas table that coverage needs (see AtlasTable): row i describes `code[i]`. */
export interface CoverageComuni {
  code: readonly string[];
  region: readonly string[];
  province: readonly string[];
  population: readonly (number | null)[];
  mountain: readonly (0 | 1)[];
}

/** The body through which a Comune receives the service. */
export interface CoverageSource {
  kind: 'alliance' | AssociationKind;
  id: number | string;
  name: string;
}

/** One Comune receiving the service through one body. */
export interface CoverageProvider {
  code: string;
  via: CoverageSource;
}

/**
 * Row status values, one meaning each: covered; not covered and obliged by law to run the service
 * jointly (only for a fundamental function); not covered and small (≤ 5,000 residents) but not
 * obliged; any other Comune not covered.
 */
export const COVERAGE_STATUS = { uncovered: 0, covered: 1, obligedUncovered: 2, smallUncovered: 3 } as const;

export interface CoverageAggregate {
  /** Region or province code; 'IT' for the national totals. */
  code: string;
  comuni: number;
  covered: number;
  /** Comuni not covered that the law obliges to run this service jointly (0 unless it is a fundamental function). */
  obligedUncovered: number;
  /** Small Comuni (≤ 5,000 residents) not covered, obliged or not. */
  smallUncovered: number;
  population: number;
  populationCovered: number;
}

export interface Coverage {
  /** Per row, a COVERAGE_STATUS value. */
  status: Uint8Array;
  /**
   * The sources of row i are `viaSources[viaOffsets[i] … viaOffsets[i + 1] - 1]`, indexes into
   * `sources` in order of first appearance (see `sourcesOfRow`).
   */
  viaOffsets: Uint32Array;
  viaSources: Uint32Array;
  /** Distinct sources (by kind and id), in order of first appearance among the providers. */
  sources: CoverageSource[];
  /** By code, ascending. */
  regions: CoverageAggregate[];
  provinces: CoverageAggregate[];
  totals: CoverageAggregate;
  /** Provider codes not in the table, distinct and sorted. */
  unknownCodes: string[];
}

/**
 * Computes coverage of the table rows from the list of (Comune, source) pairs. `obligation`: whether
 * the service is a fundamental function, which small Comuni are obliged to run jointly (DL 78/2010
 * art. 14 c. 28); for any other service no Comune is "obliged".
 */
export function computeCoverage(comuni: CoverageComuni, providers: readonly CoverageProvider[], obligation: boolean): Coverage {
  const rows = comuni.code.length;
  const rowOf = rowsByCode(comuni);

  const sources: CoverageSource[] = [];
  const sourceIndex = new Map<string, number>();
  // Providers through one body often share its object: found by identity, its key is built once.
  const sourceOfObject = new Map<CoverageSource, number>();
  const pairRow: number[] = [];
  const pairSource: number[] = [];
  const unknown = new Set<string>();
  for (const p of providers) {
    const row = rowOf.get(p.code);
    if (row === undefined) {
      unknown.add(p.code);
      continue;
    }
    let s = sourceOfObject.get(p.via);
    if (s === undefined) {
      const key = `${p.via.kind}\u0000${p.via.id}`;
      s = sourceIndex.get(key);
      if (s === undefined) {
        s = sources.length;
        sourceIndex.set(key, s);
        sources.push(p.via);
      }
      sourceOfObject.set(p.via, s);
    }
    pairRow.push(row);
    pairSource.push(s);
  }

  // Distinct (row, source) pairs, then a counting sort by row into offsets + flat list.
  const seen = new Set<number>();
  const counts = new Uint32Array(rows + 1);
  const keep = new Uint8Array(pairRow.length);
  for (let k = 0; k < pairRow.length; k++) {
    const key = (pairRow[k] as number) * sources.length + (pairSource[k] as number);
    if (seen.has(key)) continue;
    seen.add(key);
    keep[k] = 1;
    const next = (pairRow[k] as number) + 1;
    counts[next] = (counts[next] as number) + 1;
  }
  const viaOffsets = new Uint32Array(rows + 1);
  for (let i = 0; i < rows; i++) viaOffsets[i + 1] = (viaOffsets[i] as number) + (counts[i + 1] as number);
  const viaSources = new Uint32Array(viaOffsets[rows] as number);
  const cursor = viaOffsets.slice(0, rows);
  for (let k = 0; k < pairRow.length; k++) {
    if (!keep[k]) continue;
    const row = pairRow[k] as number;
    const at = cursor[row] as number;
    viaSources[at] = pairSource[k] as number;
    cursor[row] = at + 1;
  }

  const counted = coverageStatus(comuni, (row) => (viaOffsets[row + 1] as number) > (viaOffsets[row] as number), obligation);
  return { ...counted, viaOffsets, viaSources, sources, unknownCodes: [...unknown].sort() };
}

/**
 * Each row's COVERAGE_STATUS given whether it is `covered`, and the rows added up per region,
 * province and nationally (by code, ascending). See `computeCoverage` for `obligation`.
 */
export function coverageStatus(comuni: CoverageComuni, covered: (row: number) => boolean, obligation: boolean): Pick<Coverage, 'status' | 'regions' | 'provinces' | 'totals'> {
  const rows = comuni.code.length;
  const status = new Uint8Array(rows);
  const regions = new Map<string, CoverageAggregate>();
  const provinces = new Map<string, CoverageAggregate>();
  const totals = aggregate('IT');
  for (let i = 0; i < rows; i++) {
    const population = comuni.population[i] ?? null;
    status[i] = covered(i)
      ? COVERAGE_STATUS.covered
      : obligation && isObligedToAssociate(population, comuni.mountain[i] === 1)
        ? COVERAGE_STATUS.obligedUncovered
        : isSmallComune(population)
          ? COVERAGE_STATUS.smallUncovered
          : COVERAGE_STATUS.uncovered;
    const region = comuni.region[i] as string;
    const province = comuni.province[i] as string;
    let r = regions.get(region);
    if (!r) regions.set(region, (r = aggregate(region)));
    let p = provinces.get(province);
    if (!p) provinces.set(province, (p = aggregate(province)));
    const s = status[i] as number;
    add(totals, s, population ?? 0);
    add(r, s, population ?? 0);
    add(p, s, population ?? 0);
  }
  return { status, regions: [...regions.values()].sort(byCode), provinces: [...provinces.values()].sort(byCode), totals };
}

const rowIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Row of each code (the last, should one repeat), built once per table. */
export function rowsByCode(comuni: CoverageComuni): Map<string, number> {
  let rowOf = rowIndexes.get(comuni.code);
  if (!rowOf) {
    rowOf = new Map();
    for (let i = 0; i < comuni.code.length; i++) rowOf.set(comuni.code[i] as string, i);
    rowIndexes.set(comuni.code, rowOf);
  }
  return rowOf;
}

/** Indexes into `coverage.sources` of the bodies through which row `row` is covered. */
export function sourcesOfRow(coverage: Pick<Coverage, 'viaOffsets' | 'viaSources'>, row: number): number[] {
  const start = coverage.viaOffsets[row] ?? 0;
  const end = coverage.viaOffsets[row + 1] ?? start;
  return [...coverage.viaSources.subarray(start, end)];
}

/** A body providing the service, with how many Comuni receive it through that body. */
export interface SourceSummary extends CoverageSource {
  comuni: number;
}

/** The bodies providing the service, nationally and per area, each with its Comuni: most first, ties by name, then kind and id. */
export interface SourceSummaries {
  national: SourceSummary[];
  /** Per region code (the rows' `region`), the bodies through which Comuni of that region receive it. */
  byRegion: Map<string, SourceSummary[]>;
}

/**
 * Sums up who provides the service: one pass over the covered rows' sources. Linear in rows plus
 * (row, source) pairs, whatever the number of sources: the answer can then carry a few bodies and
 * counts, and page through the rest, instead of every body inline.
 */
export function summariseSources(coverage: Pick<Coverage, 'viaOffsets' | 'viaSources' | 'sources'>, region: readonly string[]): SourceSummaries {
  const national = new Uint32Array(coverage.sources.length);
  const perRegion = new Map<string, Map<number, number>>();
  for (let row = 0; row + 1 < coverage.viaOffsets.length; row++) {
    const start = coverage.viaOffsets[row] as number;
    const end = coverage.viaOffsets[row + 1] as number;
    if (start === end) continue;
    const code = region[row] as string;
    let counts = perRegion.get(code);
    if (!counts) perRegion.set(code, (counts = new Map()));
    for (let k = start; k < end; k++) {
      const s = coverage.viaSources[k] as number;
      national[s] = (national[s] as number) + 1;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  const listed = (entries: Iterable<[number, number]>) =>
    [...entries].map(([s, comuni]) => ({ ...(coverage.sources[s] as CoverageSource), comuni })).sort(bySummary);
  return {
    national: listed([...national.entries()].filter(([, n]) => n > 0)),
    byRegion: new Map([...perRegion].map(([code, counts]) => [code, listed(counts)])),
  };
}

/** How many bodies provide the service, nationally and per region, and the first few of them. */
export interface SourceTally {
  count: number;
  /** Per region code, how many bodies serve at least one of its Comuni (regions with none left out). */
  byRegion: Map<string, number>;
  /** The first `first` bodies in the order of `summariseSources`. */
  first: SourceSummary[];
}

/**
 * What a coverage answer shows of its sources without sorting them all (that is for paging, see
 * `summariseSources`): linear in rows plus (row, source) pairs, whatever the number of sources.
 */
export function tallySources(coverage: Pick<Coverage, 'viaOffsets' | 'viaSources' | 'sources'>, region: readonly string[], first: number): SourceTally {
  const national = new Uint32Array(coverage.sources.length);
  const rowsOfRegion = new Map<string, number[]>();
  for (let row = 0; row + 1 < coverage.viaOffsets.length; row++) {
    const start = coverage.viaOffsets[row] as number;
    const end = coverage.viaOffsets[row + 1] as number;
    if (start === end) continue;
    const code = region[row] as string;
    let rows = rowsOfRegion.get(code);
    if (!rows) rowsOfRegion.set(code, (rows = []));
    rows.push(row);
    for (let k = start; k < end; k++) {
      const s = coverage.viaSources[k] as number;
      national[s] = (national[s] as number) + 1;
    }
  }
  // Per region, each source counted once: marked with the region's number when first met there.
  const mark = new Uint32Array(coverage.sources.length);
  const byRegion = new Map<string, number>();
  let regionNumber = 0;
  for (const [code, rows] of rowsOfRegion) {
    regionNumber++;
    let distinct = 0;
    for (const row of rows) {
      for (let k = coverage.viaOffsets[row] as number; k < (coverage.viaOffsets[row + 1] as number); k++) {
        const s = coverage.viaSources[k] as number;
        if (mark[s] !== regionNumber) {
          mark[s] = regionNumber;
          distinct++;
        }
      }
    }
    byRegion.set(code, distinct);
  }
  const summaries: SourceSummary[] = [];
  for (let s = 0; s < national.length; s++) {
    const comuni = national[s] as number;
    if (comuni > 0) summaries.push({ ...(coverage.sources[s] as CoverageSource), comuni });
  }
  const best = firstSummaries(summaries, first);
  const count = summaries.length;
  return { count, byRegion, first: best };
}

/** The first `n` of `summaries` in the order of `summariseSources`, without sorting them all. */
export function firstSummaries(summaries: Iterable<SourceSummary>, n: number): SourceSummary[] {
  // Kept sorted as they come: a summary enters only if it goes before the last kept.
  const best: SourceSummary[] = [];
  if (n <= 0) return best;
  for (const summary of summaries) {
    const last = best[best.length - 1];
    if (best.length >= n && last && bySummary(summary, last) >= 0) continue;
    let at = best.length;
    while (at > 0 && bySummary(summary, best[at - 1] as SourceSummary) < 0) at--;
    best.splice(at, 0, summary);
    if (best.length > n) best.pop();
  }
  return best;
}

function bySummary(a: SourceSummary, b: SourceSummary): number {
  if (a.comuni !== b.comuni) return b.comuni - a.comuni;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const ka = `${a.kind}\u0000${a.id}`;
  const kb = `${b.kind}\u0000${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Share of residents covered (0..1), null when the area has no known residents. */
export function populationShare(a: CoverageAggregate): number | null {
  return a.population > 0 ? a.populationCovered / a.population : null;
}

export type CoverageSortKey = keyof CoverageAggregate | 'populationShare';

/**
 * A sorted copy of aggregate rows for a sortable table. Ties (and, for 'populationShare', areas
 * without residents, which always come last) are ordered by code ascending.
 */
export function sortAggregates<T extends CoverageAggregate>(rows: readonly T[], key: CoverageSortKey, direction: 'asc' | 'desc' = 'asc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const value = (a: CoverageAggregate): number | string | null => (key === 'populationShare' ? populationShare(a) : a[key]);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * sign;
    }
    return byCode(a, b);
  });
}

function aggregate(code: string): CoverageAggregate {
  return { code, comuni: 0, covered: 0, obligedUncovered: 0, smallUncovered: 0, population: 0, populationCovered: 0 };
}

function add(a: CoverageAggregate, status: number, population: number): void {
  a.comuni++;
  a.population += population;
  if (status === COVERAGE_STATUS.covered) {
    a.covered++;
    a.populationCovered += population;
  } else if (status === COVERAGE_STATUS.obligedUncovered) {
    // Obliged Comuni are small ones (≤ 5,000 residents): they count in both.
    a.obligedUncovered++;
    a.smallUncovered++;
  } else if (status === COVERAGE_STATUS.smallUncovered) a.smallUncovered++;
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
