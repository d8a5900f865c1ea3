import { territoryMembers } from '../../domain/alliance';
import { feeReport as buildFeeReport, type FeeReport as DomainFeeReport } from '../../domain/fee-report';
import type { TerritoryTables } from '../data/territory-store';
import type { StoredAlliance } from '../queries/alliances';
import type { CatalogueIndex } from '../queries/services';
import { declaredTable, type DeclaredColumn, type Table, type TableDeclaration } from '../exports/table';

export type FeeReport = DomainFeeReport & { allianceId: number; version: number };

/** What each member of a stored alliance pays for each service (principle 6). */
export function feeReport(alliance: Pick<StoredAlliance, 'id' | 'version' | 'members' | 'services' | 'runningCostCents'>, tables: TerritoryTables, catalogue: CatalogueIndex): FeeReport {
  const members = territoryMembers(alliance.members).map((code) => {
    const facts = tables.facts.get(code);
    return { code, name: facts?.name ?? code, population: facts?.population ?? null };
  });
  return {
    allianceId: alliance.id,
    version: alliance.version,
    ...buildFeeReport({ services: alliance.services, members, runningCostCents: alliance.runningCostCents, serviceName: (code) => catalogue.get(code)?.name }),
  };
}

type FeeMember = FeeReport['members'][number];

/** The fee table's columns: the member, one per service of the report (euros), and the member's total. */
export function feeColumns(report: Pick<FeeReport, 'services'>): TableDeclaration<FeeMember> {
  return [
    { header: 'istat_code', kind: 'code', about: 'codice ISTAT del Comune', cell: (m) => m.code },
    { header: 'comune', kind: 'text', about: 'nome del Comune', cell: (m) => m.name },
    { header: 'population', kind: 'integer', about: 'residenti (censimento 2020)', cell: (m) => m.population },
    ...report.services.map((s): DeclaredColumn<FeeMember> => ({ header: `${s.code}_eur`, kind: 'cents', about: `quota annua per ${s.code}, in euro`, cell: (m) => m.feesCents[s.code] ?? 0 })),
    { header: 'total_eur', kind: 'cents', about: 'quota annua totale, in euro', cell: (m) => m.totalCents },
  ];
}

/** The fee table: one row per member, one column per service (euros), and the member's total. */
export function feeTable(report: FeeReport): Table {
  return declaredTable(`alleanza-${report.allianceId}-quote`, feeColumns(report), report.members);
}
