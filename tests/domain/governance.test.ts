import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  DECLARED_FACTORS,
  efficiencyRule,
  EMPTY_GOVERNANCE,
  formRules,
  governanceProblems,
  isRoleEmail,
  LEGAL_FORM_INFO,
  LEGAL_FORMS,
  PHASE_LABELS,
  PHASES,
  RTD_SEAT_LABELS,
  RTD_SEATS,
  rtdSeatProblem,
  successFactors,
  SURVEY_ITEM_LABELS,
  SURVEY_ITEMS,
  SURVEY_STATUSES,
  type FormRuleInput,
  type Rtd,
} from '../../domain/governance';

const members = [
  { code: '039012', lead: true },
  { code: '039002', lead: false },
];
const base: FormRuleInput = { legalForm: 'convenzione', members, contiguous: true, population: 30000, obliged: 0 };
const rtd: Rtd = { seat: 'capofila', office: 'UTD associato', email: 'utd@pec.comune.lugo.ra.it', act: { organ: 'Sindaco', number: '1', date: '2026-01-10' } };
const byId = (rules: ReturnType<typeof formRules>, id: string) => rules.find((r) => r.id === id);
const TODAY = '2026-06-01';

describe('the legal forms', () => {
  it('are the five instruments of associated ICT, each with its law', () => {
    expect(LEGAL_FORMS).toEqual(['convenzione', 'unione', 'consorzio', 'societa_in_house', 'accordo']);
    expect(LEGAL_FORM_INFO.convenzione.reference).toBe('D.Lgs. 267/2000 (TUEL) art. 30');
    expect(LEGAL_FORM_INFO.unione.reference).toBe('D.Lgs. 267/2000 (TUEL) art. 32');
    expect(LEGAL_FORM_INFO.consorzio.reference).toBe('D.Lgs. 267/2000 (TUEL) art. 31');
    expect(LEGAL_FORM_INFO.accordo.reference).toBe('L. 241/1990 art. 15');
  });

  it('advises choosing a form while none is chosen, and names the chosen one with its citation', () => {
    const none = formRules({ ...base, legalForm: null });
    expect(byId(none, 'legal-form')).toEqual({ id: 'legal-form', level: 'advice', reference: 'D.Lgs. 267/2000 (TUEL) artt. 30–32', message: { it: 'Forma giuridica non ancora scelta.', en: 'Legal form not chosen yet.' } });
    expect(byId(none, 'capofila')).toBeUndefined();
    expect(byId(none, 'rtd')).toBeUndefined();
    const chosen = formRules(base);
    expect(byId(chosen, 'legal-form')).toEqual({ id: 'legal-form', level: 'ok', reference: 'D.Lgs. 267/2000 (TUEL) art. 30', message: { it: 'Convenzione con ente capofila.', en: 'Agreement with a lead body (convenzione).' } });
  });

  it('asks a convenzione for a capofila among the members', () => {
    expect(byId(formRules(base), 'capofila')).toEqual({ id: 'capofila', level: 'ok', reference: 'TUEL art. 30 c. 4', message: { it: 'Capofila: 039012.', en: 'Lead body: 039012.' } });
    const without = byId(formRules({ ...base, members: members.map((m) => ({ ...m, lead: false })) }), 'capofila');
    expect(without?.level).toBe('problem');
    expect(without?.reference).toBe('TUEL art. 30 c. 4');
    expect(without?.message.it).toContain('capofila');
    expect(without?.message.en).toContain('lead Comune');
    expect(byId(formRules({ ...base, legalForm: 'unione' }), 'capofila')).toBeUndefined();
  });

  it('asks an Unione for neighbouring members, and shows how it differs from the Unione it extends', () => {
    const unione = { ...base, legalForm: 'unione' as const };
    expect(byId(formRules(unione), 'unione-contiguity')).toMatchObject({ level: 'ok', reference: 'TUEL art. 32 c. 1' });
    const apart = byId(formRules({ ...unione, contiguous: false }), 'unione-contiguity');
    expect(apart).toMatchObject({ level: 'problem', reference: 'TUEL art. 32 c. 1' });
    expect(apart?.message.it).toContain('non è contiguo');
    expect(apart?.message.en).toContain('not contiguous');
    expect(byId(formRules({ ...base, contiguous: false }), 'unione-contiguity')).toBeUndefined();
    expect(byId(formRules(unione), 'unione-extends')).toBeUndefined();

    const same = byId(formRules({ ...unione, unioneDifference: { name: 'Bassa Romagna', missing: [], extra: [] } }), 'unione-extends');
    expect(same).toEqual({ id: 'unione-extends', level: 'ok', reference: 'TUEL art. 32 c. 4', message: { it: "Stessi comuni dell'Unione «Bassa Romagna».", en: 'The same Comuni as the Unione «Bassa Romagna».' } });
    const differs = byId(formRules({ ...unione, unioneDifference: { name: 'Bassa Romagna', missing: ['039001', '039003'], extra: ['039099'] } }), 'unione-extends');
    expect(differs?.level).toBe('advice');
    expect(differs?.message.it).toBe("Rispetto all'Unione «Bassa Romagna»: 1 comuni in più (039099), 2 mancanti (039001, 039003); l'adesione di nuovi comuni modifica lo statuto.");
    expect(differs?.message.en).toBe('Compared with the Unione «Bassa Romagna»: 1 more Comuni (039099), 2 missing (039001, 039003); new members amend its statute.');
    const onlyMissing = byId(formRules({ ...unione, unioneDifference: { name: 'U', missing: ['039001'], extra: [] } }), 'unione-extends');
    expect(onlyMissing?.message.it).toContain('0 comuni in più (—)');
    expect(onlyMissing?.message.en).toContain('0 more Comuni (—)');
    const onlyExtra = byId(formRules({ ...unione, unioneDifference: { name: 'U', missing: [], extra: ['039099'] } }), 'unione-extends');
    expect(onlyExtra?.level).toBe('advice');
    expect(onlyExtra?.message.it).toContain('0 mancanti (—)');
    expect(onlyExtra?.message.en).toContain('0 missing (—)');
  });

  it('tells obliged Comuni that only an Unione or a convenzione fulfils their obligation', () => {
    for (const form of ['consorzio', 'societa_in_house', 'accordo'] as const) {
      const rule = byId(formRules({ ...base, legalForm: form, obliged: 2 }), 'obligation-form');
      expect(rule).toMatchObject({ level: 'advice', reference: 'DL 78/2010 art. 14 c. 28' });
      expect(rule?.message.it).toMatch(/^2 comuni sono tenuti/);
      expect(rule?.message.en).toMatch(/^2 Comuni must/);
      expect(byId(formRules({ ...base, legalForm: form, obliged: 0 }), 'obligation-form')).toBeUndefined();
    }
    for (const form of ['convenzione', 'unione', null] as const) expect(byId(formRules({ ...base, legalForm: form, obliged: 2 }), 'obligation-form')).toBeUndefined();
  });
});

