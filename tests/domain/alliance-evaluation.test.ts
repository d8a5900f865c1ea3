import { describe, expect, it } from 'vitest';
import { analyzeKnownTerritory, evaluateAlliance, summarizeAlliance } from '../../domain/alliance-evaluation';
import { draftOf, type AllianceDraft } from '../../domain/alliance-summary';
import { EMPTY_GOVERNANCE, efficiencyRule } from '../../domain/governance';
import { A, B, C, CHECK_CONTEXT, D, E, MONTANA, UNIONE, adheredDraft, fiveComuni } from '../helpers/alliance-fixture';

const data = fiveComuni();
const context = CHECK_CONTEXT;
const draft = adheredDraft;

const level = (rules: { id: string; level: string }[], id: string) => rules.find((r) => r.id === id)?.level;

describe('evaluateAlliance', () => {
  it("refuses a draft the data refuses, with the checks' reasons and no summary", () => {
    expect(evaluateAlliance(data, draft([A, '999999']), context)).toEqual({
      ok: false,
      reasons: [{ kind: 'unknown_codes', message: { it: 'Codici ISTAT sconosciuti', en: 'Unknown ISTAT codes: 999999' }, details: { codes: ['999999'] } }],
    });
    const services = [{ code: 'teletrasporto', provider: { kind: 'alliance' as const }, annualCostCents: 0, equalShare: 1 }];
    const refused = evaluateAlliance(data, draft([A, B], { services }), context);
    expect(refused.ok ? [] : refused.reasons.map((r) => r.kind)).toEqual(['unknown_service']);
  });

  it('keeps a draft with problems, and summarizes it', () => {
    const evaluation = evaluateAlliance(data, draft([A, D]), context);
    expect(evaluation.ok).toBe(true);
    if (evaluation.ok) expect(level(evaluation.summary.rules, 'contiguity')).toBe('problem');
  });

  it('refuses to publish while territory or form rules find problems, naming them in Italian after both halves', () => {
    const evaluation = evaluateAlliance(data, draft([A, D], { status: 'published', legalForm: 'unione' }), context);
    expect(evaluation.ok).toBe(false);
    if (evaluation.ok) return;
    expect(evaluation.reasons).toHaveLength(1);
    const [reason] = evaluation.reasons;
    expect(reason!.kind).toBe('problems_remain');
    const rules = reason!.kind === 'problems_remain' ? reason!.details.rules : [];
    expect(rules.map((r) => r.id)).toEqual(['contiguity', 'population', 'unione-contiguity']);
    expect(rules.every((r) => r.level === 'problem')).toBe(true);
    expect(reason!.message).toEqual({
      it: 'Non pubblicabile finché restano problemi',
      en: `Cannot be published while problems remain: ${rules.map((r) => r.message.it).join(' ')}`,
    });
  });

  it('publishes a territory that passes every rule (advice is no problem)', () => {
    const evaluation = evaluateAlliance(data, draft([A, B, C], { status: 'published', legalForm: 'convenzione' }), context);
    expect(evaluation.ok).toBe(true);
    if (!evaluation.ok) return;
    expect(evaluation.summary.rules.some((r) => r.level === 'advice')).toBe(true);
    expect(evaluation.summary.totals.population).toBe(15000);
  });
});

