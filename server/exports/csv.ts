import type { Cell, Column, StreamedTable, Table } from './table';

/**
 * One CSV convention for every download (RFC 4180): UTF-8 without a byte-order mark, `,` between
 * fields, CRLF line ends, `.` before decimals, a header line, codes always quoted so that they stay
 * text ("001001"), euros with two decimals. What a spreadsheet would run as a formula (=, +, -, @, a
 * tab or a carriage return at the start of a text) is prefixed with an apostrophe (OWASP "CSV
 * injection"); numbers are written as numbers. Excel users get the same tables as `.xlsx`.
 */
export function tableCsv(table: Table): string {
  return csvHeader(table.columns) + csvRows(table.rows, table.columns);
}

/** The CSV of a streamed table, a batch of lines at a time (the header first). */
export async function* csvChunks(table: StreamedTable): AsyncGenerator<string> {
  yield csvHeader(table.columns);
  for await (const rows of table.batches()) yield csvRows(rows, table.columns);
}

const csvHeader = (columns: readonly Column[]) => `${columns.map((c) => quoted(c.header)).join(',')}\r\n`;

const csvRows = (rows: readonly (readonly Cell[])[], columns: readonly Column[]) =>
  rows.map((row) => `${columns.map((c, i) => csvCell(row[i] ?? null, c)).join(',')}\r\n`).join('');

/** Text a spreadsheet would run as a formula, or that starts with a tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field of a column. */
export function csvCell(value: Cell, column: Column): string {
  if (value === null || value === '') return '';
  switch (column.kind) {
    case 'code':
      return quoted(defused(String(value)));
    case 'integer':
      return typeof value === 'number' ? String(Math.round(value)) : text(value);
    case 'cents':
      return typeof value === 'number' ? (value / 100).toFixed(2) : text(value);
    case 'percent':
      return typeof value === 'number' ? value.toFixed(1) : text(value);
    case 'text':
      return text(typeof value === 'number' ? String(value) : value);
  }
}

const defused = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

function text(value: string): string {
  const safe = defused(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? quoted(safe) : safe;
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
