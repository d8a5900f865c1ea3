import type { RuleLevel } from './rules';

/**
 * Governance of an alliance as AgID's Piano Triennale 2024–2026 ("Strumento 2 – Gestione associata
 * dell'ICT") frames it: the legal form, where the RTD sits, and the five phases with their
 * evidence. Rules as data with their citations; pure, no I/O.
 */

/** The legal instruments of associated ICT, with the law each rests on. */
export const LEGAL_FORMS = ['convenzione', 'unione', 'consorzio', 'societa_in_house', 'accordo'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_INFO: Record<LegalForm, { it: string; en: string; reference: string }> = {
  convenzione: { it: 'Convenzione con ente capofila', en: 'Agreement with a lead body (convenzione)', reference: 'D.Lgs. 267/2000 (TUEL) art. 30' },
  unione: { it: 'Unione di comuni', en: 'Union of Comuni (Unione)', reference: 'D.Lgs. 267/2000 (TUEL) art. 32' },
  consorzio: { it: 'Consorzio', en: 'Consortium', reference: 'D.Lgs. 267/2000 (TUEL) art. 31' },
  societa_in_house: { it: 'Società in house', en: 'In-house company', reference: 'D.Lgs. 267/2000 (TUEL) artt. 113–114; D.Lgs. 175/2016 art. 16' },
  accordo: { it: 'Accordo tra amministrazioni', en: 'Agreement between administrations', reference: 'L. 241/1990 art. 15' },
};

/** Where the shared RTD and digital-transition office sit (CAD art. 17 c. 1-septies; Circolare AgID 3/2018). */
export const RTD_SEATS = ['capofila', 'unione', 'consorzio', 'ciascun_comune'] as const;
export type RtdSeat = (typeof RTD_SEATS)[number];

export const RTD_SEAT_LABELS: Record<RtdSeat, { it: string; en: string }> = {
  capofila: { it: 'presso il comune capofila', en: 'at the lead Comune' },
  unione: { it: "presso l'Unione", en: 'at the Unione' },
  consorzio: { it: 'presso il consorzio o la società', en: 'at the consortium or company' },
  ciascun_comune: { it: 'in ciascun comune', en: 'in each Comune' },
};

export const RTD_REFERENCE = 'D.Lgs. 82/2005 (CAD) art. 17 c. 1-septies; Circolare AgID 3/2018';

/** AgID's five phases, in order. */
export const PHASES = ['ricognizione', 'progettazione', 'implementazione', 'gestione', 'espansione'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, { it: string; en: string }> = {
  ricognizione: { it: 'Ricognizione', en: 'Survey of needs' },
  progettazione: { it: 'Progettazione', en: 'Design' },
  implementazione: { it: 'Implementazione', en: 'Implementation' },
  gestione: { it: 'Gestione', en: 'Operation' },
  espansione: { it: 'Espansione', en: 'Expansion' },
};

/** The seven items AgID's survey (ricognizione) asks about in every member. */
export const SURVEY_ITEMS = ['servizi_digitali', 'software', 'interoperabilita', 'competenze', 'piattaforme', 'connettivita', 'processi'] as const;
export type SurveyItem = (typeof SURVEY_ITEMS)[number];

export const SURVEY_ITEM_LABELS: Record<SurveyItem, { it: string; en: string }> = {
  servizi_digitali: { it: 'Servizi digitali', en: 'Digital services' },
  software: { it: 'Software in uso', en: 'Software in use' },
  interoperabilita: { it: 'Interoperabilità dei dati', en: 'Data interoperability' },
  competenze: { it: 'Competenze del personale', en: 'Staff skills' },
  piattaforme: { it: 'Piattaforme e infrastrutture', en: 'Platforms and infrastructure' },
  connettivita: { it: 'Connettività', en: 'Connectivity' },
  processi: { it: 'Processi e organizzazione', en: 'Processes and organisation' },
};

/** A survey item's short status. */
export const SURVEY_STATUSES = ['da_rilevare', 'carente', 'parziale', 'adeguato'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const GOVERNANCE_LIMITS = { office: 160, note: 1000, phases: 50, actNumber: 40, email: 254 } as const;

/** The act that appointed the RTD (a decree of the mayor or president, a resolution). */
export interface AppointingAct {
  organ: string;
  number: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
}

/** The shared RTD and its office: a role and its role address, never a private person's data unless published by choice. */
export interface Rtd {
  seat: RtdSeat;
  office: string;
  /** A role e-mail or PEC address. */
  email: string;
  act?: AppointingAct | null;
}

export interface SurveyEntry {
  status: SurveyStatus;
  note?: string | null;
}

/** One step of the phase timeline, with what the alliance publishes for it. */
export interface PhaseEntry {
  phase: Phase;
  /** ISO date (YYYY-MM-DD) the phase began. */
  date: string;
  /** Why: required when the timeline goes back to an earlier phase. */
  note?: string | null;
  /** Ricognizione: AgID's seven items per member (ISTAT code → item → status and note). */
  survey?: Record<string, Partial<Record<SurveyItem, SurveyEntry>>> | null;
  /** Progettazione: how the alliance is governed (the cost-sharing model is the fee table). */
  governance?: string | null;
  /** Implementazione: one contact office per member. */
  contacts?: { code: string; office: string; email: string }[] | null;
}

/** AgID success factors a founder ticks (the others are read from the alliance itself). */
export const DECLARED_FACTORS = ['sostegno_politico', 'indirizzi_regionali', 'stesso_software', 'iniziativa_dei_comuni'] as const;
export type DeclaredFactor = (typeof DECLARED_FACTORS)[number];

/** The governance record beside the legal form (stored as one document). */
export interface Governance {
  /** For an Unione: the existing Unione (association id in the shipped list) the alliance extends; null = a new one. */
  existingUnione?: number | null;
  rtd?: Rtd | null;
  phases?: PhaseEntry[];
  factors?: DeclaredFactor[];
}

export const EMPTY_GOVERNANCE: Governance = { existingUnione: null, rtd: null, phases: [], factors: [] };

/** A check of the form or of the size, like the territory rules: level, citation, a sentence in each language. */
export interface GovernanceRule {
  id: 'legal-form' | 'capofila' | 'unione-contiguity' | 'unione-extends' | 'obligation-form' | 'rtd' | 'efficiency';
  level: RuleLevel;
  reference: string;
  message: { it: string; en: string };
}

/** What the form rules need to know about the territory. */
export interface FormRuleInput {
  legalForm: LegalForm | null;
  members: readonly { code: string; lead: boolean }[];
  contiguous: boolean;
  population: number;
  /** How many members are obliged to run their functions jointly (DL 78/2010 art. 14 c. 28). */
  obliged: number;
  /** For an Unione extending an existing one: its members missing from the alliance, and the alliance's members outside it. */
  unioneDifference?: { name: string; missing: readonly string[]; extra: readonly string[] } | null;
  rtd?: Rtd | null;
}

/** AgID's efficiency size: above this many residents associated ICT buys, hires and invests efficiently. */
export const EFFICIENCY_RESIDENTS = 20000;
export const EFFICIENCY_REFERENCE = 'AgID, Piano Triennale 2024–2026, Strumento 2 – Gestione associata dell’ICT';

const n = (value: number) => new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(value);
const e = (value: number) => new Intl.NumberFormat('en-GB', { useGrouping: 'always' }).format(value);

/** Advice, never a problem: the legal minimums are the territory rules; this is AgID's size for efficiency. */
export function efficiencyRule(population: number): GovernanceRule {
  const met = population > EFFICIENCY_RESIDENTS;
  return {
    id: 'efficiency',
    level: met ? 'ok' : 'advice',
    reference: EFFICIENCY_REFERENCE,
    message: met
      ? { it: `${n(population)} abitanti: oltre i ${n(EFFICIENCY_RESIDENTS)} indicati da AgID per una gestione efficiente.`, en: `${e(population)} residents: above the ${e(EFFICIENCY_RESIDENTS)} AgID names for efficient joint management.` }
      : {
          it: `${n(population)} abitanti: AgID indica oltre ${n(EFFICIENCY_RESIDENTS)} abitanti come dimensione efficiente (indicazione, non obbligo).`,
          en: `${e(population)} residents: AgID names above ${e(EFFICIENCY_RESIDENTS)} residents as the efficient size (advice, not a requirement).`,
        },
  };
}

/** The rules of the chosen legal form (none while no form is chosen), and the efficiency check. */
export function formRules(input: FormRuleInput): GovernanceRule[] {
  const rules: GovernanceRule[] = [];
  const form = input.legalForm;
  if (form === null) {
    rules.push({
      id: 'legal-form',
      level: 'advice',
      reference: 'D.Lgs. 267/2000 (TUEL) artt. 30–32',
      message: { it: 'Forma giuridica non ancora scelta.', en: 'Legal form not chosen yet.' },
    });
  } else {
    const info = LEGAL_FORM_INFO[form];
    rules.push({ id: 'legal-form', level: 'ok', reference: info.reference, message: { it: `${info.it}.`, en: `${info.en}.` } });
  }
  if (form === 'convenzione') rules.push(capofilaRule(input.members));
  if (form === 'unione') {
    rules.push(
      input.contiguous
        ? { id: 'unione-contiguity', level: 'ok', reference: 'TUEL art. 32 c. 1', message: { it: "Comuni contermini, come chiede l'Unione.", en: 'Neighbouring Comuni, as an Unione requires.' } }
        : {
            id: 'unione-contiguity',
            level: 'problem',
            reference: 'TUEL art. 32 c. 1',
            message: { it: "Un'Unione riunisce comuni di norma contermini: il territorio non è contiguo.", en: 'An Unione brings together neighbouring Comuni as a rule: the territory is not contiguous.' },
          },
    );
    const diff = input.unioneDifference;
    if (diff) rules.push(unioneDifferenceRule(diff));
  }
  if (input.obliged > 0 && form !== null && form !== 'convenzione' && form !== 'unione') {
    rules.push({
      id: 'obligation-form',
      level: 'advice',
      reference: 'DL 78/2010 art. 14 c. 28',
      message: {
        it: `${input.obliged} comuni sono tenuti alla gestione associata mediante unione o convenzione: questa forma da sola non la assolve.`,
        en: `${input.obliged} Comuni must run their functions jointly through an Unione or a convenzione: this form alone does not fulfil that.`,
      },
    });
  }
  const rtd = rtdRule(input.rtd ?? null, form, input.members.some((m) => m.lead));
  if (rtd) rules.push(rtd);
  rules.push(efficiencyRule(input.population));
  return rules;
}

function capofilaRule(members: FormRuleInput['members']): GovernanceRule {
  const lead = members.find((m) => m.lead);
  return lead
    ? { id: 'capofila', level: 'ok', reference: 'TUEL art. 30 c. 4', message: { it: `Capofila: ${lead.code}.`, en: `Lead body: ${lead.code}.` } }
    : {
        id: 'capofila',
        level: 'problem',
        reference: 'TUEL art. 30 c. 4',
        message: { it: 'Una convenzione affida le funzioni a un comune capofila: indicane uno tra i membri.', en: 'A convenzione entrusts the functions to a lead Comune: mark one of the members.' },
      };
}

function unioneDifferenceRule(diff: NonNullable<FormRuleInput['unioneDifference']>): GovernanceRule {
  const same = diff.missing.length === 0 && diff.extra.length === 0;
  return {
    id: 'unione-extends',
    level: same ? 'ok' : 'advice',
    reference: 'TUEL art. 32 c. 4',
    message: same
      ? { it: `Stessi comuni dell'Unione «${diff.name}».`, en: `The same Comuni as the Unione «${diff.name}».` }
      : {
          it: `Rispetto all'Unione «${diff.name}»: ${diff.extra.length} comuni in più (${diff.extra.join(', ') || '—'}), ${diff.missing.length} mancanti (${diff.missing.join(', ') || '—'}); l'adesione di nuovi comuni modifica lo statuto.`,
          en: `Compared with the Unione «${diff.name}»: ${diff.extra.length} more Comuni (${diff.extra.join(', ') || '—'}), ${diff.missing.length} missing (${diff.missing.join(', ') || '—'}); new members amend its statute.`,
        },
  };
}

/** Where the RTD sits must fit the form: at the capofila only with a lead, at the Unione only for an Unione. */
function rtdRule(rtd: Rtd | null, form: LegalForm | null, hasLead: boolean): GovernanceRule | null {
  if (rtd === null) {
    return form === null
      ? null
      : { id: 'rtd', level: 'advice', reference: RTD_REFERENCE, message: { it: 'RTD in forma associata non ancora indicato.', en: 'Shared RTD not recorded yet.' } };
  }
  const problem = rtdSeatProblem(rtd.seat, form, hasLead);
  if (problem) return { id: 'rtd', level: 'problem', reference: RTD_REFERENCE, message: problem };
  const where = RTD_SEAT_LABELS[rtd.seat];
  return { id: 'rtd', level: 'ok', reference: RTD_REFERENCE, message: { it: `RTD ${where.it}: ${rtd.office}.`, en: `RTD ${where.en}: ${rtd.office}.` } };
}

/** Why the RTD cannot sit there with this form, or null. */
export function rtdSeatProblem(seat: RtdSeat, form: LegalForm | null, hasLead: boolean): { it: string; en: string } | null {
  if (seat === 'capofila' && !hasLead) return { it: "L'RTD presso il capofila richiede un capofila tra i membri.", en: 'An RTD at the lead body needs a lead member.' };
  if (seat === 'unione' && form !== 'unione') return { it: "L'RTD presso l'Unione richiede la forma «Unione di comuni».", en: 'An RTD at the Unione needs the form «Unione».' };
  if (seat === 'consorzio' && form !== 'consorzio' && form !== 'societa_in_house') {
    return { it: "L'RTD presso il consorzio richiede la forma consorzio o società in house.", en: 'An RTD at the consortium needs the form consortium or in-house company.' };
  }
  return null;
}

/** A role address: one @, a dotted domain, no spaces (a PEC address is an e-mail address too). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
export const isRoleEmail = (value: string): boolean => value.length <= GOVERNANCE_LIMITS.email && EMAIL.test(value);

/** The phase the alliance is in: the last of its timeline, or null before the first. */
export function currentPhase(phases: readonly PhaseEntry[] | undefined): Phase | null {
  return phases && phases.length > 0 ? phases[phases.length - 1]!.phase : null;
}

/**
 * Why a governance record cannot be saved (empty when it can): dates in the future or out of order,
 * a phase going back without a note, evidence naming non-members, an address that is not an
 * e-mail or PEC. `today` is an ISO date; `members` the alliance's ISTAT codes.
 */
export function governanceProblems(gov: Governance, members: readonly string[], today: string): { it: string; en: string }[] {
  const problems: { it: string; en: string }[] = [];
  const inAlliance = new Set(members);
  if (gov.rtd) {
    if (!isRoleEmail(gov.rtd.email)) problems.push({ it: `RTD: «${gov.rtd.email}» non è un indirizzo e-mail o PEC`, en: `RTD: «${gov.rtd.email}» is not an e-mail or PEC address` });
    if (gov.rtd.act && gov.rtd.act.date > today) problems.push({ it: `RTD: l'atto di nomina è datato nel futuro (${gov.rtd.act.date})`, en: `RTD: the appointing act is dated in the future (${gov.rtd.act.date})` });
  }
  const phases = gov.phases ?? [];
  phases.forEach((entry, i) => {
    const label = PHASE_LABELS[entry.phase].it;
    if (entry.date > today) problems.push({ it: `${label}: data nel futuro (${entry.date})`, en: `${PHASE_LABELS[entry.phase].en}: date in the future (${entry.date})` });
    const before = i > 0 ? phases[i - 1]! : null;
    if (before && entry.date < before.date) {
      problems.push({ it: `${label}: la data ${entry.date} precede quella della fase precedente (${before.date})`, en: `${PHASE_LABELS[entry.phase].en}: the date ${entry.date} is before the previous phase's (${before.date})` });
    }
    if (before && PHASES.indexOf(entry.phase) < PHASES.indexOf(before.phase) && !entry.note?.trim()) {
      problems.push({
        it: `${label}: tornare a una fase precedente richiede una nota che spieghi perché`,
        en: `${PHASE_LABELS[entry.phase].en}: going back to an earlier phase needs a note saying why`,
      });
    }
    const outside = [...Object.keys(entry.survey ?? {}), ...(entry.contacts ?? []).map((c) => c.code)].filter((code) => !inAlliance.has(code));
    if (outside.length > 0) problems.push({ it: `${label}: comuni non membri nelle evidenze: ${[...new Set(outside)].join(', ')}`, en: `${PHASE_LABELS[entry.phase].en}: Comuni that are not members in the evidence: ${[...new Set(outside)].join(', ')}` });
    for (const contact of entry.contacts ?? []) {
      if (!isRoleEmail(contact.email)) problems.push({ it: `${label}: «${contact.email}» (${contact.code}) non è un indirizzo e-mail o PEC`, en: `${PHASE_LABELS[entry.phase].en}: «${contact.email}» (${contact.code}) is not an e-mail or PEC address` });
    }
    const repeated = (entry.contacts ?? []).map((c) => c.code).filter((code, j, all) => all.indexOf(code) !== j);
    if (repeated.length > 0) problems.push({ it: `${label}: un solo referente per comune (${repeated.join(', ')})`, en: `${PHASE_LABELS[entry.phase].en}: one contact per Comune (${repeated.join(', ')})` });
  });
  return problems;
}

/** One line of AgID's success factors: met, not met, or (for a declared one) as the founder says. */
export interface SuccessFactor {
  id: 'associazione_esistente' | 'ente_guida' | DeclaredFactor;
  label: { it: string; en: string };
  met: boolean;
  /** Read from the alliance itself, or declared by the founder. */
  source: 'derived' | 'declared';
}

const FACTOR_LABELS: Record<SuccessFactor['id'], { it: string; en: string }> = {
  associazione_esistente: { it: "Costruita su un'associazione già esistente", en: 'Built on an existing association' },
  ente_guida: { it: 'Un ente guida (capofila)', en: 'A leading member (lead body)' },
  sostegno_politico: { it: 'Sostegno politico', en: 'Political sponsorship' },
  indirizzi_regionali: { it: 'Indirizzi della Regione', en: "The Region's guidance" },
  stesso_software: { it: 'Stesso software gestionale tra i membri', en: 'The same management software across members' },
  iniziativa_dei_comuni: { it: 'Iniziativa dei comuni stessi', en: "The members' own initiative" },
};

/** AgID's success factors as a checklist: two read from the alliance, the rest as declared. */
export function successFactors(input: { buildsOnAssociation: boolean; hasLead: boolean; declared: readonly DeclaredFactor[] }): SuccessFactor[] {
  return [
    { id: 'associazione_esistente', label: FACTOR_LABELS.associazione_esistente, met: input.buildsOnAssociation, source: 'derived' },
    { id: 'ente_guida', label: FACTOR_LABELS.ente_guida, met: input.hasLead, source: 'derived' },
    ...DECLARED_FACTORS.map((id): SuccessFactor => ({ id, label: FACTOR_LABELS[id], met: input.declared.includes(id), source: 'declared' })),
  ];
}