describe('the RTD in associated form', () => {
  it('is advised once a form is chosen, and checked against where it sits', () => {
    expect(byId(formRules(base), 'rtd')).toEqual({ id: 'rtd', level: 'advice', reference: 'D.Lgs. 82/2005 (CAD) art. 17 c. 1-septies; Circolare AgID 3/2018', message: { it: 'RTD in forma associata non ancora indicato.', en: 'Shared RTD not recorded yet.' } });
    expect(byId(formRules({ ...base, rtd }), 'rtd')).toEqual({
      id: 'rtd', level: 'ok', reference: 'D.Lgs. 82/2005 (CAD) art. 17 c. 1-septies; Circolare AgID 3/2018',
      message: { it: 'RTD presso il comune capofila: UTD associato.', en: 'RTD at the lead Comune: UTD associato.' },
    });
    const wrong = byId(formRules({ ...base, rtd: { ...rtd, seat: 'unione' } }), 'rtd');
    expect(wrong?.level).toBe('problem');
    expect(wrong?.message.it).toContain("presso l'Unione");
  });

  it('sits at the capofila only with a lead, at the Unione only in an Unione, at the consortium only in a consortium or company', () => {
    expect(rtdSeatProblem('capofila', 'convenzione', true)).toBeNull();
    expect(rtdSeatProblem('capofila', 'convenzione', false)?.en).toBe('An RTD at the lead body needs a lead member.');
    expect(rtdSeatProblem('unione', 'unione', false)).toBeNull();
    expect(rtdSeatProblem('unione', 'convenzione', true)?.en).toBe('An RTD at the Unione needs the form «Unione».');
    expect(rtdSeatProblem('consorzio', 'consorzio', false)).toBeNull();
    expect(rtdSeatProblem('consorzio', 'societa_in_house', false)).toBeNull();
    expect(rtdSeatProblem('consorzio', 'accordo', true)?.en).toBe('An RTD at the consortium needs the form consortium or in-house company.');
    expect(rtdSeatProblem('ciascun_comune', null, false)).toBeNull();
  });

  it('takes a role e-mail or PEC address, nothing else', () => {
    expect(isRoleEmail('utd@pec.comune.lugo.ra.it')).toBe(true);
    expect(isRoleEmail('protocollo@cert.comune.it')).toBe(true);
    expect(isRoleEmail('Mario Rossi')).toBe(false);
    expect(isRoleEmail('a@b')).toBe(false);
    expect(isRoleEmail('a b@comune.it')).toBe(false);
    expect(isRoleEmail('a@@comune.it')).toBe(false);
    expect(isRoleEmail('a@-comune.it')).toBe(false);
    expect(isRoleEmail('a@comune-.it')).toBe(false);
    expect(isRoleEmail('@comune.it')).toBe(false);
    expect(isRoleEmail('x@comune.it ')).toBe(false);
    expect(isRoleEmail(`${'a'.repeat(245)}@comune.it`)).toBe(false);
    expect(isRoleEmail(`${'a'.repeat(244)}@comune.it`)).toBe(true);
  });
});

