import type { Response } from 'express';
import { tableCsv } from './csv';
import { tableFileName, type Table } from './table';
import { tablesXlsx } from './xlsx';

/** The format a download's path asks for: `….xlsx` an Excel workbook, anything else CSV. */
export const downloadFormat = (path: string): 'csv' | 'xlsx' => (path.endsWith('.xlsx') ? 'xlsx' : 'csv');

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends tables as a CSV (the first table) or an Excel workbook (one sheet each), as a download. */
export async function sendTables(res: Response, format: 'csv' | 'xlsx', tables: readonly [Table, ...Table[]]): Promise<void> {
  const [first] = tables;
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(tableFileName(first, 'csv')).send(tableCsv(first));
  } else {
    res.type(XLSX_TYPE).attachment(tableFileName(first, 'xlsx')).send(await tablesXlsx(tables));
  }
}
