import type { MemberStatus } from './alliance';

/**
 * Adhesion: each member Comune (or participating body) decides for itself, by an act of one of its
 * organs, to adhere to an alliance, decline it, or later withdraw. Rules as data, no I/O.
 */
export const ADHESION_DECISIONS = ['adhere', 'decline', 'withdraw'] as const;
export type AdhesionDecision = (typeof ADHESION_DECISIONS)[number];

/** The organ whose act records the decision (TUEL: council, executive, mayor). */
export const ADHESION_ORGANS = ['consiglio', 'giunta', 'sindaco'] as const;
export type AdhesionOrgan = (typeof ADHESION_ORGANS)[number];

/** The act behind a member's current status. */
export interface AdhesionAct {
  decision: AdhesionDecision;
  organ: AdhesionOrgan;
  /** The act's number as the body writes it ("12", "12/2026"). */
  number: string;
  /** ISO date (YYYY-MM-DD) of the act. */
  date: string;
  /** Where the act is published (albo pretorio), if given. */
  url: string | null;
  note: string | null;
  /** When the decision was recorded here (ISO 8601). */
  recordedAt: string;
  /** The version of the generated convenzione text the act approved, when it says so. */
  convenzioneVersion?: number | null;
}

export const ADHESION_LIMITS = { actNumber: 40, url: 500, note: 1000 } as const;

/** The status a decision leads to. */
const OUTCOME: Record<AdhesionDecision, MemberStatus> = { adhere: 'adhered', decline: 'declined', withdraw: 'withdrawn' };

/** From which statuses each decision may be taken: a body may reconsider, but only an adhered one withdraws. */
const ALLOWED_FROM: Record<AdhesionDecision, readonly MemberStatus[]> = {
  adhere: ['proposed', 'declined', 'withdrawn'],
  decline: ['proposed'],
  withdraw: ['adhered'],
};

const WHY_NOT: Record<AdhesionDecision, { it: string; en: string }> = {
  adhere: { it: 'ha già aderito', en: 'has already adhered' },
  decline: { it: 'può declinare solo un invito ancora aperto (per uscire dopo aver aderito serve il recesso)', en: 'can decline only an open invitation (after adhering, withdraw instead)' },
  withdraw: { it: 'può recedere solo chi ha aderito', en: 'can withdraw only after adhering' },
};

export type DecisionOutcome = { status: MemberStatus } | { problem: { it: string; en: string } };

/** What a member's decision changes its status to, or why it cannot be taken from `current`. */
export function statusAfterDecision(current: MemberStatus, decision: AdhesionDecision): DecisionOutcome {
  if (!ALLOWED_FROM[decision].includes(current)) return { problem: WHY_NOT[decision] };
  return { status: OUTCOME[decision] };
}

/**
 * What a founder's save may say about members' statuses: a new member is only proposed, and an
 * existing member keeps the status its own act gave it (the founder may remove it instead).
 * Returns the problems, one per member, empty when the change is allowed.
 */
export function founderStatusProblems(
  stored: ReadonlyMap<string, MemberStatus>,
  requested: readonly { code: string; status?: MemberStatus | undefined }[],
): { code: string; requested: MemberStatus; stored: MemberStatus | null }[] {
  const problems: { code: string; requested: MemberStatus; stored: MemberStatus | null }[] = [];
  for (const m of requested) {
    if (m.status === undefined) continue;
    const current = stored.get(m.code) ?? null;
    if (m.status !== (current ?? 'proposed')) problems.push({ code: m.code, requested: m.status, stored: current });
  }
  return problems;
}

/** How a member's status and an act's organ read, in Italian and English. */
export const MEMBER_STATUS_LABELS: Record<MemberStatus, { it: string; en: string }> = {
  proposed: { it: 'proposto', en: 'proposed' },
  adhered: { it: 'aderente', en: 'adhered' },
  declined: { it: 'ha declinato', en: 'declined' },
  withdrawn: { it: 'receduto', en: 'withdrawn' },
};

export const ORGAN_LABELS: Record<AdhesionOrgan, { it: string; en: string }> = {
  consiglio: { it: 'Consiglio comunale', en: 'Municipal council' },
  giunta: { it: 'Giunta', en: 'Executive (giunta)' },
  sindaco: { it: 'Sindaco', en: 'Mayor' },
};

/**
 * A day (YYYY-MM-DD, or the start of a full ISO timestamp) written as the language writes dates
 * ("2 aprile 2026", "2 April 2026"); any other text as it is.
 */
export function formatDay(value: string, lang: 'it' | 'en'): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) return value;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** An act in one line, its date as the language writes it: "Consiglio comunale, atto n. 12 del 1 marzo 2026". */
export function actLabel(act: Pick<AdhesionAct, 'organ' | 'number' | 'date'>, lang: 'it' | 'en'): string {
  const organ = ORGAN_LABELS[act.organ][lang];
  const date = formatDay(act.date, lang);
  return lang === 'it' ? `${organ}, atto n. ${act.number} del ${date}` : `${organ}, act no. ${act.number} of ${date}`;
}