describe('the efficiency check', () => {
  it('is AgID’s advice above 20,000 residents, with its citation, never a problem', () => {
    expect(efficiencyRule(20001)).toEqual({
      id: 'efficiency', level: 'ok', reference: 'AgID, Piano Triennale 2024–2026, Strumento 2 – Gestione associata dell’ICT',
      message: { it: '20.001 abitanti: oltre i 20.000 indicati da AgID per una gestione efficiente.', en: '20,001 residents: above the 20,000 AgID names for efficient joint management.' },
    });
    expect(efficiencyRule(20000)).toEqual({
      id: 'efficiency', level: 'advice', reference: 'AgID, Piano Triennale 2024–2026, Strumento 2 – Gestione associata dell’ICT',
      message: {
        it: '20.000 abitanti: AgID indica oltre 20.000 abitanti come dimensione efficiente (indicazione, non obbligo).',
        en: '20,000 residents: AgID names above 20,000 residents as the efficient size (advice, not a requirement).',
      },
    });
    expect(byId(formRules({ ...base, legalForm: null, population: 5000 }), 'efficiency')?.level).toBe('advice');
    expect(formRules({ ...base, legalForm: null }).map((r) => r.id)).toEqual(['legal-form', 'efficiency']);
    expect(formRules({ ...base, rtd }).map((r) => r.id)).toEqual(['legal-form', 'capofila', 'rtd', 'efficiency']);
  });
});

