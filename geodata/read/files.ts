import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { GeodataError } from '../errors';

export type CsvRow = Record<string, string>;

/** Reads a UTF-8 CSV with a header row; every value stays text (codes keep their zeros). */
export async function readCsv(dir: string, file: string, required: readonly string[]): Promise<CsvRow[]> {
  const text = await readText(dir, file);
  let rows: CsvRow[];
  // The header as read, so that a file with a header and no rows is told apart from a wrong header.
  let header: string[] = [];
  const keepHeader = (names: string[]) => (header = names);
  try {
    rows = parse(text, { columns: keepHeader, skip_empty_lines: true, trim: true, bom: true }) as CsvRow[];
  } catch (error) {
    throw new GeodataError(`${file} is not a readable CSV file`, [(error as Error).message]);
  }
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new GeodataError(`${file} lacks required columns`, missing.map((c) => `missing column "${c}"`));
  }
  return rows;
}

export async function readJson<T>(dir: string, file: string): Promise<T> {
  const text = await readText(dir, file);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new GeodataError(`${file} is not valid JSON`, [(error as Error).message]);
  }
}

/** A file's text, or a GeodataError naming it (`what` says what kind of file, e.g. "the data pack file "). */
export async function readText(dir: string, file: string, what = ''): Promise<string> {
  try {
    return await fs.readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new GeodataError(`Cannot read ${what}${file} in ${dir}`, [why]);
  }
}
