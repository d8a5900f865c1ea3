import { computeCoverage, rowsByCode, summariseSources, tallySources, type Coverage, type CoverageComuni, type CoverageProvider, type SourceSummaries, type SourceSummary } from '../../domain/coverage';
import { isObligedToAssociate, isSmallComune } from '../../domain/thresholds';
import type { AssociationKind } from '../../domain/associations';
import { COVERAGE_STATUS } from '../../domain/coverage';
import { isMountain, type TerritoryTables } from '../data/territory-store';
import type { AllianceProvision } from '../queries/coverage';
import { COVERAGE_SOURCES_INLINE, type ComuneCoverage, type CoverageReport } from '../../domain/api-types';

export type { CoverageReport };

/**
 * Bodies assumed to run the fundamental functions of their members: the data do not say which
 * functions each Unione or Comunità Montana was given, so all of them are assumed (stated in the answer).
 */
const FUNCTION_BODIES: readonly AssociationKind[] = ['unione', 'comunita_montana', 'convenzione'];


/** The Comuni that receive a service (through a published alliance, or a body for fundamental functions). */
export function coveredCodes(tables: TerritoryTables, fundamental: boolean, provisions: readonly AllianceProvision[]): Set<string> {
  const covered = new Set(provisions.map((p) => p.code));
  if (fundamental) {
    for (const [code, refs] of tables.memberships) if (refs.some((r) => FUNCTION_BODIES.includes(r.kind))) covered.add(code);
  }
  return covered;
}

const columnsByTables = new WeakMap<TerritoryTables, CoverageComuni>();

/** Comuni as the parallel columns coverage works on, in ISTAT-code order (built once per data version). */
export function coverageColumns(tables: TerritoryTables): CoverageComuni {
  let columns = columnsByTables.get(tables);
  if (!columns) {
    columns = buildColumns(tables);
    columnsByTables.set(tables, columns);
  }
  return columns;
}

function buildColumns(tables: TerritoryTables): CoverageComuni {
  const facts = [...tables.facts.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  return {
    code: facts.map((f) => f.code),
    region: facts.map((f) => f.regionCode),
    province: facts.map((f) => f.provinceCode),
    population: facts.map((f) => f.population),
    mountain: facts.map((f) => (isMountain(tables, f.code) ? 1 : 0)),
  };
}

/**
 * Who receives `service` where: published alliances, plus existing bodies for fundamental functions.
 * Compact whatever the number of alliances: per Comune how many bodies provide it, and the bodies
 * summed up (the first few inline; `sources()` lists them all, nationally and per region, for paging).
 */
export function coverageReport(
  tables: TerritoryTables,
  columns: CoverageComuni,
  service: { code: string; fundamental: boolean },
  provisions: readonly AllianceProvision[],
  dataVersion: number,
): { report: CoverageReport; sources: () => SourceSummaries } {
  // Each alliance's provisions share one `via`: coverage finds the source once per alliance.
  const providers: readonly CoverageProvider[] = service.fundamental ? [...provisions, ...functionBodies(tables)] : provisions;
  const coverage = computeCoverage(columns, providers, service.fundamental);
  const tally = tallySources(coverage, columns.region, COVERAGE_SOURCES_INLINE);
  const report = shapeReport(tables, columns, service, dataVersion, {
    ...coverage,
    sourcesOfRow: (row) => (coverage.viaOffsets[row + 1] as number) - (coverage.viaOffsets[row] as number),
    first: tally.first,
    sourceCount: tally.count,
    sourcesInRegion: (code) => tally.byRegion.get(code) ?? 0,
  });
  // Every body in order, for paging: sorted when first asked (thousands of them cost a sort each change).
  let sources: SourceSummaries | undefined;
  return { report, sources: () => (sources ??= summariseSources(coverage, columns.region)) };
}

/** The bodies assumed to run the fundamental functions of their members, one provider per member. */
export function functionBodies(tables: TerritoryTables): CoverageProvider[] {
  const providers: CoverageProvider[] = [];
  for (const [code, refs] of tables.memberships) {
    for (const ref of refs) if (FUNCTION_BODIES.includes(ref.kind)) providers.push({ code, via: { kind: ref.kind, id: ref.id, name: ref.name } });
  }
  return providers;
}

/** What an answer is made of, however it was counted (from scratch or kept up to date). */
export interface CoverageCounts extends Pick<Coverage, 'status' | 'regions' | 'provinces' | 'totals'> {
  /** How many bodies provide the service to the Comune of `row`. */
  sourcesOfRow(row: number): number;
  first: SourceSummary[];
  sourceCount: number;
  sourcesInRegion(code: string): number;
}

/** The coverage answer from its counts: per Comune, the uncovered lists, areas named, the assumption stated. */
export function shapeReport(tables: TerritoryTables, columns: CoverageComuni, service: { code: string; fundamental: boolean }, dataVersion: number, counts: CoverageCounts): CoverageReport {
  const covered: Record<string, number> = {};
  const obligedUncovered: string[] = [];
  const smallUncovered: string[] = [];
  columns.code.forEach((code, row) => {
    const status = counts.status[row];
    if (status === COVERAGE_STATUS.covered) covered[code] = counts.sourcesOfRow(row);
    else if (status === COVERAGE_STATUS.obligedUncovered) {
      obligedUncovered.push(code);
      smallUncovered.push(code);
    } else if (status === COVERAGE_STATUS.smallUncovered) smallUncovered.push(code);
  });
  return {
    service: service.code,
    dataVersion,
    sources: counts.first,
    sourceCount: counts.sourceCount,
    covered,
    obligation: service.fundamental,
    obligedUncovered,
    smallUncovered,
    regions: counts.regions.map((r) => ({ ...r, name: tables.regionNames.get(r.code) ?? r.code, sources: counts.sourcesInRegion(r.code) })),
    provinces: counts.provinces.map((p) => ({ ...p, name: tables.provinceNames.get(p.code) ?? p.code })),
    totals: counts.totals,
    assumption: service.fundamental
      ? {
          it: 'Per Unioni, Comunità Montane e convenzioni i dati non dicono quali funzioni siano state conferite: si assume che gestiscano le funzioni fondamentali dei loro comuni.',
          en: 'For Unioni, Comunità Montane and agreements the data do not say which functions were transferred: they are assumed to run their members’ fundamental functions.',
        }
      : null,
  };
}

/**
 * One Comune's coverage by a service: the bodies it receives it through (published alliances, and the
 * `fixed` providers: for a fundamental function the bodies assumed to run it), by name, and whether the
 * law obliges it. Null for a code that is no Comune. Reads the provisions of the service once.
 */
export function comuneCoverage(
  tables: TerritoryTables,
  service: { code: string; fundamental: boolean },
  provisions: readonly AllianceProvision[],
  fixed: readonly CoverageProvider[],
  code: string,
): ComuneCoverage | null {
  const columns = coverageColumns(tables);
  const row = rowsByCode(columns).get(code);
  if (row === undefined) return null;
  const here = (p: CoverageProvider) => p.code === code;
  const providers = [...provisions.filter(here), ...fixed.filter(here)];
  const seen = new Set<string>();
  const sources = providers
    .map((p) => p.via)
    .filter((via) => {
      const key = `${via.kind}:${via.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const population = columns.population[row] ?? null;
  return {
    service: service.code,
    code,
    sources,
    obligation: service.fundamental,
    obliged: service.fundamental && isObligedToAssociate(population, columns.mountain[row] === 1),
    small: isSmallComune(population),
  };
}
