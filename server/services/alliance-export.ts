import type { StoredAlliance } from '../queries/alliances';
import type { Table } from '../exports/table';

/** A member's status as the Italian exports write it. */
export const STATUS_IT = { proposed: 'proposto', joined: 'aderente', withdrawn: 'receduto' } as const;

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
      { header: 'alliance_id', kind: 'integer' },
      { header: 'alliance_name', kind: 'text' },
    ],
    rows: alliance.members.map((m) => [m.code, m.name, m.population, STATUS_IT[m.status], m.lead ? 'capofila' : '', alliance.id, alliance.name]),
  };
}
