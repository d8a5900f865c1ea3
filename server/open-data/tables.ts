import type { Knex } from 'knex';
import { grantsTotal } from '../../domain/alliance';
import { currentPhase } from '../../domain/governance';
import type { AppContext } from '../context';
import type { Table } from '../exports/table';
import { findAlliance, type StoredAlliance } from '../queries/alliances';
import { catalogueIndex } from '../queries/services';
import { ACT_COLUMNS, actCells, statusIt } from '../services/alliance-export';
import { feeReport } from '../services/alliance-fees';


/** Every published alliance, each read as one snapshot, oldest first. */
export async function publishedAlliances(knex: Knex): Promise<StoredAlliance[]> {
  const ids = await knex.raw<{ rows: { id: number }[] }>(`SELECT id FROM alliances WHERE status = 'published' AND deleted_at IS NULL ORDER BY id`);
  const found = await Promise.all(ids.rows.map((r) => findAlliance(knex, r.id)));
  return found.filter((a): a is StoredAlliance => a !== null && a.status === 'published' && a.deletedAt === null);
}

/** One row per member of every published alliance. */
export function membersTable(alliances: readonly StoredAlliance[]): Table {
  return {
    name: 'membri-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text' },
      { header: 'istat_code', kind: 'code' },
      { header: 'comune', kind: 'text' },
      { header: 'population', kind: 'integer' },
      { header: 'status', kind: 'text' },
      { header: 'lead', kind: 'text' },
      ...ACT_COLUMNS,
      { header: 'legal_form', kind: 'text' },
      { header: 'phase', kind: 'text' },
    ],
    rows: alliances.flatMap((a) =>
      a.members.map((m) => [a.id, a.name, m.code, m.name, m.population, statusIt(m.status), m.lead ? 'capofila' : '', ...actCells(m.act), a.legalForm, currentPhase(a.governance.phases)]),
    ),
  };
}

/** One row per service of every published alliance: who provides it, what it costs, how it is split. */
export async function servicesTable(knex: Knex, alliances: readonly StoredAlliance[]): Promise<Table> {
  const catalogue = await catalogueIndex(knex);
  return {
    name: 'servizi-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text' },
      { header: 'service_code', kind: 'code' },
      { header: 'service', kind: 'text' },
      { header: 'provider', kind: 'text' },
      { header: 'since', kind: 'text' },
      { header: 'annual_cost_eur', kind: 'cents' },
      { header: 'charged_to_members_eur', kind: 'cents' },
      { header: 'equal_share_percent', kind: 'percent' },
      { header: 'grants_eur', kind: 'cents' },
      { header: 'grant_sources', kind: 'text' },
    ],
    rows: alliances.flatMap((a) =>
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
export async function feesTable(ctx: AppContext, alliances: readonly StoredAlliance[]): Promise<Table> {
  const catalogue = await catalogueIndex(ctx.db.knex);
  const { value: tables } = await ctx.tables.get();
  return {
    name: 'quote-alleanze',
    columns: [
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text' },
      { header: 'istat_code', kind: 'code' },
      { header: 'comune', kind: 'text' },
      { header: 'service_code', kind: 'code' },
      { header: 'fee_eur', kind: 'cents' },
    ],
    rows: alliances.flatMap((a) => {
      const report = feeReport(a, tables, catalogue);
      return report.members.flatMap((m) => report.services.map((s) => [a.id, a.name, m.code, m.name, s.code, m.feesCents[s.code] ?? 0]));
    }),
  };
}
