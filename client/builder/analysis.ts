import type { AdjacencyGraph } from '../../domain/adjacency';
import { contiguity, type Contiguity } from '../../domain/contiguity';
import { applicableRuleSet, type RuleSet } from '../../domain/rule-sets';
import { evaluateRules, type RuleResult } from '../../domain/rules';
import { summarizeTerritory, type ComuneFacts, type TerritorySummary } from '../../domain/territory';
import type { Atlas } from '../data/atlas';

export interface SelectionAnalysis {
  summary: TerritorySummary;
  contiguity: Contiguity;
  ruleSet: RuleSet;
  rules: RuleResult[];
}

/** The facts domain functions need, read from the attribute table. */
export function factsOf(atlas: Atlas, code: string): ComuneFacts | undefined {
  const i = atlas.row(code);
  if (i === undefined) return undefined;
  const t = atlas.table;
  return {
    code,
    name: t.name[i] as string,
    provinceCode: t.province[i] as string,
    regionCode: t.region[i] as string,
    population: t.population[i] ?? null,
    areaKm2: t.area[i] as number,
  };
}

/**
 * Totals, contiguity and rule checks of a selection, computed in the browser with the same pure
 * functions the server uses on save (so what the founder sees is what the server confirms).
 */
export function analyzeSelection(atlas: Atlas, graph: AdjacencyGraph, members: readonly string[], ruleSetId?: string): SelectionAnalysis {
  const known = members.filter((c) => atlas.row(c) !== undefined);
  const summary = summarizeTerritory(known, (c) => factsOf(atlas, c));
  const parts = contiguity(known, graph.neighbours);
  const set = applicableRuleSet(ruleSetId, summary.regions[0]?.code);
  const rules = evaluateRules(
    {
      members: known.map((code) => {
        const f = factsOf(atlas, code) as ComuneFacts;
        return { code, name: f.name, population: f.population, provinceCode: f.provinceCode, mountain: atlas.table.mountain[atlas.row(code) as number] === 1 };
      }),
      contiguity: parts,
    },
    set,
  );
  return { summary, contiguity: parts, ruleSet: set, rules };
}
