import type { Table } from '../exports/table';
import type { CoverageReport } from '../../domain/api-types';

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** Coverage of a service per region or province, as a table (CSV or Excel, see exports/). */
export function coverageTable(report: CoverageReport, service: string, level: 'region' | 'province'): Table {
  const rows = level === 'region' ? report.regions : report.provinces;
  return {
    name: `copertura-${service}-${level === 'region' ? 'regioni' : 'province'}`,
    columns: [
      { header: 'code', kind: 'code' },
      { header: 'name', kind: 'text' },
      { header: 'comuni', kind: 'integer' },
      { header: 'covered', kind: 'integer' },
      { header: 'obliged_uncovered', kind: 'integer' },
      { header: 'small_uncovered', kind: 'integer' },
      { header: 'population', kind: 'integer' },
      { header: 'population_covered', kind: 'integer' },
      { header: 'population_covered_percent', kind: 'percent' },
    ],
    rows: rows.map((a) => [a.code, a.name, a.comuni, a.covered, a.obligedUncovered, a.smallUncovered, a.population, a.populationCovered, percent(a.populationCovered, a.population)]),
  };
}
