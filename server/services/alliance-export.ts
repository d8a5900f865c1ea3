import type { StoredAlliance } from '../queries/alliances';
import { declaredTable, type Table, type TableDeclaration } from '../exports/table';
import { ACT_COLUMNS, MEMBER_COLUMN, type MemberRow } from '../open-data/tables';

/** One row per member of one alliance (its export.csv and export.xlsx): the member first, then its alliance. */
export const ALLIANCE_MEMBERS: TableDeclaration<MemberRow> = [
  MEMBER_COLUMN.code,
  { header: 'name', kind: 'text', about: 'nome del Comune', cell: (r) => r.member.name },
  MEMBER_COLUMN.population,
  MEMBER_COLUMN.status,
  MEMBER_COLUMN.lead,
  ...ACT_COLUMNS,
  MEMBER_COLUMN.allianceId,
  { header: 'alliance_name', kind: 'text', about: "nome dell'alleanza", cell: (r) => r.alliance.name },
];

/** The alliance as a table (CSV or Excel, see exports/). */
export function allianceTable(alliance: StoredAlliance): Table {
  return declaredTable(
    `alleanza-${alliance.id}`,
    ALLIANCE_MEMBERS,
    alliance.members.map((member) => ({ alliance, member })),
  );
}
