/**
 * Finding Comuni by what people type: names in any case and without accents, ISTAT codes (leading
 * zeros optional) and cadastral codes; lists of them resolved at once. Pure: the server keeps one
 * index per data version in memory and answers from it.
 */
import { isCadastralCode, parseComuneCode } from './codes';
import { foldName } from './text';
import type { SearchHit } from './api-types';

export interface SearchableComune extends SearchHit {
  /** The name folded with foldName (as the database's name_search). */
  folded: string;
  cadastralCode: string | null;
}

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

export interface ComuneIndex {
  search(query: string, limit: number): SearchHit[];
  resolve(entries: readonly string[]): Resolution;
}

const hit = ({ code, name, provinceAcronym, regionName, population }: SearchableComune): SearchHit => ({ code, name, provinceAcronym, regionName, population });
const candidate = ({ code, name, provinceAcronym }: SearchableComune): Candidate => ({ code, name, provinceAcronym });

/** Larger Comuni first (unknown population last), then by name. */
const bySize = (a: SearchableComune, b: SearchableComune) => (b.population ?? -1) - (a.population ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function comuneIndex(rows: readonly SearchableComune[]): ComuneIndex {
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : 1));
  const byCode = new Map(sorted.map((r) => [r.code, r]));
  const byFolded = new Map<string, SearchableComune[]>();
  for (const r of sorted) {
    const list = byFolded.get(r.folded);
    if (list) list.push(r);
    else byFolded.set(r.folded, [r]);
  }

  return {
    /**
     * By code (a prefix of digits; the exact code, zeros restored, first), else by name: exact,
     * then prefix, then a word's prefix, then anywhere, larger Comuni first within each; a
     * cadastral code's Comune before all.
     */
    search(query, limit) {
      const q = query.trim();
      if (/^\d{1,6}$/.test(q)) {
        const exact = byCode.get(q.padStart(6, '0'));
        const rest = sorted.filter((r) => r !== exact && r.code.startsWith(q));
        return (exact ? [exact, ...rest] : rest).slice(0, limit).map(hit);
      }
      const folded = foldName(q);
      if (folded === '') return [];
      const cadastral = isCadastralCode(q) ? q.toUpperCase() : null;
      const rank = (r: SearchableComune) =>
        cadastral !== null && r.cadastralCode === cadastral ? 0 : r.folded === folded ? 1 : r.folded.startsWith(folded) ? 2 : r.folded.includes(` ${folded}`) ? 3 : 4;
      const matches = sorted
        .filter((r) => r.folded.includes(folded) || (cadastral !== null && r.cadastralCode === cadastral))
        .map((r) => ({ r, rank: rank(r) }));
      matches.sort((a, b) => a.rank - b.rank || bySize(a.r, b.r));
      return matches.slice(0, limit).map((m) => hit(m.r));
    },

    /**
     * A list typed or pasted by a person: ISTAT codes (zeros restored), names in any case and
     * without accents, or "Name (XX)" with the province acronym to choose between namesakes.
     */
    resolve(entries) {
      const result: Resolution = { found: [], unknown: [], ambiguous: [] };
      for (const raw of entries) {
        const input = raw.trim();
        if (input === '') continue;
        const code = parseComuneCode(input);
        let matches: SearchableComune[];
        if (code) {
          const row = byCode.get(code);
          matches = row ? [row] : [];
        } else {
          const withProvince = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(input);
          const name = foldName(withProvince ? (withProvince[1] as string) : input);
          const province = withProvince ? (withProvince[2] as string).toUpperCase() : null;
          matches = (byFolded.get(name) ?? []).filter((r) => !province || r.provinceAcronym === province);
        }
        if (matches.length === 1) result.found.push({ input, ...candidate(matches[0]!) });
        else if (matches.length === 0) result.unknown.push(input);
        else result.ambiguous.push({ input, candidates: matches.map(candidate) });
      }
      return result;
    },
  };
}
