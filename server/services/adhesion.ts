import { founderStatusProblems, statusAfterDecision, type AdhesionAct, type AdhesionDecision, type AdhesionOrgan } from '../../domain/adhesion';
import { partnerKey, type MemberStatus } from '../../domain/alliance';
import { DomainRefusal } from '../../domain/refusal';
import type { InvitedParty } from '../queries/invitations';
import type { AllianceDraft } from '../../domain/alliance-summary';

type FounderMember = { code: string; status?: MemberStatus | undefined; lead: boolean };
type FounderPartner = AllianceDraft['partners'][number];

const STATUS_IT: Record<MemberStatus, string> = { proposed: 'proposto', adhered: 'aderente', declined: 'ha declinato', withdrawn: 'receduto' };

/**
 * The founder's member list with each member's status and act as its own decisions left them
 * (new members proposed); refused (invalid) naming every member whose status the founder tried to set.
 */
export function withMembersDecisions(requested: readonly FounderMember[], stored: AllianceDraft['members']): AllianceDraft['members'] {
  const byCode = new Map(stored.map((m) => [m.code, m]));
  const problems = founderStatusProblems(new Map(stored.map((m) => [m.code, m.status])), requested);
  if (problems.length > 0) {
    const reasons = problems.map(
      (p) =>
        `${p.code}: solo il comune, con un proprio atto, può passare da «${STATUS_IT[p.stored ?? 'proposed']}» a «${STATUS_IT[p.requested]}» (link di adesione) / ` +
        `only the Comune, by its own act, can change its status from ${p.stored ?? 'proposed'} to ${p.requested} (adhesion link)`,
    );
    throw new DomainRefusal('invalid', reasons.join('; '), { reasons, members: problems });
  }
  return requested.map((m) => {
    const before = byCode.get(m.code);
    return { code: m.code, lead: m.lead, status: before?.status ?? 'proposed', act: before?.act ?? null };
  });
}

/** Participating bodies keep their own status and act across the founder's edits (matched by name). */
export function withPartnersDecisions(requested: readonly FounderPartner[], stored: AllianceDraft['partners']): AllianceDraft['partners'] {
  const byName = new Map(stored.map((p) => [partnerKey(p.name), p]));
  return requested.map((p) => {
    const before = byName.get(partnerKey(p.name));
    return { kind: p.kind, name: p.name, role: p.role ?? null, status: before?.status ?? 'proposed', act: before?.act ?? null };
  });
}

export interface DecisionInput {
  decision: AdhesionDecision;
  organ: AdhesionOrgan;
  actNumber: string;
  actDate: string;
  actUrl?: string | null | undefined;
  note?: string | null | undefined;
  convenzioneVersion?: number | null | undefined;
}

/** The draft after a member's or body's decision; refused (invalid) if the decision cannot be taken now. */
export function applyDecision(draft: AllianceDraft, party: InvitedParty, input: DecisionInput, now: Date): AllianceDraft {
  const act: AdhesionAct = {
    decision: input.decision,
    organ: input.organ,
    number: input.actNumber,
    date: input.actDate,
    url: input.actUrl ?? null,
    note: input.note ?? null,
    recordedAt: now.toISOString(),
    ...(input.convenzioneVersion ? { convenzioneVersion: input.convenzioneVersion } : {}),
  };
  const decide = <T extends { status?: MemberStatus | undefined }>(item: T, label: string): T & { status: MemberStatus; act: AdhesionAct } => {
    const outcome = statusAfterDecision(item.status ?? 'proposed', input.decision);
    if ('problem' in outcome) throw new DomainRefusal('invalid', `${label} ${outcome.problem.it} / ${label} ${outcome.problem.en}`, { status: item.status ?? 'proposed' });
    return { ...item, status: outcome.status, act };
  };
  if ('code' in party) {
    return { ...draft, members: draft.members.map((m) => (m.code === party.code ? decide(m, party.code) : m)) };
  }
  const key = partnerKey(party.partner);
  return { ...draft, partners: draft.partners.map((p) => (partnerKey(p.name) === key ? decide(p, p.name) : p)) };
}

/** A party's entry among members (by code) or participating bodies (by name, in any case and Unicode form). */
export function partyEntry<M extends { code: string }, P extends { name: string }>(
  alliance: { members: readonly M[]; partners: readonly P[] },
  party: InvitedParty,
): M | P | undefined {
  if ('code' in party) return alliance.members.find((m) => m.code === party.code);
  const key = partnerKey(party.partner);
  return alliance.partners.find((p) => partnerKey(p.name) === key);
}

/** Whether a party is in the draft. */
export const partyIn = (draft: AllianceDraft, party: InvitedParty): boolean => partyEntry(draft, party) !== undefined;

/** Every party of a draft that should hold a live invitation. */
export function partiesOf(draft: AllianceDraft): InvitedParty[] {
  return [...draft.members.map((m) => ({ code: m.code })), ...draft.partners.map((p) => ({ partner: p.name }))];
}
