import type { Knex } from 'knex';
import { parseComuneCode } from '../../domain/codes';
import { foldName } from '../../domain/text';

export interface Candidate {
  code: string;
  name: string;
  provinceAcronym: string;
}

export interface Resolution {
  found: (Candidate & { input: string })[];
  unknown: string[];
  ambiguous: { input: string; candidates: Candidate[] }[];
}

/**
 * Turns a list typed or pasted by a person into Comuni: ISTAT codes (leading zeros restored),
 * names in any case and without accents, or "Name (XX)" with the province acronym to choose
 * between namesakes. Each entry is found, unknown, or ambiguous with its candidates.
 */
export async function resolveComuni(knex: Knex, entries: readonly string[]): Promise<Resolution> {
  const parsed = entries.map((raw) => {
    const input = raw.trim();
    const withProvince = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(input);
    return {
      input,
      code: parseComuneCode(input),
      name: foldName(withProvince ? (withProvince[1] as string) : input),
      province: withProvince ? (withProvince[2] as string).toUpperCase() : null,
    };
  });
  const codes = parsed.flatMap((p) => (p.code ? [p.code] : []));
  const names = parsed.flatMap((p) => (p.code ? [] : [p.name]));
  const rows = (
    await knex.raw<{ rows: (Candidate & { folded: string })[] }>(
      `SELECT c.code, c.name, p.acronym AS "provinceAcronym", c.name_search AS folded
       FROM comuni c JOIN provinces p ON p.code = c.province_code
       WHERE c.code = ANY(?::text[]) OR c.name_search = ANY(?::text[])
       ORDER BY c.code`,
      [codes, names],
    )
  ).rows;

  const result: Resolution = { found: [], unknown: [], ambiguous: [] };
  for (const p of parsed) {
    if (p.input === '') continue;
    const matches = rows
      .filter((r) => (p.code ? r.code === p.code : r.folded === p.name && (!p.province || r.provinceAcronym === p.province)))
      .map(({ code, name, provinceAcronym }) => ({ code, name, provinceAcronym }));
    if (matches.length === 1) result.found.push({ input: p.input, ...(matches[0] as Candidate) });
    else if (matches.length === 0) result.unknown.push(p.input);
    else result.ambiguous.push({ input: p.input, candidates: matches });
  }
  return result;
}
