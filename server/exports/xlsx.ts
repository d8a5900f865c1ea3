import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { streamed, type Cell, type Column, type StreamedTable, type Table } from './table';

/** Excel number formats by column kind: codes stay text, euros are amounts, not strings. */
const FORMATS: Record<Column['kind'], string> = {
  code: '@',
  text: '@',
  integer: '#,##0',
  cents: '#,##0.00 "€"',
  percent: '0.0',
};

/**
 * The tables as one Excel workbook, one sheet each: a bold frozen header, ISTAT codes as text
 * cells (leading zeros survive without formulas), euro amounts as numbers, and no cell ever written
 * as a formula — a text starting with "=" stays text. Columns are as wide as their longest value.
 */
export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), writeXlsx(tables.map((t) => streamed(measured(t))), out)]);
  return bytes;
}

/**
 * Writes the tables as one workbook (as `tablesXlsx`) to `out` with exceljs' streaming writer:
 * rows go out as their batches come, a sheet after the other, and are not kept. Column widths come
 * from the columns (`width`) or their header. Ends `out`.
 */
export async function writeXlsx(tables: readonly StreamedTable[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ALI Atlas';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? fitted(c.header.length), style: { numFmt: FORMATS[c.kind] } }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const rows of table.batches()) {
      for (const row of rows) sheet.addRow(table.columns.map((c, i) => cellValue(row[i] ?? null, c))).commit();
      // The stream was closed (the file grew too large): the workbook would wait for it for ever.
      if (out.destroyed) throw new Error('the workbook’s stream was closed');
    }
    sheet.commit();
  }
  await workbook.commit();
}

function cellValue(value: Cell, column: Column): string | number | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return column.kind === 'cents' ? value / 100 : column.kind === 'code' || column.kind === 'text' ? String(value) : value;
  return value;
}

/** Wide enough for the longest text, within reason. */
const fitted = (characters: number) => Math.min(48, Math.max(10, characters + 2));

/** The table with each column as wide as its header and longest value. */
function measured(table: Table): Table {
  const columns = table.columns.map((c, index) => ({
    ...c,
    width: c.width ?? fitted(table.rows.reduce((n, row) => Math.max(n, String(row[index] ?? '').length), c.header.length)),
  }));
  return { ...table, columns };
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Foglio';
