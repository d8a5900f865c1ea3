import type { StoredAlliance } from '../queries/alliances';
import { csvDocument, csvField, textCode } from './csv';

const STATUS_IT = { proposed: 'proposto', joined: 'aderente', withdrawn: 'receduto' } as const;

/**
 * One row per member. ISTAT codes are written as ="001001" so spreadsheets keep them as text
 * (leading zeros survive); UTF-8 with a byte-order mark so accents open correctly in Excel.
 */
export function allianceCsv(alliance: StoredAlliance): string {
  const header = ['istat_code', 'name', 'population', 'status', 'lead', 'alliance_id', 'alliance_name'];
  const rows = alliance.members.map((m) => [
    textCode(m.code),
    csvField(m.name, ','),
    m.population ?? '',
    STATUS_IT[m.status],
    m.lead ? 'capofila' : '',
    alliance.id,
    csvField(alliance.name, ','),
  ]);
  return csvDocument([header, ...rows], ',');
}
