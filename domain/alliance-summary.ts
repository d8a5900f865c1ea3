import type { AllianceServiceInput, AllianceStatus, MemberStatus, PartnerKind } from './alliance';
import { EMPTY_GOVERNANCE, type Governance, type GovernanceRule, type LegalForm, type SuccessFactor } from './governance';
import type { AdhesionAct } from './adhesion';
import type { Contiguity } from './contiguity';
import type { Overlap } from './overlaps';
import type { RuleResult } from './rules';
import type { TerritorySummary, TerritoryTotals } from './territory';

/**
 * The shapes of an alliance as the server checks and stores it: the draft a founder or a member's
 * decision makes (and the draft a stored alliance says), and the summary derived from it. Kept here, at the bottom, so that
 * the queries that store them and the services that compute them both depend downwards.
 */

export interface AllianceDraft {
  name: string;
  description: string;
  status: AllianceStatus;
  ruleSet?: string | undefined;
  members: { code: string; status: MemberStatus; lead: boolean; act?: AdhesionAct | null | undefined }[];
  partners: { kind: PartnerKind; name: string; role?: string | null | undefined; status?: MemberStatus | undefined; act?: AdhesionAct | null | undefined }[];
  services: AllianceServiceInput[];
  runningCostCents: number;
  /** Null while not chosen. */
  legalForm: LegalForm | null;
  governance: Governance;
}

/** A member as stored and shown: its draft entry, with the Comune's name and residents (null once it left the data). */
export interface StoredMember {
  code: string;
  name: string | null;
  population: number | null;
  status: MemberStatus;
  lead: boolean;
  act: AdhesionAct | null;
}

/** A participating body as stored and shown. */
export interface StoredPartner {
  kind: PartnerKind;
  name: string;
  role: string | null;
  status: MemberStatus;
  act: AdhesionAct | null;
}

/** What the checks need besides the draft: the catalogue and what is already stored. */
export interface AllianceCheckContext {
  /** Catalogue codes, with whether each is retired. */
  catalogue: ReadonlyMap<string, { retired: boolean }>;
  /** Services the stored alliance already provides (a retired one may stay, not be added). */
  previousServices?: ReadonlySet<string>;
  /** Recorded by an administrator: accepts a territory in separate parts. */
  contiguityException?: string | null;
  /** The existing Unione the draft extends, with its members' ISTAT codes (null when none or not found). */
  existingUnione?: { id: number; name: string; members: readonly string[] } | null;
  /** Today (ISO date), for dates that cannot be in the future. */
  today: string;
}

export interface NamedArea {
  code: string;
  name: string;
  comuni: number;
}

/** Totals, provinces, regions, contiguity and overlaps of a set of Comuni. */
export interface TerritoryAnalysis {
  totals: TerritorySummary['totals'];
  provinces: NamedArea[];
  regions: NamedArea[];
  contiguity: Contiguity;
  overlaps: Overlap[];
}

/**
 * The constituted territory: only the members that adhered by their own act. The alliance is
 * constituted when they alone pass every rule.
 */
export interface ConstitutedSummary {
  constituted: boolean;
  members: number;
  totals: TerritoryTotals | null;
  contiguity: Contiguity | null;
  rules: RuleResult[];
}

/**
 * What the server derives from a draft and stores with it: totals, contiguity, overlaps and rules
 * of the proposed territory (proposed and adhered members), and the constituted one.
 */
export interface AllianceSummary extends TerritoryAnalysis {
  ruleSet: { id: string; name: { it: string; en: string } };
  rules: RuleResult[];
  constituted: ConstitutedSummary;
  /** The legal form's checks (beside `rules`, the territory's). */
  governanceChecks: GovernanceSummary;
}

/** The legal form's rules and AgID's efficiency check (proposed and constituted territory), and the success factors. */
export interface GovernanceSummary {
  rules: GovernanceRule[];
  constitutedEfficiency: GovernanceRule | null;
  successFactors: SuccessFactor[];
  /** An Unione extending an existing one: which Comuni differ. */
  existingUnione: { id: number; name: string; missing: string[]; extra: string[] } | null;
}

/** A stored alliance as far as its draft goes (the stored members and partners carry more, left out). */
export interface StoredDraftContent extends Omit<AllianceDraft, 'ruleSet' | 'governance'> {
  summary: { ruleSet: { id: string } };
  governance: Partial<Governance>;
}

/** What a stored alliance says, as a draft to compare a change with or to apply it to. */
export function draftOf(alliance: StoredDraftContent): AllianceDraft {
  return {
    name: alliance.name,
    description: alliance.description,
    status: alliance.status,
    ruleSet: alliance.summary.ruleSet.id,
    members: alliance.members.map((m) => ({ code: m.code, status: m.status, lead: m.lead, act: m.act })),
    partners: alliance.partners.map((p) => ({ kind: p.kind, name: p.name, role: p.role, status: p.status, act: p.act })),
    services: alliance.services,
    runningCostCents: alliance.runningCostCents,
    legalForm: alliance.legalForm,
    governance: { ...EMPTY_GOVERNANCE, ...alliance.governance },
  };
}
