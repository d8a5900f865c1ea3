import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/**
 * A downloaded CSV read as a strict RFC 4180 reader would (Python's csv, pandas, R): it must have no
 * byte-order mark, one header line, the same number of fields on every line, and CRLF line ends.
 */
export function readCsv(text: string): Record<string, string>[] {
  if (text.startsWith('\uFEFF')) throw new Error('the CSV starts with a byte-order mark');
  if (/[^\r]\n/.test(text.replace(/"[^"]*"/g, '""'))) throw new Error('a line ends without CR');
  return parse(text, { columns: true, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as Record<string, string>[];
}

/** A downloaded (or written) Excel workbook, opened as Excel would. */
export async function readXlsx(file: Response | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = file instanceof Uint8Array ? file : await file.arrayBuffer();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}
