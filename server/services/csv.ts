/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (accents open correctly in Excel), CRLF line
 * ends, a field quoted only when it holds a quote, a line break, `;` or the separator.
 */
export type CsvSeparator = ',' | ';';

/** Text a spreadsheet would run as a formula (=, +, -, @) or that starts with a tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Text that a spreadsheet would read as a formula (`=HYPERLINK(…)` as an alliance name)
 * is prefixed with an apostrophe, so it shows as the text it is (OWASP "CSV injection"); numbers pass.
 */
export function csvField(value: string | number | null, separator: CsvSeparator): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return s.includes(separator) || /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An ISTAT code written as ="001001", so spreadsheets keep it as text (leading zeros survive). */
export const textCode = (code: string) => `="${code.replace(/[^0-9A-Za-z]/g, '')}"`;

/** Rows of cells already written as fields (see csvField, textCode), as one document. */
export function csvDocument(rows: readonly (readonly (string | number)[])[], separator: CsvSeparator): string {
  return `\uFEFF${rows.map((row) => row.join(separator)).join('\r\n')}\r\n`;
}
