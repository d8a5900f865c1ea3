import { ALLIANCE_LIMITS, constitutedMembers, partnerKey, territoryMembers } from '../../domain/alliance';
import type { Contiguity } from '../../domain/contiguity';
import { applicableRuleSet, type RuleSet } from '../../domain/rule-sets';
import { evaluateRules, type RuleResult } from '../../domain/rules';
import { EMPTY_GOVERNANCE, efficiencyRule, formRules, governanceProblems, rtdSeatProblem, successFactors } from '../../domain/governance';
import { isObligedToAssociate } from '../../domain/thresholds';
import { isMountain, type TerritoryTables } from '../data/territory-store';
import { HttpError, unprocessable } from '../http/errors';
import { analyzeTerritory } from './territory';
import type { AllianceCheckContext, AllianceDraft, AllianceSummary, ConstitutedSummary, GovernanceSummary, TerritoryAnalysis } from '../../domain/alliance-summary';

export type { AllianceCheckContext, AllianceDraft, AllianceSummary, ConstitutedSummary, GovernanceSummary } from '../../domain/alliance-summary';

/** 413 before parsing when a body lists more members than an alliance may have. */
export function rejectTooManyMembers(body: unknown): void {
  const members = (body as { members?: unknown } | null)?.members;
  if (Array.isArray(members) && members.length > ALLIANCE_LIMITS.members) {
    throw new HttpError(413, 'payload_too_large', `Al massimo ${ALLIANCE_LIMITS.members} comuni per alleanza / At most ${ALLIANCE_LIMITS.members} Comuni per alliance`);
  }
}

/**
 * Checks a draft against the data (codes exist, no duplicates, one lead at most; a published
 * alliance must pass every rule) and computes its summary. Throws 422 listing the reasons.
 */
export function evaluateAlliance(tables: TerritoryTables, draft: AllianceDraft, context: AllianceCheckContext, mode: 'edit' | 'decision' = 'edit'): AllianceSummary {
  // A member's own decision is never refused for the founder's sake: only statuses changed, the
  // rest was checked when the founder saved it; a published alliance then shows its problems.
  return mode === 'decision' ? summarize(tables, draft, context) : checkedSummary(tables, draft, context);
}

function checkedSummary(tables: TerritoryTables, draft: AllianceDraft, context: AllianceCheckContext): AllianceSummary {
  const reasons: string[] = [];
  const codes = draft.members.map((m) => m.code);
  const unknown = [...new Set(codes.filter((c) => !tables.facts.has(c)))];
  if (unknown.length > 0) reasons.push(`Codici ISTAT sconosciuti / Unknown ISTAT codes: ${unknown.join(', ')}`);
  const duplicates = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (duplicates.length > 0) reasons.push(`Comuni ripetuti / Comuni listed twice: ${duplicates.join(', ')}`);
  const leads = draft.members.filter((m) => m.lead);
  if (leads.length > 1) reasons.push(`Un solo capofila / Only one lead body: ${leads.map((m) => m.code).join(', ')}`);
  if (leads.some((m) => m.status === 'withdrawn' || m.status === 'declined')) {
    reasons.push('Il capofila non può aver declinato o receduto / The lead body cannot have declined or withdrawn');
  }
  const territory = territoryMembers(draft.members);
  reasons.push(...serviceProblems(draft, territory, context));
  reasons.push(...governanceReasons(draft, context));
  if (reasons.length > 0) throw unprocessable(reasons.join('; '), { reasons, unknown });

  const summary = summarize(tables, draft, context);
  if (draft.status === 'published') {
    const problems = [...summary.rules, ...(summary.governanceChecks?.rules ?? [])].filter((r) => r.level === 'problem');
    if (problems.length > 0) {
      throw unprocessable(
        `Non pubblicabile finché restano problemi / Cannot be published while problems remain: ${problems.map((p) => p.message.it).join(' ')}`,
        { reasons: problems.map((p) => p.message), rules: problems },
      );
    }
  }
  return summary;
}

/** Totals, contiguity, overlaps and rules of the proposed territory, and the constituted one. */
function summarize(tables: TerritoryTables, draft: AllianceDraft, context: AllianceCheckContext): AllianceSummary {
  // A member whose code left the data (a Comune merged since) counts no more; an edit refuses it
  // before this, a member's own decision is not held up by it.
  draft = { ...draft, members: draft.members.filter((m) => tables.facts.has(m.code)) };
  const analysis = analyzeTerritory(tables, territoryMembers(draft.members));
  const set = applicableRuleSet(draft.ruleSet, analysis.regions[0]?.code);
  const exception = context.contiguityException ?? null;
  const rules = territoryRules(tables, territoryMembers(draft.members), analysis.contiguity, set, exception);
  const constituted = constitutedSummary(tables, draft, set, exception);
  return { ruleSet: { id: set.id, name: set.name }, ...analysis, rules, constituted, governanceChecks: governanceSummary(tables, draft, analysis, constituted, context) };
}