describe('summarizeAlliance', () => {
  it('leaves out members whose code left the data, and never refuses', () => {
    const summary = summarizeAlliance(data, draft([A, B, '999999']), context);
    expect(summary.totals.comuni).toBe(2);
    expect(summary.constituted.members).toBe(2);
  });

  it('picks the rule set chosen, else that of the main region, and applies a recorded contiguity exception', () => {
    expect(summarizeAlliance(data, draft([A, B]), context).ruleSet).toEqual({ id: 'national', name: { it: 'Norma nazionale', en: 'National law' } });
    const regional = summarizeAlliance(data, draft([A, B], { ruleSet: undefined }), context);
    expect(regional.ruleSet.id).toBe('piemonte');
    expect(level(regional.rules, 'population')).toBe('ok');
    expect(level(summarizeAlliance(data, draft([A, D]), context).rules, 'contiguity')).toBe('problem');
    const excused = summarizeAlliance(data, draft([A, D]), { ...context, contiguityException: 'traghetto' });
    expect(level(excused.rules, 'contiguity')).toBe('advice');
    expect(level(excused.constituted.rules, 'contiguity')).toBe('advice');
  });

  it('judges mountain Comuni by their own thresholds, in the territory and in the obligation count', () => {
    const summary = summarizeAlliance(data, draft([D, E], { legalForm: 'consorzio' }), context);
    expect(summary.rules.find((r) => r.id === 'population')?.message.en).toBe('With the mountain threshold (3,000 residents) at least 3 Comuni are needed.');
    // D (2,000) and E (1,500) are obliged as mountain Comuni (≤ 3,000); C (8,000) is not.
    expect(summary.governanceChecks.rules.find((r) => r.id === 'obligation-form')?.message.en).toMatch(/^2 Comuni must/);
    const mixed = summarizeAlliance(data, draft([B, C], { legalForm: 'consorzio' }), context);
    expect(mixed.governanceChecks.rules.find((r) => r.id === 'obligation-form')?.message.en).toMatch(/^1 Comuni must/);
  });

  it('summarizes the constituted territory from the adhered members alone, with the same rule set', () => {
    const members: AllianceDraft['members'] = [
      { code: A, status: 'adhered', lead: true },
      { code: B, status: 'adhered', lead: false },
      { code: C, status: 'proposed', lead: false },
      { code: D, status: 'declined', lead: false },
    ];
    const summary = summarizeAlliance(data, draft([], { members, ruleSet: 'piemonte' }), context);
    expect(summary.totals.comuni).toBe(3);
    expect(summary.constituted.members).toBe(2);
    expect(summary.constituted.totals?.population).toBe(7000);
    expect(summary.constituted.contiguity?.contiguous).toBe(true);
    expect(summary.constituted.constituted).toBe(true);
    expect(summary.governanceChecks.constitutedEfficiency).toEqual(efficiencyRule(7000));
    const national = summarizeAlliance(data, draft([], { members }), context);
    expect(level(national.constituted.rules, 'population')).toBe('problem');
    expect(national.constituted.constituted).toBe(false);
  });

  it('says nothing is constituted while no member has adhered', () => {
    const members: AllianceDraft['members'] = [
      { code: A, status: 'proposed', lead: true },
      { code: B, status: 'proposed', lead: false },
    ];
    const summary = summarizeAlliance(data, draft([], { members }), context);
    expect(summary.constituted).toEqual({ constituted: false, members: 0, totals: null, contiguity: null, rules: [] });
    expect(summary.governanceChecks.constitutedEfficiency).toBeNull();
  });

  it('compares an Unione with the existing one it extends, only when the form is «unione»', () => {
    const existing = { ...context, existingUnione: { id: 5, name: 'Unione del Canavese', members: [A, C] } };
    const governance = { ...EMPTY_GOVERNANCE, existingUnione: 5 };
    const summary = summarizeAlliance(data, draft([A, B], { legalForm: 'unione', governance }), existing);
    expect(summary.governanceChecks.existingUnione).toEqual({ id: 5, name: 'Unione del Canavese', missing: [C], extra: [B] });
    expect(level(summary.governanceChecks.rules, 'unione-extends')).toBe('advice');
    expect(summarizeAlliance(data, draft([A, B], { legalForm: 'consorzio', governance }), existing).governanceChecks.existingUnione).toBeNull();
    expect(summarizeAlliance(data, draft([A, B], { legalForm: 'unione', governance }), context).governanceChecks.existingUnione).toBeNull();
  });

  it('derives the success factors: building on an association (an overlap or an Unione extended) and a lead', () => {
    const met = (summary: ReturnType<typeof summarizeAlliance>) => summary.governanceChecks.successFactors.filter((f) => f.met).map((f) => f.id);
    expect(met(summarizeAlliance(data, draft([A, B]), context))).toEqual(['associazione_esistente', 'ente_guida']);
    const noLead: AllianceDraft['members'] = [
      { code: B, status: 'adhered', lead: false },
      { code: C, status: 'adhered', lead: false },
    ];
    expect(met(summarizeAlliance(data, draft([], { members: noLead }), context))).toEqual([]);
    const existing = { ...context, existingUnione: { id: 5, name: 'Unione', members: [B] } };
    expect(met(summarizeAlliance(data, draft([], { members: noLead, legalForm: 'unione' }), existing))).toEqual(['associazione_esistente']);
    const declared = { ...EMPTY_GOVERNANCE, factors: ['stesso_software' as const] };
    expect(met(summarizeAlliance(data, draft([], { members: noLead, governance: declared }), context))).toEqual(['stesso_software']);
  });

  it("checks the form against the proposed territory's members, lead and RTD", () => {
    const members: AllianceDraft['members'] = [
      { code: A, status: 'declined', lead: true },
      { code: B, status: 'adhered', lead: false },
      { code: C, status: 'adhered', lead: false },
    ];
    const rules = summarizeAlliance(data, draft([], { members, legalForm: 'convenzione' }), context).governanceChecks.rules;
    // The lead that declined is no member of the proposed territory: the convenzione has no capofila.
    expect(level(rules, 'capofila')).toBe('problem');
    const rtd = { seat: 'capofila' as const, office: 'Ufficio', email: 'rtd@comune.it' };
    const withRtd = summarizeAlliance(data, draft([A, B], { legalForm: 'convenzione', governance: { ...EMPTY_GOVERNANCE, rtd } }), context).governanceChecks.rules;
    expect(level(withRtd, 'rtd')).toBe('ok');
    expect(level(withRtd, 'efficiency')).toBe('advice');
    expect(level(summarizeAlliance(data, draft([A, B], { legalForm: 'unione' }), context).governanceChecks.rules, 'unione-contiguity')).toBe('ok');
  });
});

