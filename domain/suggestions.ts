/**
 * Neighbour suggestions for the alliance builder: ranks the Comuni bordering the current
 * selection by how much each would help the alliance (threshold, small Comuni, services, existing
 * ties). Every point of a score comes with a reason in Italian and English.
 */
import type { RuleSet } from './rule-sets';
import { isObligedToAssociate, isSmallComune } from './thresholds';

/** What the ranking needs to know about a Comune. */
export interface SuggestionFacts {
  code: string;
  name: string;
  population: number | null;
  /** Belongs or belonged to a Comunità Montana. */
  mountain: boolean;
  provinceCode: string;
  regionCode: string;
  /** Labour-market area (Sistema Locale del Lavoro) code. */
  sll?: string | null;
  /** SNAI inner area code. */
  snai?: string | null;
  /** ISTAT code of the aree-interne service hub. */
  hub?: string | null;
}

export interface SuggestionInput {
  members: readonly string[];
  /** The frontier: Comuni adjacent to the selection and not in it. */
  candidates: readonly string[];
  facts: (code: string) => SuggestionFacts | undefined;
  ruleSet: RuleSet;
  /** True when the Comune already receives the chosen services. */
  covered?: (code: string) => boolean;
  /** Most suggestions returned (default 10). */
  limit?: number;
}

export type SuggestionReasonId = 'reaches-threshold' | 'towards-threshold' | 'small' | 'uncovered' | 'same-sll' | 'same-snai' | 'same-hub' | 'same-province' | 'other-province';

export interface SuggestionReason {
  id: SuggestionReasonId;
  it: string;
  en: string;
}

export interface Suggestion {
  code: string;
  name: string;
  /** Sum of the weights below, rounded to one decimal. */
  score: number;
  /** Residents of the selection with the candidate (unknown figures count as 0). */
  populationAfter: number;
  reasons: SuggestionReason[];
}

/**
 * Score components. The threshold is the rule set's minimum population, or its mountain minimum
 * when every member and the candidate are mountain Comuni (then with its minimum number of Comuni);
 * regional alternatives (tolerance, number of Comuni, multiple of the smallest) are not considered.
 */
export const SUGGESTION_WEIGHTS = {
  /** The selection is below its threshold and the candidate brings it to the threshold. */
  reachesThreshold: 100,
  /** Otherwise, up to this much in proportion to the share of the missing residents it brings. */
  towardsThreshold: 30,
  /** The candidate is a piccolo comune (≤ 5,000 residents)… */
  small: 8,
  /** …plus this when it is also obliged to associate (DL 78/2010 art. 14 c. 28; ≤ 3,000 if mountain). */
  obliged: 4,
  /** The candidate does not yet receive the chosen services (only when `covered` is given). */
  uncovered: 15,
  /** Same SLL as the largest group of members (ties count). */
  sameSll: 10,
  /** Same SNAI area as any member. */
  sameSnai: 8,
  /** Same aree-interne service hub as any member. */
  sameHub: 5,
  /** Same province as the largest group of members (ties count). */
  sameProvince: 5,
  /** The rule set asks for one province, all members are in one, and the candidate is not. */
  otherProvince: -50,
} as const;

/** Figures as each language writes them: 10.000 in Italian, 10,000 in English. */
const italian = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });
const english = new Intl.NumberFormat('en-GB', { useGrouping: 'always' });
const n = (value: number) => italian.format(value);
const e = (value: number) => english.format(value);