/** The form's rules on the proposed territory, the efficiency check on the constituted one too, the success factors. */
function governanceSummary(tables: TerritoryTables, draft: AllianceDraft, analysis: TerritoryAnalysis, constituted: ConstitutedSummary, context: AllianceCheckContext): GovernanceSummary {
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
    obliged: territory.filter((code) => isObligedToAssociate(tables.facts.get(code)?.population ?? null, isMountain(tables, code))).length,
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

/**
 * What a founder's save cannot say about governance (422): a convenzione without a capofila, an RTD
 * where the form has no seat for it, an existing Unione that is not one, dates in the future,
 * a phase going back without a note, addresses that are not e-mail or PEC.
 */
function governanceReasons(draft: AllianceDraft, context: AllianceCheckContext): string[] {
  const reasons: string[] = [];
  const governance = draft.governance ?? EMPTY_GOVERNANCE;
  const hasLead = draft.members.some((m) => m.lead);
  if (draft.legalForm === 'convenzione' && !hasLead) {
    reasons.push('Regola «capofila» (TUEL art. 30 c. 4): una convenzione richiede un comune capofila tra i membri / Rule «capofila» (TUEL art. 30 c. 4): a convenzione needs a lead Comune among the members');
  }
  if (governance.rtd) {
    const problem = rtdSeatProblem(governance.rtd.seat, draft.legalForm, hasLead);
    if (problem) reasons.push(`${problem.it} / ${problem.en}`);
  }
  if (governance.existingUnione) {
    if (draft.legalForm !== 'unione') reasons.push("Un'Unione esistente si estende solo con la forma «unione» / An existing Unione is extended only with the form «unione»");
    else if (!context.existingUnione) reasons.push(`Nessuna Unione di comuni con id ${governance.existingUnione} / No Unione di comuni with id ${governance.existingUnione}`);
  }
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  reasons.push(...governanceProblems(governance, draft.members.map((m) => m.code), today).map((p) => `${p.it} / ${p.en}`));
  return reasons;
}

/** The adhered members alone, checked against the same rule set as the proposed territory. */
function constitutedSummary(tables: TerritoryTables, draft: AllianceDraft, set: RuleSet, exception: string | null): ConstitutedSummary {
  const adhered = constitutedMembers(draft.members);
  if (adhered.length === 0) return { constituted: false, members: 0, totals: null, contiguity: null, rules: [] };
  const analysis = analyzeTerritory(tables, adhered);
  const rules = territoryRules(tables, adhered, analysis.contiguity, set, exception);
  return {
    constituted: rules.every((r) => r.level !== 'problem'),
    members: adhered.length,
    totals: analysis.totals,
    contiguity: analysis.contiguity,
    rules,
  };
}

function territoryRules(tables: TerritoryTables, codes: readonly string[], contiguity: Contiguity, set: RuleSet, exception: string | null): RuleResult[] {
  return evaluateRules(
    {
      members: codes.map((code) => {
        const f = tables.facts.get(code)!;
        return { code, name: f.name, population: f.population, provinceCode: f.provinceCode, mountain: isMountain(tables, code) };
      }),
      contiguity,
      contiguityException: exception,
    },
    set,
  );
}

/** Services must be in the catalogue, once each, delivered by someone in the alliance, to its members. */
function serviceProblems(draft: AllianceDraft, territory: readonly string[], context: AllianceCheckContext): string[] {
  const problems: string[] = [];
  const inTerritory = new Set(territory);
  const partners = new Set(draft.partners.map((p) => p.name));
  const partnerNames = draft.partners.map((p) => partnerKey(p.name));
  const repeatedPartners = draft.partners.filter((p, i) => partnerNames.indexOf(partnerKey(p.name)) !== i);
  if (repeatedPartners.length > 0) {
    // A partner is named as a service's provider: two with one name would make that ambiguous.
    problems.push(`Partecipante ripetuto / Participating body listed twice: ${[...new Set(repeatedPartners.map((p) => p.name))].join(', ')}`);
  }
  const seen = new Set<string>();
  for (const s of draft.services) {
    const entry = context.catalogue.get(s.code);
    if (!entry) problems.push(`Servizio sconosciuto / Unknown service: ${s.code}`);
    else if (entry.retired && !context.previousServices?.has(s.code)) problems.push(`Servizio ritirato dal catalogo / Service retired from the catalogue: ${s.code}`);
    if (seen.has(s.code)) problems.push(`Servizio ripetuto / Service listed twice: ${s.code}`);
    seen.add(s.code);
    const ref = s.provider.ref ?? '';
    if (s.provider.kind === 'member' && !inTerritory.has(ref)) {
      problems.push(`${s.code}: il fornitore deve essere un comune membro / the provider must be a member Comune (${ref || '—'})`);
    }
    if (s.provider.kind === 'partner' && !partners.has(ref)) {
      problems.push(`${s.code}: il fornitore deve essere un partecipante / the provider must be a participating body (${ref || '—'})`);
    }
    if (s.provider.kind === 'lead' && !draft.members.some((m) => m.lead)) {
      problems.push(`${s.code}: nessun capofila indicato / no lead body marked`);
    }
    if (s.chargedCents !== null && s.chargedCents !== undefined && s.chargedCents > s.annualCostCents) {
      problems.push(
        `${s.code}: ai membri non si può addebitare più del costo del servizio / members cannot be charged more than the service costs (${s.chargedCents} > ${s.annualCostCents} cent)`,
      );
    }
    const grants = (s.grants ?? []).reduce((sum, g) => sum + g.amountCents, 0);
    if (grants > s.annualCostCents) {
      problems.push(`${s.code}: i contributi superano il costo del servizio / grants exceed the service's cost (${grants} > ${s.annualCostCents} cent)`);
    }
    if (s.recipients) {
      if (s.recipients.length === 0) problems.push(`${s.code}: nessun comune lo riceve / no Comune receives it`);
      const repeated = s.recipients.filter((c, i) => s.recipients!.indexOf(c) !== i);
      if (repeated.length > 0) problems.push(`${s.code}: destinatari ripetuti / recipients listed twice: ${[...new Set(repeated)].join(', ')}`);
      const outside = s.recipients.filter((c) => !inTerritory.has(c));
      if (outside.length > 0) problems.push(`${s.code}: destinatari non membri / recipients that are not members: ${outside.join(', ')}`);
    }
  }
  return problems;
}
