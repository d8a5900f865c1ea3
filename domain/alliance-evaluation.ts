import { constitutedMembers, territoryMembers } from './alliance';
import { draftReasons, type AllianceReason } from './alliance-checks';
import type { AllianceCheckContext, AllianceDraft, AllianceSummary, ConstitutedSummary, GovernanceSummary, TerritoryAnalysis } from './alliance-summary';
import type { NeighbourLookup } from './adjacency';
import type { AssociationRef } from './associations';
import { contiguity, type Contiguity } from './contiguity';
import { EMPTY_GOVERNANCE, efficiencyRule, formRules, successFactors } from './governance';
import { isMountainComune } from './mountain';
import { overlaps } from './overlaps';
import { applicableRuleSet, type RuleSet } from './rule-sets';
import { evaluateRules, type RuleResult } from './rules';
import { summarizeTerritory, type ComuneFacts } from './territory';
import { isObligedToAssociate } from './thresholds';

/** What the evaluation reads about the Comuni (the server's territory tables are one). */
export interface TerritoryData {
  facts: ReadonlyMap<string, ComuneFacts>;
  graph: { neighbours: NeighbourLookup };
  memberships: ReadonlyMap<string, readonly AssociationRef[]>;
  provinceNames: ReadonlyMap<string, string>;
  regionNames: ReadonlyMap<string, string>;
}

/** A draft's evaluation: its summary, or why it cannot be saved (never both). */
export type AllianceEvaluation = { ok: true; summary: AllianceSummary } | { ok: false; reasons: AllianceReason[] };

/**
 * A founder's draft checked against the data (codes exist, no duplicates, one lead at most; a
 * published alliance must pass every rule), with its summary. (A member's own decision changes
 * only statuses and is never refused for the founder's sake: `summarizeAlliance` alone.)
 */
export function evaluateAlliance(data: TerritoryData, draft: AllianceDraft, context: AllianceCheckContext): AllianceEvaluation {
  const reasons = draftReasons(draft, context, (code) => data.facts.has(code));
  if (reasons.length > 0) return { ok: false, reasons };
  const summary = summarizeAlliance(data, draft, context);
  if (draft.status === 'published') {
    const problems = [...summary.rules, ...summary.governanceChecks.rules].filter((r) => r.level === 'problem');
    if (problems.length > 0) {
      const reason: AllianceReason = {
        kind: 'problems_remain',
        message: { it: 'Non pubblicabile finché restano problemi', en: `Cannot be published while problems remain: ${problems.map((p) => p.message.it).join(' ')}` },
        details: { rules: problems },
      };
      return { ok: false, reasons: [reason] };
    }
  }
  return { ok: true, summary };
}

/** Totals, provinces, regions, contiguity and overlaps of a set of known Comuni (each counted once). */
export function analyzeKnownTerritory(data: TerritoryData, members: readonly string[]): TerritoryAnalysis {
  const known = [...new Set(members)];
  const summary = summarizeTerritory(known, (code) => data.facts.get(code));
  const named = (names: ReadonlyMap<string, string>) => (a: { code: string; comuni: number }) => ({ code: a.code, name: names.get(a.code) ?? a.code, comuni: a.comuni });
  return {
    totals: summary.totals,
    provinces: summary.provinces.map(named(data.provinceNames)),
    regions: summary.regions.map(named(data.regionNames)),
    contiguity: contiguity(known, data.graph.neighbours),
    overlaps: overlaps(known, (code) => data.memberships.get(code)),
  };
}

/** Totals, contiguity, overlaps and rules of the proposed territory, and the constituted one. */
export function summarizeAlliance(data: TerritoryData, draft: AllianceDraft, context: AllianceCheckContext): AllianceSummary {
  // A member whose code left the data (a Comune merged since) counts no more; an edit refuses it
  // before this, a member's own decision is not held up by it.
  const members = draft.members.filter((m) => data.facts.has(m.code));
  const territory = territoryMembers(members);
  const analysis = analyzeKnownTerritory(data, territory);
  const set = applicableRuleSet(draft.ruleSet, analysis.regions[0]?.code);
  const exception = context.contiguityException ?? null;
  const rules = territoryRules(data, territory, analysis.contiguity, set, exception);
  const constituted = constitutedSummary(data, constitutedMembers(members), set, exception);
  return {
    ruleSet: { id: set.id, name: set.name },
    ...analysis,
    rules,
    constituted,
    governanceChecks: governanceSummary(data, { ...draft, members }, analysis, constituted, context),
  };
}

/** The form's rules on the proposed territory, the efficiency check on the constituted one too, the success factors. */
function governanceSummary(data: TerritoryData, draft: AllianceDraft, analysis: TerritoryAnalysis, constituted: ConstitutedSummary, context: AllianceCheckContext): GovernanceSummary {
  const territory = territoryMembers(draft.members);
  const governance = draft.governance ?? EMPTY_GOVERNANCE;
  const unione = draft.legalForm === 'unione' ? (context.existingUnione ?? null) : null;
  const inAlliance = new Set(territory);
  const difference = unione
    ? { id: unione.id, name: unione.name, missing: unione.members.filter((c) => !inAlliance.has(c)), extra: territory.filter((c) => !unione.members.includes(c)) }
    : null;
  const rules = formRules({
    legalForm: draft.legalForm,
    members: draft.members.filter((m) => inAlliance.has(m.code)),
    contiguous: analysis.contiguity.contiguous,
    population: analysis.totals.population,
    obliged: territory.filter((code) => isObligedToAssociate(data.facts.get(code)?.population ?? null, isMountain(data, code))).length,
    unioneDifference: difference,
    rtd: governance.rtd ?? null,
  });
  return {
    rules,
    constitutedEfficiency: constituted.totals ? efficiencyRule(constituted.totals.population) : null,
    successFactors: successFactors({
      buildsOnAssociation: difference !== null || analysis.overlaps.length > 0,
      hasLead: draft.members.some((m) => m.lead),
      declared: governance.factors ?? [],
    }),
    existingUnione: difference,
  };
}

/** The adhered members alone, checked against the same rule set as the proposed territory. */
function constitutedSummary(data: TerritoryData, adhered: readonly string[], set: RuleSet, exception: string | null): ConstitutedSummary {
  if (adhered.length === 0) return { constituted: false, members: 0, totals: null, contiguity: null, rules: [] };
  const analysis = analyzeKnownTerritory(data, adhered);
  const rules = territoryRules(data, adhered, analysis.contiguity, set, exception);
  return {
    constituted: rules.every((r) => r.level !== 'problem'),
    members: adhered.length,
    totals: analysis.totals,
    contiguity: analysis.contiguity,
    rules,
  };
}

function territoryRules(data: TerritoryData, codes: readonly string[], contiguity: Contiguity, set: RuleSet, exception: string | null): RuleResult[] {
  const members = codes.map((code) => {
    const f = data.facts.get(code)!;
    return { code, name: f.name, population: f.population, provinceCode: f.provinceCode, mountain: isMountain(data, code) };
  });
  return evaluateRules({ members, contiguity, contiguityException: exception }, set);
}

function isMountain(data: TerritoryData, code: string): boolean {
  return isMountainComune(data.memberships.get(code) ?? []);
}
