import { territoryMembers } from '../../domain/alliance';
import { feeReport as buildFeeReport, type FeeReport as DomainFeeReport } from '../../domain/fee-report';
import type { TerritoryTables } from '../data/territory-store';
import type { StoredAlliance } from '../queries/alliances';
import type { CatalogueIndex } from '../queries/services';
import type { Table } from '../exports/table';

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

/** The fee table: one row per member, one column per service (euros), and the member's total. */
export function feeTable(report: FeeReport): Table {
  return {
    name: `alleanza-${report.allianceId}-quote`,
    columns: [
      { header: 'istat_code', kind: 'code' },
      { header: 'comune', kind: 'text' },
      { header: 'population', kind: 'integer' },
      ...report.services.map((s) => ({ header: `${s.code}_eur`, kind: 'cents' as const })),
      { header: 'total_eur', kind: 'cents' },
    ],
    rows: report.members.map((m) => [m.code, m.name, m.population, ...report.services.map((s) => m.feesCents[s.code] ?? 0), m.totalCents]),
  };
}
