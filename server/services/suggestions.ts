import type { RuleSet } from '../../domain/rule-sets';
import { frontier } from '../../domain/selection';
import { rankSuggestions, type Suggestion, type SuggestionFacts } from '../../domain/suggestions';
import { isMountain, type TerritoryTables } from '../data/territory-store';

/**
 * Neighbours worth adding to a selection, best first, with reasons. `covered` tells which Comuni
 * already receive every chosen service (none chosen: nobody counts as covered).
 */
export function suggestNeighbours(
  tables: TerritoryTables,
  members: readonly string[],
  ruleSet: RuleSet,
  covered: ((code: string) => boolean) | undefined,
  limit: number,
): Suggestion[] {
  const firstOf = (code: string, kind: 'sll' | 'snai') => {
    const ref = (tables.memberships.get(code) ?? []).find((a) => a.kind === kind);
    return ref ? String(ref.id) : null;
  };
  const facts = (code: string): SuggestionFacts | undefined => {
    const f = tables.facts.get(code);
    if (!f) return undefined;
    return {
      code,
      name: f.name,
      population: f.population,
      mountain: isMountain(tables, code),
      provinceCode: f.provinceCode,
      regionCode: f.regionCode,
      sll: firstOf(code, 'sll'),
      snai: firstOf(code, 'snai'),
      hub: tables.hubs.get(code) ?? null,
    };
  };
  const candidates = frontier(members, (code) => tables.graph.neighbours(code));
  return rankSuggestions({ members, candidates, facts, ruleSet, ...(covered ? { covered } : {}), limit });
}
