import { stringify, type Options } from 'csv-stringify/sync';
import type { Cell, Column, StreamedTable, Table } from './table';

/**
 * One CSV convention for every download (RFC 4180): UTF-8 without a byte-order mark, `,` between
 * fields, CRLF line ends, `.` before decimals, a header line (quoted), codes always quoted so that
 * they stay text ("001001"), euros with two decimals, texts quoted when they hold `,`, `"`, a line
 * break or begin or end with a space. What a spreadsheet would run as a formula (=, +, -, @, their
 * full-width forms, a tab or a carriage return at the start of a text) is prefixed with an
 * apostrophe (OWASP "CSV injection"); numbers are written as numbers. Written by csv-stringify;
 * Excel users get the same tables as `.xlsx`.
 */
export function tableCsv(table: Table): string {
  return csvHeader(table.columns) + csvRows(table.rows, table.columns);
}

/** The CSV of a streamed table, a batch of lines at a time (the header first). */
export async function* csvChunks(table: StreamedTable): AsyncGenerator<string> {
  yield csvHeader(table.columns);
  for await (const rows of table.batches()) yield csvRows(rows, table.columns);
}

/** How each kind of column writes a number. */
const NUMBERS: Record<Column['kind'], (value: number) => string> = {
  code: String,
  text: String,
  integer: (value) => String(Math.round(value)),
  cents: (value) => (value / 100).toFixed(2),
  percent: (value) => value.toFixed(1),
};

/** csv-stringify's options for these columns: the convention above. */
function options(columns: readonly Column[]): Options {
  return {
    record_delimiter: '\r\n',
    escape_formulas: true,
    // csv-stringify would leave a lone CR or LF inside a text unquoted when records end in CRLF; a
    // leading tab is no leading space once neutralised ("'\t…").
    quoted_match: /[\r\n]|^(?!\t)\s|\s$/,
    cast: {
      // The header and codes always quoted; other texts only where they must be.
      string: (value, context) => (context.header || columns[context.index as number]?.kind === 'code' ? { value, quoted: true } : value),
      number: (value, context) => NUMBERS[columns[context.index as number]?.kind ?? 'text'](value),
    },
  };
}

const csvHeader = (columns: readonly Column[]) => stringify([columns.map((c) => c.header)], { ...options(columns), cast: { string: (value) => ({ value, quoted: true }) } });

/** Numbers in a text or code column are text (and neutralised like any text); empty texts are empty fields. */
const cells = (row: readonly Cell[], columns: readonly Column[]) =>
  columns.map((c, i) => {
    const value = row[i] ?? null;
    return typeof value === 'number' && (c.kind === 'text' || c.kind === 'code') ? String(value) : value;
  });

const csvRows = (rows: readonly (readonly Cell[])[], columns: readonly Column[]) =>
  rows.length === 0 ? '' : stringify(rows.map((row) => cells(row, columns)), options(columns));

/** One field of a column, as the table's CSV writes it. */
export const csvCell = (value: Cell, column: Column): string => csvRows([[value]], [column]).slice(0, -2);
