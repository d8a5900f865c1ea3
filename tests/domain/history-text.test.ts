import { describe, expect, it } from 'vitest';
import { PHASE_LABELS } from '../../domain/governance';
import type { AllianceChange } from '../../domain/history';
import { formatDay } from '../../domain/adhesion';
import { describeChange } from '../../domain/history-text';

/** Every kind of change, in both languages, word for word: what the public history and the feeds print. */

const act = { decision: 'adhere' as const, organ: 'giunta' as const, number: '7', date: '2026-04-02', url: null, note: null, recordedAt: '2026-04-03T09:00:00.000Z' };
const names = { comune: (code: string) => ({ '001001': 'Agliè' })[code] ?? `?${code}`, service: (code: string) => ({ suap: 'SUAP' })[code] ?? `?${code}` };
const both = (change: AllianceChange) => [describeChange(change, names, 'it'), describeChange(change, names, 'en')];

describe('describeChange: fields', () => {
  it('names each field and shows its values before and after', () => {
    expect(both({ kind: 'field', field: 'name', from: 'ALI A', to: 'ALI B' })).toEqual(['Nome: ALI A → ALI B', 'Name: ALI A → ALI B']);
    expect(both({ kind: 'field', field: 'description', from: 'x', to: 'y' })).toEqual(['Descrizione: x → y', 'Description: x → y']);
    expect(both({ kind: 'field', field: 'ruleSet', from: 'ali-2024', to: 'ali-2026' })).toEqual(['Regole: ali-2024 → ali-2026', 'Rules: ali-2024 → ali-2026']);
    expect(both({ kind: 'field', field: 'contiguityException', from: null, to: 'traghetto' })).toEqual(['Eccezione alla contiguità: — → traghetto', 'Contiguity exception: — → traghetto']);
  });

  it('names the rule set, the legal form and the phase in the language, and leaves an unknown id as it is', () => {
    expect(both({ kind: 'field', field: 'ruleSet', from: null, to: 'national' })).toEqual(['Regole: — → Norma nazionale', 'Rules: — → National law']);
    expect(both({ kind: 'field', field: 'ruleSet', from: 'piemonte', to: 'lombardia' })).toEqual(['Regole: Piemonte → Lombardia', 'Rules: Piedmont → Lombardy']);
    expect(both({ kind: 'field', field: 'legalForm', from: null, to: 'unione' })).toEqual(['Forma giuridica: — → Unione di comuni', 'Legal form: — → Union of Comuni (Unione)']);
    expect(both({ kind: 'field', field: 'legalForm', from: 'unione', to: 'fusione' })).toEqual(['Forma giuridica: Unione di comuni → fusione', 'Legal form: Union of Comuni (Unione) → fusione']);
    expect(both({ kind: 'field', field: 'phase', from: 'ricognizione', to: 'unknown-phase' })).toEqual([
      `Fase: ${PHASE_LABELS.ricognizione.it} → unknown-phase`,
      `Phase: ${PHASE_LABELS.ricognizione.en} → unknown-phase`,
    ]);
  });

  it('writes an empty, missing or null value as a dash, and keeps 0 and false as values', () => {
    expect(both({ kind: 'field', field: 'description', from: '', to: undefined })).toEqual(['Descrizione: — → —', 'Description: — → —']);
    expect(both({ kind: 'field', field: 'runningCostCents', from: null, to: 0 })).toEqual(['Costi di funzionamento: — → 0,00\u00a0€', 'Running costs: — → €0.00']);
  });

  it('writes amounts in euro, each language its own way', () => {
    expect(both({ kind: 'field', field: 'runningCostCents', from: 1050, to: 1234_56 })).toEqual(['Costi di funzionamento: 10,50\u00a0€ → 1234,56\u00a0€', 'Running costs: €10.50 → €1,234.56']);
  });

  it('translates the alliance status, and leaves an unknown one as it is', () => {
    expect(both({ kind: 'field', field: 'status', from: 'published', to: 'draft' })).toEqual(['Stato: pubblicata → bozza', 'Status: published → draft']);
    expect(both({ kind: 'field', field: 'status', from: 'archived', to: 'draft' })).toEqual(['Stato: archived → bozza', 'Status: archived → draft']);
  });

  it('cuts a long value to 80 characters with an ellipsis, and leaves one of 80 whole', () => {
    const eighty = 'a'.repeat(80);
    expect(describeChange({ kind: 'field', field: 'description', from: eighty, to: `${'b'.repeat(79)}cd` }, names, 'it')).toBe(`Descrizione: ${eighty} → ${'b'.repeat(79)}…`);
  });

  it('says when the alliance becomes constituted and when it is no longer', () => {
    expect(both({ kind: 'field', field: 'constituted', from: false, to: true })).toEqual([
      'L’alleanza è costituita: i comuni aderenti da soli rispettano le regole',
      'The alliance is constituted: the adhered Comuni alone pass the rules',
    ]);
    expect(both({ kind: 'field', field: 'constituted', from: true, to: false })).toEqual(['L’alleanza non è più costituita', 'The alliance is no longer constituted']);
  });
});

