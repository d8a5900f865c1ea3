import { computeCoverage, coverageStatus, firstSummaries, rowsByCode, summariseSources, type CoverageComuni, type CoverageProvider, type SourceSummaries, type SourceSummary } from '../../domain/coverage';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import { COVERAGE_SOURCES_INLINE, type CoverageReport } from '../../domain/api-types';
import type { AllianceEntry, ProvisionsIndex } from '../queries/coverage';
import { shapeReport } from './coverage';
import type { TerritoryTables } from '../data/territory-store';

/** One alliance's share of a service's coverage: its distinct rows, their regions, its summary. */
interface Share {
  rows: number[];
  regions: string[];
  summary: SourceSummary;
}

/** What does not change with the alliances: the bodies assumed to run fundamental functions, counted once. */
export interface FixedSources {
  providers: CoverageProvider[];
  /** Per row, how many of them. */
  rowCount: Uint32Array;
  /** Per region code, how many serve at least one of its Comuni. */
  byRegion: Map<string, number>;
  summaries: SourceSummary[];
}

export function fixedSources(columns: CoverageComuni, providers: CoverageProvider[]): FixedSources {
  const coverage = computeCoverage(columns, providers, false);
  const rowCount = new Uint32Array(columns.code.length);
  for (let row = 0; row < rowCount.length; row++) rowCount[row] = (coverage.viaOffsets[row + 1] as number) - (coverage.viaOffsets[row] as number);
  const { national, byRegion } = summariseSources(coverage, columns.region);
  return { providers, rowCount, byRegion: new Map([...byRegion].map(([code, list]) => [code, list.length])), summaries: national };
}

/**
 * One service's coverage kept up to date alliance by alliance: a change takes away the changed
 * alliances' old shares and adds their new ones, so an answer after a save among 10,000 alliances
 * costs what it does among 10 (a pass over the 7,899 Comuni), not a pass over every provision. It
 * answers exactly what `coverageReport` computes from scratch (tests/api/coverage-changes.test.ts).
 */
export class CoverageTally {
  private generation = -1;
  private readonly rowAlliances: Uint32Array;
  private readonly shares = new Map<number, Share>();
  private readonly regionAlliances = new Map<string, number>();

  constructor(
    private readonly columns: CoverageComuni,
    private readonly service: { code: string; fundamental: boolean },
    private readonly fixed: FixedSources,
    private readonly tables: TerritoryTables,
  ) {
    this.rowAlliances = new Uint32Array(columns.code.length);
  }

  /** The answer for `index`, caught up with its changes (or counted afresh when they are not known). */
  report(index: ProvisionsIndex, dataVersion: number): { report: CoverageReport; sources: () => SourceSummaries } {
    if (index.generation !== this.generation) {
      const changes = this.generation < 0 || index.generation < this.generation ? undefined : index.changedSince(this.generation);
      if (changes) {
        for (const { id, entry } of changes) {
          this.remove(id);
          if (entry) this.add(entry);
        }
      } else {
        this.shares.clear();
        this.regionAlliances.clear();
        this.rowAlliances.fill(0);
        for (const entry of index.alliances()) this.add(entry);
      }
      this.generation = index.generation;
    }
    return { report: this.answer(dataVersion), sources: lazySources(this.columns, index, this.service.code, this.fixed.providers) };
  }

  private add(entry: AllianceEntry): void {
    const provisions = this.service.code === ANY_FUNDAMENTAL ? entry.fundamental : entry.byService.get(this.service.code);
    if (!provisions?.length) return;
    const rowOf = rowsByCode(this.columns);
    const rows = new Set<number>();
    for (const p of provisions) {
      const row = rowOf.get(p.code);
      if (row !== undefined) rows.add(row);
    }
    if (rows.size === 0) return;
    const regions = new Set<string>();
    for (const row of rows) {
      this.rowAlliances[row] = (this.rowAlliances[row] as number) + 1;
      regions.add(this.columns.region[row] as string);
    }
    for (const region of regions) this.regionAlliances.set(region, (this.regionAlliances.get(region) ?? 0) + 1);
    const via = (provisions[0] as { via: SourceSummary | Omit<SourceSummary, 'comuni'> }).via;
    this.shares.set(entry.id, { rows: [...rows], regions: [...regions], summary: { kind: via.kind, id: via.id, name: via.name, comuni: rows.size } });
  }

  private remove(id: number): void {
    const share = this.shares.get(id);
    if (!share) return;
    for (const row of share.rows) this.rowAlliances[row] = (this.rowAlliances[row] as number) - 1;
    for (const region of share.regions) this.regionAlliances.set(region, (this.regionAlliances.get(region) as number) - 1);
    this.shares.delete(id);
  }

  private answer(dataVersion: number): CoverageReport {
    const { columns, fixed } = this;
    const sourcesOfRow = (row: number) => (this.rowAlliances[row] as number) + (fixed.rowCount[row] as number);
    const summaries = function* (shares: Iterable<Share>) {
      for (const share of shares) yield share.summary;
      yield* fixed.summaries;
    };
    return shapeReport(this.tables, columns, this.service, dataVersion, {
      ...coverageStatus(columns, (row) => sourcesOfRow(row) > 0, this.service.fundamental),
      sourcesOfRow,
      first: firstSummaries(summaries(this.shares.values()), COVERAGE_SOURCES_INLINE),
      sourceCount: this.shares.size + fixed.summaries.length,
      sourcesInRegion: (code) => (this.regionAlliances.get(code) ?? 0) + (fixed.byRegion.get(code) ?? 0),
    });
  }
}

/** Every body in order, for paging: computed from scratch when first asked. */
function lazySources(columns: CoverageComuni, index: ProvisionsIndex, service: string, fixed: CoverageProvider[]): () => SourceSummaries {
  let sources: SourceSummaries | undefined;
  return () => (sources ??= summariseSources(computeCoverage(columns, [...index.of(service), ...fixed], false), columns.region));
}
