import { stringify } from 'csv-stringify/sync';

type Value = string | number | null;

/** Plain CSV for the data pack (csv-stringify): comma-separated, LF line ends, quoted only where needed. */
const PACK_CSV = { record_delimiter: 'unix', quoted_match: /[\r\n]/ } as const;

export function csvLine(values: readonly Value[]): string {
  return stringify([values as Value[]], { ...PACK_CSV, eof: false });
}

export function csvText(header: readonly string[], rows: readonly (readonly Value[])[]): string {
  return stringify([header as string[], ...(rows as Value[][])], PACK_CSV);
}
