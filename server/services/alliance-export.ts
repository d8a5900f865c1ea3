import type { StoredAlliance } from '../queries/alliances';

const STATUS_IT = { proposed: 'proposto', joined: 'aderente', withdrawn: 'receduto' } as const;

/** CSV text field: quoted, quotes doubled. */
const field = (value: string | number | null) => {
  if (value === null) return '';
  const s = String(value);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One row per member. ISTAT codes are written as ="001001" so spreadsheets keep them as text
 * (leading zeros survive); UTF-8 with a byte-order mark so accents open correctly in Excel.
 */
export function allianceCsv(alliance: StoredAlliance): string {
  const header = ['istat_code', 'name', 'population', 'status', 'lead', 'alliance_id', 'alliance_name'];
  const rows = alliance.members.map((m) =>
    [`="${m.code}"`, field(m.name), m.population ?? '', STATUS_IT[m.status], m.lead ? 'capofila' : '', alliance.id, field(alliance.name)].join(','),
  );
  return `\uFEFF${header.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}
