import { describe, expect, it } from 'vitest';
import { emptySelection } from '../../domain/selection';
import { builderTabBadges } from '../../client/builder/tab-badges';
import { builderFormRules, unioneDifference } from '../../client/builder/form-checks';
import { EMPTY_GOVERNANCE } from '../../domain/governance';

const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`;
const state = (members: string[], extra: Partial<Parameters<typeof builderTabBadges>[0]['state']> = {}) => ({
  selection: emptySelection(members),
  meta: {},
  services: [],
  editing: null,
  ...extra,
});
const badge = (tabs: ReturnType<typeof builderTabBadges>, id: string) => tabs.find((tab) => tab.id === id)?.badge ?? null;

describe("the builder tabs' badges", () => {
  it('lists the four sections in order, with no badge on an empty builder', () => {
    const tabs = builderTabBadges({ state: state([]), contiguity: null, formChecks: [] }, t);
    expect(tabs.map((tab) => tab.id)).toEqual(['territorio', 'servizi', 'forma', 'adesioni']);
    expect(tabs.every((tab) => tab.badge === null)).toBe(true);
  });

  it('counts the members, and warns when the territory is in parts', () => {
    const one = builderTabBadges({ state: state(['001001', '001002']), contiguity: { contiguous: true, components: [['001001', '001002']] }, formChecks: [] }, t);
    expect(badge(one, 'territorio')).toEqual({ text: '2', label: 'builderTabs.members{"count":2}', level: 'count' });
    const parts = builderTabBadges({ state: state(['001001', '083041']), contiguity: { contiguous: false, components: [['001001'], ['083041']] }, formChecks: [] }, t);
    expect(badge(parts, 'territorio')).toEqual({ text: '⚠ 2', label: 'builderTabs.members{"count":2}, builderTabs.notContiguous', level: 'problem' });
  });

  it('counts the services and the problems of the form', () => {
    const services = [{ code: 'suap' }, { code: 'pagopa' }] as Parameters<typeof builderTabBadges>[0]['state']['services'];
    const tabs = builderTabBadges({ state: state(['001001'], { services }), contiguity: null, formChecks: [{ level: 'ok' }, { level: 'problem' }, { level: 'advice' }] }, t);
    expect(badge(tabs, 'servizi')).toEqual({ text: '2', label: 'builderTabs.services{"count":2}', level: 'count' });
    expect(badge(tabs, 'forma')).toEqual({ text: '⚠ 1', label: 'builderTabs.formProblems{"count":1}', level: 'problem' });
  });

  it('counts the adhesions only once the alliance is saved', () => {
    const meta = { '001001': { status: 'adhered' as const, lead: true }, '001002': { status: 'proposed' as const, lead: false } };
    expect(badge(builderTabBadges({ state: state(['001001', '001002'], { meta }), contiguity: null, formChecks: [] }, t), 'adesioni')).toBeNull();
    const saved = builderTabBadges({ state: state(['001001', '001002'], { meta, editing: { id: 1, version: 1, token: 'x' } }), contiguity: null, formChecks: [] }, t);
    expect(badge(saved, 'adesioni')).toEqual({ text: '1/2', label: 'builderTabs.adhered{"adhered":1,"count":2}', level: 'count' });
  });
});

describe('the form checks in the builder', () => {
  const unione = { id: 7, name: 'Unione della Bassa Romagna', members: [{ code: 'A', name: 'A', role: null }, { code: 'B', name: 'B', role: null }] };

  it('says which Comuni of the Unione are missing and which are outside it', () => {
    expect(unioneDifference(unione, ['B', 'C'])).toEqual({ missing: ['A'], extra: ['C'] });
    expect(unioneDifference(unione, ['A', 'B'])).toEqual({ missing: [], extra: [] });
  });

  it('asks a convenzione for a capofila among the territory, and names the Unione’s differences', () => {
    const base = { legalForm: 'convenzione' as const, governance: EMPTY_GOVERNANCE, meta: {} };
    const noLead = builderFormRules(base, ['A', 'B'], { contiguous: true, population: 30000 }, null, (c) => c);
    expect(noLead.find((r) => r.id === 'capofila')?.level).toBe('problem');
    const withLead = builderFormRules({ ...base, meta: { A: { status: 'proposed', lead: true } } }, ['A', 'B'], { contiguous: true, population: 30000 }, null, (c) => c);
    expect(withLead.find((r) => r.id === 'capofila')?.level).toBe('ok');
    const extending = builderFormRules({ ...base, legalForm: 'unione', governance: { ...EMPTY_GOVERNANCE, existingUnione: 7 } }, ['B', 'C'], { contiguous: false, population: 30000 }, unione as never, (c) => `Comune ${c}`);
    expect(extending.find((r) => r.id === 'unione-contiguity')?.level).toBe('problem');
    expect(extending.find((r) => r.id === 'unione-extends')?.message.it).toContain('1 comuni in più (Comune C), 1 mancanti (Comune A)');
  });
});
