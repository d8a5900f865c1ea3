import { grantsTotal, partnerKey, territoryMembers } from './alliance';
import type { AllianceCheckContext, AllianceDraft } from './alliance-summary';
import { EMPTY_GOVERNANCE, governanceProblems, rtdSeatProblem, type GovernanceRule } from './governance';
import type { RuleResult } from './rules';

/**
 * Why a founder's draft cannot be saved as it is: what kind of fault, the two halves of the
 * bilingual sentence the API has always answered ("italiano / English", see `reasonLine`), and the
 * facts it names. Plain data: the server decides which HTTP answer says it.
 */
export type AllianceReason =
  | Reason<'unknown_codes' | 'repeated_codes' | 'several_leads', { codes: string[] }>
  | Reason<'lead_declined' | 'convenzione_without_lead' | 'rtd_seat' | 'unione_form' | 'governance', Record<string, never>>
  | Reason<'unknown_unione', { id: number }>
  | Reason<'repeated_partners', { names: string[] }>
  | Reason<'unknown_service' | 'retired_service' | 'repeated_service' | 'no_lead_provider' | 'no_recipients', { service: string }>
  | Reason<'provider_not_member' | 'provider_not_partner', { service: string; ref: string | null }>
  | Reason<'overcharged' | 'grants_exceed_cost', { service: string; cents: number; annualCostCents: number }>
  | Reason<'repeated_recipients' | 'recipients_not_members', { service: string; codes: string[] }>
  | Reason<'problems_remain', { rules: (RuleResult | GovernanceRule)[] }>;

interface Reason<K extends string, D> {
  kind: K;
  message: { it: string; en: string };
  details: D;
}

/** A reason as one bilingual line: "italiano / English". */
export function reasonLine(reason: AllianceReason): string {
  return `${reason.message.it} / ${reason.message.en}`;
}

/**
 * What the data and the catalogue refuse in a founder's draft: unknown or repeated Comuni, more
 * than one lead or a lead that declined, services and partners that do not add up, governance
 * the form cannot have. Empty when the draft may be saved (its rules are judged apart).
 */
export function draftReasons(draft: AllianceDraft, context: AllianceCheckContext, known: (code: string) => boolean): AllianceReason[] {
  return [...memberReasons(draft, known), ...serviceReasons(draft, context), ...governanceReasons(draft, context)];
}

function memberReasons(draft: AllianceDraft, known: (code: string) => boolean): AllianceReason[] {
  const reasons: AllianceReason[] = [];
  const codes = draft.members.map((m) => m.code);
  const unknown = [...new Set(codes.filter((c) => !known(c)))];
  if (unknown.length > 0) {
    reasons.push({ kind: 'unknown_codes', message: { it: 'Codici ISTAT sconosciuti', en: `Unknown ISTAT codes: ${unknown.join(', ')}` }, details: { codes: unknown } });
  }
  const duplicates = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (duplicates.length > 0) {
    reasons.push({ kind: 'repeated_codes', message: { it: 'Comuni ripetuti', en: `Comuni listed twice: ${duplicates.join(', ')}` }, details: { codes: duplicates } });
  }
  const leads = draft.members.filter((m) => m.lead).map((m) => m.code);
  if (leads.length > 1) {
    reasons.push({ kind: 'several_leads', message: { it: 'Un solo capofila', en: `Only one lead body: ${leads.join(', ')}` }, details: { codes: leads } });
  }
  if (draft.members.some((m) => m.lead && (m.status === 'withdrawn' || m.status === 'declined'))) {
    reasons.push({
      kind: 'lead_declined',
      message: { it: 'Il capofila non può aver declinato o receduto', en: 'The lead body cannot have declined or withdrawn' },
      details: {},
    });
  }
  return reasons;
}

/** Partners once each; services in the catalogue, once each, delivered by someone in the alliance, to its members. */
function serviceReasons(draft: AllianceDraft, context: AllianceCheckContext): AllianceReason[] {
  const reasons: AllianceReason[] = [];
  const inTerritory = new Set(territoryMembers(draft.members));
  const partners = new Set(draft.partners.map((p) => p.name));
  const partnerNames = draft.partners.map((p) => partnerKey(p.name));
  const repeatedPartners = [...new Set(draft.partners.filter((p, i) => partnerNames.indexOf(partnerKey(p.name)) !== i).map((p) => p.name))];
  if (repeatedPartners.length > 0) {
    // A partner is named as a service's provider: two with one name would make that ambiguous.
    reasons.push({
      kind: 'repeated_partners',
      message: { it: 'Partecipante ripetuto', en: `Participating body listed twice: ${repeatedPartners.join(', ')}` },
      details: { names: repeatedPartners },
    });
  }
  const hasLead = draft.members.some((m) => m.lead);
  const seen = new Set<string>();
  for (const s of draft.services) {
    const service = s.code;
    const entry = context.catalogue.get(service);
    if (!entry) reasons.push({ kind: 'unknown_service', message: { it: 'Servizio sconosciuto', en: `Unknown service: ${service}` }, details: { service } });
    else if (entry.retired && !context.previousServices?.has(service)) {
      reasons.push({ kind: 'retired_service', message: { it: 'Servizio ritirato dal catalogo', en: `Service retired from the catalogue: ${service}` }, details: { service } });
    }
    if (seen.has(service)) reasons.push({ kind: 'repeated_service', message: { it: 'Servizio ripetuto', en: `Service listed twice: ${service}` }, details: { service } });
    seen.add(service);
    const ref = s.provider.ref ?? null;
    if (s.provider.kind === 'member' && !inTerritory.has(ref ?? '')) {
      reasons.push({
        kind: 'provider_not_member',
        message: { it: `${service}: il fornitore deve essere un comune membro`, en: `the provider must be a member Comune (${ref || '—'})` },
        details: { service, ref },
      });
    }
    if (s.provider.kind === 'partner' && !partners.has(ref ?? '')) {
      reasons.push({
        kind: 'provider_not_partner',
        message: { it: `${service}: il fornitore deve essere un partecipante`, en: `the provider must be a participating body (${ref || '—'})` },
        details: { service, ref },
      });
    }
    if (s.provider.kind === 'lead' && !hasLead) {
      reasons.push({ kind: 'no_lead_provider', message: { it: `${service}: nessun capofila indicato`, en: 'no lead body marked' }, details: { service } });
    }
    reasons.push(...costReasons(s));
    if (s.recipients) reasons.push(...recipientReasons(service, s.recipients, inTerritory));
  }
  return reasons;
}

