import { MEMBER_STATUS_LABELS, type AdhesionAct } from '../../domain/adhesion';
import type { MemberStatus } from '../../domain/alliance';
import type { StoredAlliance } from '../queries/alliances';
import type { Column, Table } from '../exports/table';

/** A member's status as the Italian exports write it. */
export const statusIt = (status: MemberStatus) => MEMBER_STATUS_LABELS[status].it;

/** The columns that record a member's decision, and their cells. */
export const ACT_COLUMNS: Column[] = [
  { header: 'act_organ', kind: 'text' },
  { header: 'act_number', kind: 'text' },
  { header: 'act_date', kind: 'text' },
  { header: 'act_url', kind: 'text' },
  { header: 'act_convenzione_version', kind: 'integer' },
];

export const actCells = (act: AdhesionAct | null) => [act?.organ ?? null, act?.number ?? null, act?.date ?? null, act?.url ?? null, act?.convenzioneVersion ?? null];

/** One row per member: the alliance as a table (CSV or Excel, see exports/). */
export function allianceTable(alliance: StoredAlliance): Table {
  return {
    name: `alleanza-${alliance.id}`,
    columns: [
      { header: 'istat_code', kind: 'code' },
      { header: 'name', kind: 'text' },
      { header: 'population', kind: 'integer' },
      { header: 'status', kind: 'text' },
      { header: 'lead', kind: 'text' },
      ...ACT_COLUMNS,
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text' },
    ],
    rows: alliance.members.map((m) => [m.code, m.name, m.population, statusIt(m.status), m.lead ? 'capofila' : '', ...actCells(m.act), alliance.id, alliance.name]),
  };
}
