import { grantsTotal } from '../../domain/alliance';
import type { TerritoryTables } from '../data/territory-store';
import type { Cell, StreamedTable } from '../exports/table';
import type { PublishedAlliance } from '../queries/published-alliances';
import type { CatalogueIndex } from '../queries/services';
import { ACT_COLUMNS, actCells, statusIt } from '../services/alliance-export';
import { feeReport } from '../services/alliance-fees';

/** The published alliances a page at a time (see publishedAlliancePages), read afresh by each table written. */
export type PublishedPages = () => AsyncIterable<PublishedAlliance[]>;

/** A streamed table whose batches are the rows of each page of published alliances. */
function perPage(pages: PublishedPages, rows: (alliance: PublishedAlliance) => Cell[][]): StreamedTable['batches'] {
  return async function* () {
    for await (const page of pages()) yield page.flatMap(rows);
  };
}

/** One row per member of every published alliance. */
export function membersTable(pages: PublishedPages): StreamedTable {
  return {
    name: 'membri-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text', width: 40 },
      { header: 'istat_code', kind: 'code' },
      { header: 'comune', kind: 'text', width: 28 },
      { header: 'population', kind: 'integer' },
      { header: 'status', kind: 'text' },
      { header: 'lead', kind: 'text' },
      ...ACT_COLUMNS,
      { header: 'legal_form', kind: 'text' },
      { header: 'phase', kind: 'text' },
    ],
    batches: perPage(pages, (a) => a.members.map((m) => [a.id, a.name, m.code, m.name, m.population, statusIt(m.status), m.lead ? 'capofila' : '', ...actCells(m.act), a.legalForm, a.phase])),
  };
}

/** One row per service of every published alliance: who provides it, what it costs, how it is split. */
export function servicesTable(pages: PublishedPages, catalogue: CatalogueIndex): StreamedTable {
  return {
    name: 'servizi-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text', width: 40 },
      { header: 'service_code', kind: 'code', width: 16 },
      { header: 'service', kind: 'text', width: 48 },
      { header: 'provider', kind: 'text', width: 24 },
      { header: 'since', kind: 'text', width: 12 },
      { header: 'annual_cost_eur', kind: 'cents' },
      { header: 'charged_to_members_eur', kind: 'cents' },
      { header: 'equal_share_percent', kind: 'percent' },
      { header: 'grants_eur', kind: 'cents' },
      { header: 'grant_sources', kind: 'text', width: 32 },
    ],
    batches: perPage(pages, (a) =>
      a.services.map((s) => [
        a.id,
        a.name,
        s.code,
        catalogue.get(s.code)?.name.it ?? s.code,
        s.provider.ref ? `${s.provider.kind}: ${s.provider.ref}` : s.provider.kind,
        s.since ?? null,
        s.annualCostCents,
        s.chargedCents ?? s.annualCostCents,
        s.equalShare * 100,
        grantsTotal(s),
        (s.grants ?? []).map((g) => g.source).join('; '),
      ]),
    ),
  };
}

/** One row per member and service of every published alliance: the yearly fee it pays. */
export function feesTable(pages: PublishedPages, tables: TerritoryTables, catalogue: CatalogueIndex): StreamedTable {
  return {
    name: 'quote-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text', width: 40 },
      { header: 'istat_code', kind: 'code' },
      { header: 'comune', kind: 'text', width: 28 },
      { header: 'service_code', kind: 'code', width: 16 },
      { header: 'fee_eur', kind: 'cents' },
    ],
    batches: perPage(pages, (a) => {
      const report = feeReport(a, tables, catalogue);
      return report.members.flatMap((m) => report.services.map((s) => [a.id, a.name, m.code, m.name, s.code, m.feesCents[s.code] ?? 0]));
    }),
  };
}
