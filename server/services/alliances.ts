import { ALLIANCE_LIMITS, territoryMembers, type AllianceServiceInput, type AllianceStatus, type MemberStatus, type PartnerKind } from '../../domain/alliance';
import { applicableRuleSet } from '../../domain/rule-sets';
import { evaluateRules, type RuleResult } from '../../domain/rules';
import { isMountain, type TerritoryTables } from '../data/territory-store';
import { HttpError, unprocessable } from '../http/errors';
import { analyzeTerritory, type TerritoryAnalysis } from './territory';

export interface AllianceDraft {
  name: string;
  description: string;
  status: AllianceStatus;
  ruleSet?: string | undefined;
  members: { code: string; status: MemberStatus; lead: boolean }[];
  partners: { kind: PartnerKind; name: string; role?: string | null | undefined }[];
  services: AllianceServiceInput[];
  runningCostCents: number;
}

/** What the checks need besides the draft: the catalogue and what is already stored. */
export interface AllianceCheckContext {
  /** Catalogue codes, with whether each is retired. */
  catalogue: ReadonlyMap<string, { retired: boolean }>;
  /** Services the stored alliance already provides (a retired one may stay, not be added). */
  previousServices?: ReadonlySet<string>;
  /** Recorded by an administrator: accepts a territory in separate parts. */
  contiguityException?: string | null;
}

/** What the server derives from a draft and stores with it (totals, contiguity, overlaps, rules). */
export interface AllianceSummary extends TerritoryAnalysis {
  ruleSet: { id: string; name: { it: string; en: string } };
  rules: RuleResult[];
}

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
export function evaluateAlliance(tables: TerritoryTables, draft: AllianceDraft, context: AllianceCheckContext): AllianceSummary {
  const reasons: string[] = [];
  const codes = draft.members.map((m) => m.code);
  const unknown = [...new Set(codes.filter((c) => !tables.facts.has(c)))];
  if (unknown.length > 0) reasons.push(`Codici ISTAT sconosciuti / Unknown ISTAT codes: ${unknown.join(', ')}`);
  const duplicates = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (duplicates.length > 0) reasons.push(`Comuni ripetuti / Comuni listed twice: ${duplicates.join(', ')}`);
  const leads = draft.members.filter((m) => m.lead);
  if (leads.length > 1) reasons.push(`Un solo capofila / Only one lead body: ${leads.map((m) => m.code).join(', ')}`);
  if (leads.some((m) => m.status === 'withdrawn')) reasons.push('Il capofila non può essere receduto / The lead body cannot be withdrawn');
  const territory = territoryMembers(draft.members);
  reasons.push(...serviceProblems(draft, territory, context));
  if (reasons.length > 0) throw unprocessable(reasons.join('; '), { reasons, unknown });

  const analysis = analyzeTerritory(tables, territory);
  const set = applicableRuleSet(draft.ruleSet, analysis.regions[0]?.code);
  const rules = evaluateRules(
    {
      members: territory.map((code) => {
        const f = tables.facts.get(code)!;
        return {
          code,
          name: f.name,
          population: f.population,
          provinceCode: f.provinceCode,
          mountain: isMountain(tables, code),
        };
      }),
      contiguity: analysis.contiguity,
      contiguityException: context.contiguityException ?? null,
    },
    set,
  );
  if (draft.status === 'published') {
    const problems = rules.filter((r) => r.level === 'problem');
    if (problems.length > 0) {
      throw unprocessable(
        `Non pubblicabile finché restano problemi / Cannot be published while problems remain: ${problems.map((p) => p.message.it).join(' ')}`,
        { reasons: problems.map((p) => p.message), rules: problems },
      );
    }
  }
  return { ruleSet: { id: set.id, name: set.name }, ...analysis, rules };
}

/** Services must be in the catalogue, once each, delivered by someone in the alliance, to its members. */
function serviceProblems(draft: AllianceDraft, territory: readonly string[], context: AllianceCheckContext): string[] {
  const problems: string[] = [];
  const inTerritory = new Set(territory);
  const partners = new Set(draft.partners.map((p) => p.name));
  const partnerNames = draft.partners.map((p) => p.name.toLocaleLowerCase('it'));
  const repeatedPartners = draft.partners.filter((p, i) => partnerNames.indexOf(p.name.toLocaleLowerCase('it')) !== i);
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