describe('formatDay', () => {
  it('writes a day as each language writes dates, from a bare day or a full timestamp, in UTC', () => {
    expect(formatDay('2026-12-07', 'it')).toBe('7 dicembre 2026');
    expect(formatDay('2026-12-07', 'en')).toBe('7 December 2026');
    expect(formatDay('2026-12-07T23:30:00.000Z', 'it')).toBe('7 dicembre 2026');
    expect(formatDay('2026-01-31', 'en')).toBe('31 January 2026');
  });

  it('leaves text that is no date as it is', () => {
    expect(formatDay('ieri', 'it')).toBe('ieri');
    expect(formatDay('x2026-12-07', 'en')).toBe('x2026-12-07');
  });
});

describe('describeChange: members and partners', () => {
  it('names the Comune with its code for each member change', () => {
    expect(both({ kind: 'member', code: '001001', change: 'added' })).toEqual(['Proposto: Agliè (001001)', 'Proposed: Agliè (001001)']);
    expect(both({ kind: 'member', code: '001001', change: 'removed' })).toEqual(['Tolto: Agliè (001001)', 'Removed: Agliè (001001)']);
    expect(both({ kind: 'member', code: '001001', change: 'lead', from: false, to: true })).toEqual(['Capofila: Agliè (001001)', 'Lead body: Agliè (001001)']);
    expect(both({ kind: 'member', code: '001001', change: 'lead', from: true, to: false })).toEqual(['Non più capofila: Agliè (001001)', 'No longer the lead body: Agliè (001001)']);
  });

  it('translates a member status, cites the act when there is one, and leaves an unknown status as it is', () => {
    expect(both({ kind: 'member', code: '001001', change: 'status', from: 'proposed', to: 'declined', act })).toEqual([
      'Agliè (001001): proposto → ha declinato (Giunta, atto n. 7 del 2 aprile 2026)',
      'Agliè (001001): proposed → declined (Executive (giunta), act no. 7 of 2 April 2026)',
    ]);
    expect(both({ kind: 'member', code: '001001', change: 'status', from: 'adhered', to: 'withdrawn', act: null })).toEqual(['Agliè (001001): aderente → receduto', 'Agliè (001001): adhered → withdrawn']);
    expect(both({ kind: 'member', code: '001001', change: 'status', from: 'joined', to: 'adhered', act: null })).toEqual(['Agliè (001001): joined → aderente', 'Agliè (001001): joined → adhered']);
  });

  it('tells the changes of a participating body by its name', () => {
    expect(both({ kind: 'partner', name: 'Unione X', change: 'added' })).toEqual(['Partecipante: Unione X', 'Participating body: Unione X']);
    expect(both({ kind: 'partner', name: 'Unione X', change: 'removed' })).toEqual(['Partecipante tolto: Unione X', 'Participating body removed: Unione X']);
    expect(both({ kind: 'partner', name: 'Unione X', change: 'status', from: 'proposed', to: 'adhered', act })).toEqual([
      'Unione X: proposto → aderente (Giunta, atto n. 7 del 2 aprile 2026)',
      'Unione X: proposed → adhered (Executive (giunta), act no. 7 of 2 April 2026)',
    ]);
    expect(both({ kind: 'partner', name: 'Unione X', change: 'status', from: 'adhered', to: 'withdrawn', act: null })).toEqual(['Unione X: aderente → receduto', 'Unione X: adhered → withdrawn']);
  });
});

describe('describeChange: links and services', () => {
  it('tells a new adhesion link with its number (or ? without one), for a Comune or a partner', () => {
    expect(both({ kind: 'invitation', code: '001001', id: 12, change: 'issued' })).toEqual([
      'Nuovo link di adesione n. 12 per Agliè (001001) (il precedente non vale più)',
      'New adhesion link no. 12 for Agliè (001001) (the previous one no longer works)',
    ]);
    expect(both({ kind: 'invitation', partner: 'Unione X', change: 'issued' })).toEqual([
      'Nuovo link di adesione n. ? per Unione X (il precedente non vale più)',
      'New adhesion link no. ? for Unione X (the previous one no longer works)',
    ]);
    expect(both({ kind: 'invitation', code: '001001', change: 'revoked' })).toEqual(['Link di adesione revocato: Agliè (001001)', 'Adhesion link revoked: Agliè (001001)']);
    expect(both({ kind: 'invitation', change: 'revoked' })).toEqual(['Link di adesione revocato: ', 'Adhesion link revoked: ']);
  });

  it('tells a replaced edit link', () => {
    expect(both({ kind: 'editLink', change: 'rotated' })).toEqual(['Link di modifica cambiato (quello vecchio non funziona più)', 'Edit link replaced (the old one no longer works)']);
  });

  it('names the service for each service change, with the annual cost before and after', () => {
    expect(both({ kind: 'service', code: 'suap', change: 'added' })).toEqual(['Servizio aggiunto: SUAP', 'Service added: SUAP']);
    expect(both({ kind: 'service', code: 'suap', change: 'removed' })).toEqual(['Servizio tolto: SUAP', 'Service removed: SUAP']);
    const cost = { kind: 'service', code: 'suap', change: 'cost', from: { annualCostCents: 100_00, chargedCents: null }, to: { annualCostCents: 1250_50, chargedCents: 90_00 } } as const;
    expect(both(cost)).toEqual(['SUAP: costo 100,00\u00a0€ → 1250,50\u00a0€', 'SUAP: cost €100.00 → €1,250.50']);
  });
});