describe('analyzeKnownTerritory', () => {
  it('counts each Comune once and names provinces and regions (by code where no name is known)', () => {
    const analysis = analyzeKnownTerritory(data, [A, B, A, D]);
    expect(analysis.totals.comuni).toBe(3);
    expect(analysis.provinces).toEqual([
      { code: '001', name: 'Torino', comuni: 2 },
      { code: '002', name: '002', comuni: 1 },
    ]);
    expect(analysis.regions).toEqual([{ code: '01', name: 'Piemonte', comuni: 3 }]);
    expect(analysis.contiguity.contiguous).toBe(false);
    expect(analysis.overlaps).toEqual([
      { ...UNIONE, members: [A] },
      { ...MONTANA, members: [D] },
    ].sort((p, q) => p.kind.localeCompare(q.kind)));
  });
});

describe('draftOf', () => {
  it('reads the draft a stored alliance says, leaving out what only the store knows', () => {
    const stored = {
      ...draft([A, B], { status: 'published', legalForm: 'convenzione', runningCostCents: 500 }),
      id: 3,
      summary: { ruleSet: { id: 'piemonte' } },
      members: [{ code: A, name: 'Agliè', population: 2545, status: 'adhered' as const, lead: true, act: null }],
      partners: [{ kind: 'regione' as const, name: 'Regione', role: null, status: 'proposed' as const, act: null, extra: 1 }],
      governance: { factors: ['stesso_software' as const] },
    };
    expect(draftOf(stored)).toEqual({
      name: 'ALI',
      description: '',
      status: 'published',
      ruleSet: 'piemonte',
      members: [{ code: A, status: 'adhered', lead: true, act: null }],
      partners: [{ kind: 'regione', name: 'Regione', role: null, status: 'proposed', act: null }],
      services: [],
      runningCostCents: 500,
      legalForm: 'convenzione',
      governance: { ...EMPTY_GOVERNANCE, factors: ['stesso_software'] },
    });
  });
});