describe('the phases', () => {
  const phases = [
    { phase: 'ricognizione' as const, date: '2026-01-15' },
    { phase: 'progettazione' as const, date: '2026-03-01' },
  ];
  const codes = ['039012', '039002'];

  it('are current at the last step of the timeline', () => {
    expect(currentPhase(undefined)).toBeNull();
    expect(currentPhase([])).toBeNull();
    expect(currentPhase(phases)).toBe('progettazione');
  });

  it('accept a sound timeline and its evidence', () => {
    const survey = { '039012': Object.fromEntries(SURVEY_ITEMS.map((item) => [item, { status: 'parziale' as const, note: null }])) };
    const contacts = codes.map((code) => ({ code, office: 'Segreteria', email: `urp@comune${code}.it` }));
    expect(governanceProblems({ rtd, phases: [{ ...phases[0]!, survey }, phases[1]!, { phase: 'implementazione', date: TODAY, contacts }] }, codes, TODAY)).toEqual([]);
    expect(governanceProblems({}, codes, TODAY)).toEqual([]);
  });

  it('refuse a future date, dates out of order, a step back without a note', () => {
    expect(governanceProblems({ phases: [{ phase: 'ricognizione', date: '2026-06-02' }] }, codes, TODAY)).toEqual([
      { it: 'Ricognizione: data nel futuro (2026-06-02)', en: 'Survey of needs: date in the future (2026-06-02)' },
    ]);
    expect(governanceProblems({ phases: [phases[1]!, { phase: 'gestione', date: '2026-02-01' }] }, codes, TODAY)).toEqual([
      { it: 'Gestione: la data 2026-02-01 precede quella della fase precedente (2026-03-01)', en: 'Operation: the date 2026-02-01 is before the previous phase\'s (2026-03-01)' },
    ]);
    expect(governanceProblems({ phases: [phases[1]!, { phase: 'gestione', date: '2026-03-01' }] }, codes, TODAY)).toEqual([]);
    const back = [...phases, { phase: 'ricognizione' as const, date: '2026-04-01' }];
    expect(governanceProblems({ phases: back }, codes, TODAY)).toEqual([
      { it: 'Ricognizione: tornare a una fase precedente richiede una nota che spieghi perché', en: 'Survey of needs: going back to an earlier phase needs a note saying why' },
    ]);
    expect(governanceProblems({ phases: [...phases, { phase: 'ricognizione', date: '2026-04-01', note: '   ' }] }, codes, TODAY)).toHaveLength(1);
    expect(governanceProblems({ phases: [...phases, { phase: 'ricognizione', date: '2026-04-01', note: 'Nuovi comuni' }] }, codes, TODAY)).toEqual([]);
    expect(governanceProblems({ phases: [...phases, { phase: 'progettazione', date: '2026-04-01' }] }, codes, TODAY)).toEqual([]);
  });

  it('refuse evidence about non-members, bad contact addresses, two contacts for one Comune', () => {
    expect(governanceProblems({ phases: [{ phase: 'ricognizione', date: '2026-01-01', survey: { '001001': {} } }] }, codes, TODAY)).toEqual([
      { it: 'Ricognizione: comuni non membri nelle evidenze: 001001', en: 'Survey of needs: Comuni that are not members in the evidence: 001001' },
    ]);
    const contacts = [
      { code: '039012', office: 'A', email: 'no-address' },
      { code: '039012', office: 'B', email: 'b@comune.it' },
      { code: '001001', office: 'C', email: 'c@comune.it' },
    ];
    expect(governanceProblems({ phases: [{ phase: 'implementazione', date: '2026-01-01', contacts }] }, codes, TODAY)).toEqual([
      { it: 'Implementazione: comuni non membri nelle evidenze: 001001', en: 'Implementation: Comuni that are not members in the evidence: 001001' },
      { it: 'Implementazione: «no-address» (039012) non è un indirizzo e-mail o PEC', en: 'Implementation: «no-address» (039012) is not an e-mail or PEC address' },
      { it: 'Implementazione: un solo referente per comune (039012)', en: 'Implementation: one contact per Comune (039012)' },
    ]);
  });

  it('refuse an RTD address that is not an e-mail or PEC and an appointing act dated in the future', () => {
    expect(governanceProblems({ rtd: { ...rtd, email: 'Mario Rossi', act: { organ: 'Sindaco', number: '1', date: '2026-06-02' } } }, codes, TODAY)).toEqual([
      { it: 'RTD: «Mario Rossi» non è un indirizzo e-mail o PEC', en: 'RTD: «Mario Rossi» is not an e-mail or PEC address' },
      { it: "RTD: l'atto di nomina è datato nel futuro (2026-06-02)", en: 'RTD: the appointing act is dated in the future (2026-06-02)' },
    ]);
    expect(governanceProblems({ rtd: { ...rtd, act: { organ: 'Sindaco', number: '1', date: TODAY } } }, codes, TODAY)).toEqual([]);
    expect(governanceProblems({ rtd: { ...rtd, act: null } }, codes, TODAY)).toEqual([]);
  });
});

describe('the success factors', () => {
  it('read two from the alliance and take the rest as declared', () => {
    const factors = successFactors({ buildsOnAssociation: true, hasLead: false, declared: ['stesso_software'] });
    expect(factors.map((f) => [f.id, f.met, f.source])).toEqual([
      ['associazione_esistente', true, 'derived'],
      ['ente_guida', false, 'derived'],
      ['sostegno_politico', false, 'declared'],
      ['indirizzi_regionali', false, 'declared'],
      ['stesso_software', true, 'declared'],
      ['iniziativa_dei_comuni', false, 'declared'],
    ]);
    expect(factors[1]!.label.it).toBe('Un ente guida (capofila)');
    const other = successFactors({ buildsOnAssociation: false, hasLead: true, declared: [] });
    expect(other.map((f) => f.met)).toEqual([false, true, false, false, false, false]);
  });
});

