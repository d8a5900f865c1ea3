import ExcelJS from 'exceljs';
import type { Column, Table } from './table';

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
 * as a formula — a text starting with "=" stays text.
 */
export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ALI Atlas';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({ header: c.header, width: columnWidth(table, i), style: { numFmt: FORMATS[c.kind] } }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((c, i) => cellValue(row[i] ?? null, c)));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(value: string | number | null, column: Column): string | number | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return column.kind === 'cents' ? value / 100 : column.kind === 'code' || column.kind === 'text' ? String(value) : value;
  return value;
}

/** Wide enough for the header and the longest value, within reason. */
function columnWidth(table: Table, index: number): number {
  const longest = table.rows.reduce((n, row) => Math.max(n, String(row[index] ?? '').length), table.columns[index]!.header.length);
  return Math.min(48, Math.max(10, longest + 2));
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Foglio';