/** Ranks the candidates, best first; ties by name, then code. Unknown candidates and members are skipped. */
export function rankSuggestions(input: SuggestionInput): Suggestion[] {
  const { ruleSet: set, facts, covered } = input;
  const memberSet = new Set(input.members);
  const members = [...memberSet].map(facts).filter((f): f is SuggestionFacts => f !== undefined);
  if (members.length === 0) return [];
  const W = SUGGESTION_WEIGHTS;

  const population = members.reduce((sum, m) => sum + (m.population ?? 0), 0);
  const allMountain = members.every((m) => m.mountain);
  const reachedBefore = meets(population, members.length, allMountain, set);
  const sll = modes(members.map((m) => m.sll));
  const provinces = modes(members.map((m) => m.provinceCode));
  const snai = new Set(members.map((m) => m.snai).filter(Boolean));
  const hubs = new Set(members.map((m) => m.hub).filter(Boolean));
  const oneProvince = new Set(members.map((m) => m.provinceCode)).size === 1;

  const results: Suggestion[] = [];
  for (const code of new Set(input.candidates)) {
    if (memberSet.has(code)) continue;
    const c = facts(code);
    if (!c) continue;
    let score = 0;
    const reasons: SuggestionReason[] = [];
    const reason = (id: SuggestionReasonId, weight: number, it: string, en: string) => {
      score += weight;
      reasons.push({ id, it, en });
    };

    const after = population + (c.population ?? 0);
    if (!reachedBefore) {
      const mountain = allMountain && c.mountain;
      const min = mountain ? set.minPopulationMountain : set.minPopulation;
      const where = mountain ? { it: ' per i comuni montani', en: ' for mountain Comuni' } : { it: '', en: '' };
      const gap = min - population;
      if (meets(after, members.length + 1, mountain, set)) {
        reason('reaches-threshold', W.reachesThreshold, `porterebbe l'alleanza a ${n(after)} abitanti (soglia ${n(min)}${where.it})`, `would bring the alliance to ${e(after)} residents (threshold ${e(min)}${where.en})`);
      } else if (gap <= 0) {
        reason('towards-threshold', W.towardsThreshold, `un comune in più verso i ${set.minComuniMountain} richiesti${where.it}`, `one more Comune towards the ${set.minComuniMountain} required${where.en}`);
      } else if (after > population) {
        const weight = (W.towardsThreshold * Math.min(after - population, gap)) / gap;
        reason('towards-threshold', weight, `porterebbe l'alleanza a ${n(after)} abitanti, verso la soglia di ${n(min)}${where.it}`, `would bring the alliance to ${e(after)} residents, towards the threshold of ${e(min)}${where.en}`);
      }
    }

    const uncovered = covered !== undefined && !covered(code);
    if (isSmallComune(c.population)) {
      const weight = W.small + (isObligedToAssociate(c.population, c.mountain) ? W.obliged : 0) + (uncovered ? W.uncovered : 0);
      reason('small', weight, uncovered ? 'comune piccolo non ancora coperto' : 'comune piccolo', uncovered ? 'small Comune not yet covered' : 'small Comune');
    } else if (uncovered) {
      reason('uncovered', W.uncovered, 'non ancora coperto dai servizi scelti', 'not yet covered by the chosen services');
    }

    if (c.sll && sll.has(c.sll)) reason('same-sll', W.sameSll, 'stesso SLL', 'same labour-market area (SLL)');
    if (c.snai && snai.has(c.snai)) reason('same-snai', W.sameSnai, 'stessa area SNAI', 'same SNAI inner area');
    if (c.hub && hubs.has(c.hub)) reason('same-hub', W.sameHub, 'stesso polo di servizi', 'same service hub');
    if (set.sameProvince && oneProvince && !provinces.has(c.provinceCode)) {
      reason('other-province', W.otherProvince, 'altra provincia: la norma chiede la stessa provincia', 'another province: the rule asks for one');
    } else if (provinces.has(c.provinceCode)) {
      reason('same-province', W.sameProvince, 'stessa provincia della maggior parte dei comuni', 'same province as most members');
    }

    results.push({ code, name: c.name, score: Math.round(score * 10) / 10, populationAfter: after, reasons });
  }

  results.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'it') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return results.slice(0, Math.max(0, input.limit ?? 10));
}

/** The population threshold of a rule set, as in domain/rules.ts without the regional alternatives. */
function meets(population: number, comuni: number, mountain: boolean, set: RuleSet): boolean {
  return mountain ? population >= set.minPopulationMountain && comuni >= set.minComuniMountain : population >= set.minPopulation;
}

/** The most frequent non-empty values (all of them on a tie). */
function modes(values: readonly (string | null | undefined)[]): Set<string> {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const max = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, count]) => count === max).map(([v]) => v));
}