describe('the labels', () => {
  it('name every form, seat, phase, survey item and success factor in both languages, each once', () => {
    const tables: Record<string, Record<string, { it: string; en: string }>> = { LEGAL_FORM_INFO, RTD_SEAT_LABELS, PHASE_LABELS, SURVEY_ITEM_LABELS };
    const factorLabels = Object.fromEntries(successFactors({ buildsOnAssociation: false, hasLead: false, declared: [] }).map((f) => [f.id, f.label]));
    for (const [name, table] of Object.entries({ ...tables, factorLabels })) {
      for (const [key, label] of Object.entries(table)) {
        expect(label.it.length, `${name}.${key}.it`).toBeGreaterThan(3);
        expect(label.en.length, `${name}.${key}.en`).toBeGreaterThan(3);
      }
      for (const lang of ['it', 'en'] as const) expect(new Set(Object.values(table).map((l) => l[lang])).size, `${name} ${lang}`).toBe(Object.keys(table).length);
    }
    expect(Object.keys(RTD_SEAT_LABELS)).toEqual([...RTD_SEATS]);
    expect(Object.keys(PHASE_LABELS)).toEqual([...PHASES]);
    expect(Object.keys(SURVEY_ITEM_LABELS)).toEqual([...SURVEY_ITEMS]);
    expect(new Set(Object.values(LEGAL_FORM_INFO).map((f) => f.reference)).size).toBe(LEGAL_FORMS.length);
    expect(LEGAL_FORM_INFO.societa_in_house.reference).toBe('D.Lgs. 267/2000 (TUEL) artt. 113–114; D.Lgs. 175/2016 art. 16');
    expect(PHASE_LABELS.espansione).toEqual({ it: 'Espansione', en: 'Expansion' });
    expect(SURVEY_ITEM_LABELS.interoperabilita).toEqual({ it: 'Interoperabilità dei dati', en: 'Data interoperability' });
    expect(RTD_SEAT_LABELS.consorzio).toEqual({ it: 'presso il consorzio o la società', en: 'at the consortium or company' });
  });

  it('start a record empty', () => {
    expect(EMPTY_GOVERNANCE).toEqual({ existingUnione: null, rtd: null, phases: [], factors: [] });
    expect(SURVEY_STATUSES).toEqual(['da_rilevare', 'carente', 'parziale', 'adeguato']);
    expect(DECLARED_FACTORS).toEqual(['sostegno_politico', 'indirizzi_regionali', 'stesso_software', 'iniziativa_dei_comuni']);
  });

  it('say an Unione of neighbours is fine in both languages', () => {
    expect(byId(formRules({ ...base, legalForm: 'unione' }), 'unione-contiguity')?.message).toEqual({ it: "Comuni contermini, come chiede l'Unione.", en: 'Neighbouring Comuni, as an Unione requires.' });
    const apart = byId(formRules({ ...base, legalForm: 'unione', contiguous: false }), 'unione-contiguity');
    expect(apart?.message).toEqual({
      it: "Un'Unione riunisce comuni di norma contermini: il territorio non è contiguo.",
      en: 'An Unione brings together neighbouring Comuni as a rule: the territory is not contiguous.',
    });
    expect(byId(formRules({ ...base, members: members.map((m) => ({ ...m, lead: false })) }), 'capofila')?.message).toEqual({
      it: 'Una convenzione affida le funzioni a un comune capofila: indicane uno tra i membri.',
      en: 'A convenzione entrusts the functions to a lead Comune: mark one of the members.',
    });
    expect(byId(formRules({ ...base, legalForm: 'accordo', obliged: 1 }), 'obligation-form')?.message).toEqual({
      it: '1 comuni sono tenuti alla gestione associata mediante unione o convenzione: questa forma da sola non la assolve.',
      en: '1 Comuni must run their functions jointly through an Unione or a convenzione: this form alone does not fulfil that.',
    });
    expect(rtdSeatProblem('capofila', 'convenzione', false)?.it).toBe("L'RTD presso il capofila richiede un capofila tra i membri.");
    expect(rtdSeatProblem('unione', null, true)?.it).toBe("L'RTD presso l'Unione richiede la forma «Unione di comuni».");
    expect(rtdSeatProblem('consorzio', null, true)?.it).toBe("L'RTD presso il consorzio richiede la forma consorzio o società in house.");
    expect(byId(formRules({ ...base, rtd: { ...rtd, seat: 'unione' } }), 'rtd')?.message).toEqual({
      it: "L'RTD presso l'Unione richiede la forma «Unione di comuni».",
      en: 'An RTD at the Unione needs the form «Unione».',
    });
  });

  it('take short domain labels in an address', () => {
    expect(isRoleEmail('a@b.it')).toBe(true);
    expect(isRoleEmail('x@a1.b2.it')).toBe(true);
    expect(isRoleEmail('x@comune.i')).toBe(true);
    expect(isRoleEmail('x@co-mune.it')).toBe(true);
    expect(isRoleEmail('x@comune.it.')).toBe(false);
    expect(isRoleEmail('<x>@comune.it')).toBe(false);
  });
});