/** Members are charged at most what a service costs, and its grants cover at most that. */
function costReasons(s: AllianceDraft['services'][number]): AllianceReason[] {
  const reasons: AllianceReason[] = [];
  const service = s.code;
  const annualCostCents = s.annualCostCents;
  if (s.chargedCents !== null && s.chargedCents !== undefined && s.chargedCents > annualCostCents) {
    reasons.push({
      kind: 'overcharged',
      message: {
        it: `${service}: ai membri non si può addebitare più del costo del servizio`,
        en: `members cannot be charged more than the service costs (${s.chargedCents} > ${annualCostCents} cent)`,
      },
      details: { service, cents: s.chargedCents, annualCostCents },
    });
  }
  const grants = grantsTotal(s);
  if (grants > annualCostCents) {
    reasons.push({
      kind: 'grants_exceed_cost',
      message: { it: `${service}: i contributi superano il costo del servizio`, en: `grants exceed the service's cost (${grants} > ${annualCostCents} cent)` },
      details: { service, cents: grants, annualCostCents },
    });
  }
  return reasons;
}

/** A service's recipients: at least one, once each, all members. */
function recipientReasons(service: string, recipients: readonly string[], inTerritory: ReadonlySet<string>): AllianceReason[] {
  const reasons: AllianceReason[] = [];
  if (recipients.length === 0) reasons.push({ kind: 'no_recipients', message: { it: `${service}: nessun comune lo riceve`, en: 'no Comune receives it' }, details: { service } });
  const repeated = [...new Set(recipients.filter((c, i) => recipients.indexOf(c) !== i))];
  if (repeated.length > 0) {
    reasons.push({
      kind: 'repeated_recipients',
      message: { it: `${service}: destinatari ripetuti`, en: `recipients listed twice: ${repeated.join(', ')}` },
      details: { service, codes: repeated },
    });
  }
  const outside = recipients.filter((c) => !inTerritory.has(c));
  if (outside.length > 0) {
    reasons.push({
      kind: 'recipients_not_members',
      message: { it: `${service}: destinatari non membri`, en: `recipients that are not members: ${outside.join(', ')}` },
      details: { service, codes: outside },
    });
  }
  return reasons;
}

/**
 * What a founder's save cannot say about governance: a convenzione without a capofila, an RTD
 * where the form has no seat for it, an existing Unione that is not one, dates in the future,
 * a phase going back without a note, addresses that are not e-mail or PEC.
 */
function governanceReasons(draft: AllianceDraft, context: AllianceCheckContext): AllianceReason[] {
  const reasons: AllianceReason[] = [];
  const governance = draft.governance ?? EMPTY_GOVERNANCE;
  const hasLead = draft.members.some((m) => m.lead);
  if (draft.legalForm === 'convenzione' && !hasLead) {
    reasons.push({
      kind: 'convenzione_without_lead',
      message: {
        it: 'Regola «capofila» (TUEL art. 30 c. 4): una convenzione richiede un comune capofila tra i membri',
        en: 'Rule «capofila» (TUEL art. 30 c. 4): a convenzione needs a lead Comune among the members',
      },
      details: {},
    });
  }
  const seatProblem = governance.rtd ? rtdSeatProblem(governance.rtd.seat, draft.legalForm, hasLead) : null;
  if (seatProblem) reasons.push({ kind: 'rtd_seat', message: seatProblem, details: {} });
  if (governance.existingUnione) {
    if (draft.legalForm !== 'unione') {
      reasons.push({
        kind: 'unione_form',
        message: { it: "Un'Unione esistente si estende solo con la forma «unione»", en: 'An existing Unione is extended only with the form «unione»' },
        details: {},
      });
    } else if (!context.existingUnione) {
      const id = governance.existingUnione;
      reasons.push({ kind: 'unknown_unione', message: { it: `Nessuna Unione di comuni con id ${id}`, en: `No Unione di comuni with id ${id}` }, details: { id } });
    }
  }
  const problems = governanceProblems(governance, draft.members.map((m) => m.code), context.today);
  reasons.push(...problems.map((message): AllianceReason => ({ kind: 'governance', message, details: {} })));
  return reasons;
}
