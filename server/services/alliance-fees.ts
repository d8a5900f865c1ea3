import { territoryMembers } from '../../domain/alliance';
import { feeReport as buildFeeReport, type FeeReport as DomainFeeReport } from '../../domain/fee-report';
import type { TerritoryTables } from '../data/territory-store';
import type { StoredAlliance } from '../queries/alliances';
import type { CatalogueIndex } from '../queries/services';
import { csvDocument, csvField, textCode } from './csv';

export type FeeReport = DomainFeeReport & { allianceId: number; version: number };

/** What each member of a stored alliance pays for each service (principle 6). */
export function feeReport(alliance: StoredAlliance, tables: TerritoryTables, catalogue: CatalogueIndex): FeeReport {
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

/** Euros with a decimal comma, as an Italian spreadsheet reads them (the CSV uses `;`). */
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** The fee table for a spreadsheet: one row per member, one column per service, totals last. */
export function feeCsv(report: FeeReport): string {
  const header = ['codice_istat', 'comune', 'abitanti', ...report.services.map((s) => csvField(`${s.name.it} (€)`, ';')), 'totale (€)'];
  const rows = report.members.map((m) => [
    textCode(m.code),
    csvField(m.name, ';'),
    m.population ?? '',
    ...report.services.map((s) => euros(m.feesCents[s.code] ?? 0)),
    euros(m.totalCents),
  ]);
  const totals = ['', 'Totale', '', ...report.services.map((s) => euros(s.recipients > 0 ? s.chargedCents : 0)), euros(report.sustainability.feesCents)];
  return csvDocument([header, ...rows, totals], ';');
}
