/**
 * A table to download, described once and written as CSV or as an Excel workbook: each column says
 * what its cells are, so that every writer knows how to keep them (codes as text, euros as amounts).
 */
export type ColumnKind =
  /** An identifier with leading zeros (ISTAT codes): text, never a number. */
  | 'code'
  | 'text'
  | 'integer'
  /** An amount in euro cents; written in euros with two decimals. */
  | 'cents'
  /** A share, written with one decimal. */
  | 'percent';

export interface Column {
  readonly header: string;
  readonly kind: ColumnKind;
}

export type Cell = string | number | null;

export interface Table {
  /** Names the sheet of a workbook and, with the format's extension, the downloaded file. */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The file name of a table in a format, safe in a Content-Disposition header. */
export const tableFileName = (table: Table, extension: 'csv' | 'xlsx'): string =>
  `${table.name.normalize('NFD').replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '')}.${extension}`;
