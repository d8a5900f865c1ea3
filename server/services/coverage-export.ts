import { declaredTable, type Table, type TableDeclaration } from '../exports/table';
import type { CoverageReport, NamedAggregate } from '../../domain/api-types';

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** Coverage of a service in one region or province: the columns of its CSV and Excel files. */
export const COVERAGE: TableDeclaration<NamedAggregate> = [
  { header: 'code', kind: 'code', about: 'codice ISTAT della regione o provincia', cell: (a) => a.code },
  { header: 'name', kind: 'text', about: 'nome', cell: (a) => a.name },
  { header: 'comuni', kind: 'integer', about: 'Comuni', cell: (a) => a.comuni },
  { header: 'covered', kind: 'integer', about: 'Comuni che ricevono il servizio da un’alleanza pubblicata', cell: (a) => a.covered },
  { header: 'obliged_uncovered', kind: 'integer', about: 'Comuni obbligati alla gestione associata che non lo ricevono', cell: (a) => a.obligedUncovered },
  { header: 'small_uncovered', kind: 'integer', about: 'piccoli Comuni che non lo ricevono', cell: (a) => a.smallUncovered },
  { header: 'population', kind: 'integer', about: 'residenti', cell: (a) => a.population },
  { header: 'population_covered', kind: 'integer', about: 'residenti dei Comuni che lo ricevono', cell: (a) => a.populationCovered },
  { header: 'population_covered_percent', kind: 'percent', about: 'residenti coperti, in percento', cell: (a) => percent(a.populationCovered, a.population) },
];

/** Coverage of a service per region or province, as a table (CSV or Excel, see exports/). */
export function coverageTable(report: CoverageReport, service: string, level: 'region' | 'province'): Table {
  return declaredTable(`copertura-${service}-${level === 'region' ? 'regioni' : 'province'}`, COVERAGE, level === 'region' ? report.regions : report.provinces);
}
