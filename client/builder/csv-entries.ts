import { parse } from 'csv-parse/browser/esm/sync';

/** Header names (lower case, folded) of a column holding ISTAT codes or Comune names, best first. */
const CODE_HEADERS = ['codice_istat', 'codice istat', 'istat_code', 'istat', 'pro_com_t', 'pro_com', 'codice', 'code'];
const NAME_HEADERS = ['comune', 'denominazione', 'nome', 'name'];

/**
 * The entries of a spreadsheet export (CSV with `,` `;` or tab) to resolve into Comuni: the column of
 * ISTAT codes when a header names one, else the column of names, else the first column. Spreadsheet
 * quoting such as `="001001"` is undone. Empty cells are skipped.
 */
export function csvEntries(text: string): string[] {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best), ',');
  const rows = parse(clean, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  if (rows.length === 0) return [];
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const column = [...CODE_HEADERS, ...NAME_HEADERS].map((h) => header.indexOf(h)).find((i) => i >= 0);
  const body = column === undefined ? rows : rows.slice(1);
  return body
    .map((row) => unquote(row[column ?? 0] ?? ''))
    .filter((cell) => cell !== '');
}

function count(line: string, ch: string): number {
  return line.split(ch).length - 1;
}

/** `="001001"` (text forced in a spreadsheet) → `001001`. */
function unquote(cell: string): string {
  const forced = /^="(.*)"$/.exec(cell);
  return (forced ? (forced[1] as string) : cell).trim();
}
