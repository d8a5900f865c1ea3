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
  /** Width in an Excel sheet, in characters, where the rows are not at hand to measure (streamed tables). */
  readonly width?: number;
}

export type Cell = string | number | null;

export interface Table {
  /** Names the sheet of a workbook and, with the format's extension, the downloaded file. */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

/** A table whose rows arrive in batches (read page by page), written as they come, never held whole. */
export interface StreamedTable {
  readonly name: string;
  readonly columns: readonly Column[];
  /** The rows, a batch at a time; asked once per file written. */
  batches(): AsyncIterable<readonly (readonly Cell[])[]>;
}

/** A table held in memory, as a streamed table of one batch. */
export const streamed = (table: Table): StreamedTable => ({
  name: table.name,
  columns: table.columns,
  batches: async function* () {
    yield table.rows;
  },
});

/** The file name of a table in a format, safe in a Content-Disposition header. */
export const tableFileName = (table: Table, extension: 'csv' | 'xlsx'): string =>
  `${table.name.normalize('NFD').replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '')}.${extension}`;
