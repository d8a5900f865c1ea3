/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (accents open correctly in Excel), CRLF line
 * ends, a field quoted only when it holds a quote, a line break, `;` or the separator.
 */
export type CsvSeparator = ',' | ';';

export function csvField(value: string | number | null, separator: CsvSeparator): string {
  if (value === null) return '';
  const s = String(value);
  return s.includes(separator) || /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An ISTAT code written as ="001001", so spreadsheets keep it as text (leading zeros survive). */
export const textCode = (code: string) => `="${code}"`;

/** Rows of cells already written as fields (see csvField, textCode), as one document. */
export function csvDocument(rows: readonly (readonly (string | number)[])[], separator: CsvSeparator): string {
  return `\uFEFF${rows.map((row) => row.join(separator)).join('\r\n')}\r\n`;
}
