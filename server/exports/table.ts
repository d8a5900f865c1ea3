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

/**
 * A column declared once, everything about it in one place: its header and kind (how CSV and Excel
 * write it), what it holds (the catalogue's description of the files) and how a row gives its cell.
 * An export is one list of these: its CSV, its workbook, its OGC features' properties and its
 * DCAT description are all read from it, so a column added or renamed there changes all of them.
 */
export interface DeclaredColumn<Row> extends Column {
  /** What the column holds, in Italian (DCAT-AP_IT descriptions are in Italian). */
  readonly about: string;
  readonly cell: (row: Row) => Cell;
}

/** An export's columns, in order. */
export type TableDeclaration<Row> = readonly DeclaredColumn<Row>[];

/** The cells of one row, in the declaration's order. */
export function declaredCells<Row>(declaration: TableDeclaration<Row>, row: Row): Cell[] {
  return declaration.map((c) => c.cell(row));
}

/** The rows as a table of the declared columns. */
export function declaredTable<Row>(name: string, declaration: TableDeclaration<Row>, rows: readonly Row[]): Table {
  return { name, columns: declaration, rows: rows.map((row) => declaredCells(declaration, row)) };
}

/** Rows arriving in batches as a streamed table of the declared columns. */
export function declaredStream<Row>(name: string, declaration: TableDeclaration<Row>, batches: () => AsyncIterable<readonly Row[]>): StreamedTable {
  return {
    name,
    columns: declaration,
    batches: async function* () {
      for await (const rows of batches()) yield rows.map((row) => declaredCells(declaration, row));
    },
  };
}

/** One row as a record keyed by the headers (an OGC feature's properties), cells as CSV and Excel hold them. */
export function declaredRecord<Row>(declaration: TableDeclaration<Row>, row: Row): Record<string, Cell> {
  return Object.fromEntries(declaration.map((c) => [c.header, c.cell(row)]));
}

/** The columns as a catalogue describes a file of them: "Colonne: header (what it holds); …". */
export function declaredColumnsText<Row>(declaration: TableDeclaration<Row>): string {
  return `Colonne: ${declaration.map((c) => `${c.header} (${c.about})`).join('; ')}.`;
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
