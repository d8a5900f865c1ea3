import { describe, expect, it } from 'vitest';
import { allianceChanges, applyEntry, type HistoryState } from '../../domain/history';
import { describeChange } from '../../domain/history-text';

const act = { decision: 'adhere' as const, organ: 'consiglio' as const, number: '12', date: '2026-03-01', url: null, note: null, recordedAt: '2026-03-02T10:00:00.000Z' };
const names = { comune: (code: string) => ({ '001001': 'Agliè', '001015': 'Bairo' })[code] ?? code, service: (code: string) => (code === 'suap' ? 'SUAP' : code) };

const before: HistoryState = {
  name: 'ALI A',
  status: 'draft',
  runningCostCents: 0,
  constituted: false,
  members: [{ code: '001001', status: 'proposed', lead: true }, { code: '001015', status: 'joined', lead: false }],
  partners: [{ name: 'Unione X', kind: 'unione' }],
  services: [{ code: 'suap', annualCostCents: 100_00 }, { code: 'ced', annualCostCents: 5_00 }],
};

describe('allianceChanges', () => {
  it('lists fields, members, partners and services that changed, each once', () => {
    const after: HistoryState = {
      ...before,
      name: 'ALI B',
      runningCostCents: 250_00,
      constituted: true,
      members: [{ code: '001001', status: 'adhered', lead: true, act }, { code: '001015', status: 'adhered', lead: true }, { code: '001096', status: 'proposed', lead: false }],
      partners: [{ name: 'Provincia', kind: 'provincia' }],
      services: [{ code: 'suap', annualCostCents: 120_00, chargedCents: 100_00 }],
    };
    expect(allianceChanges(before, after)).toEqual([
      { kind: 'field', field: 'name', from: 'ALI A', to: 'ALI B' },
      { kind: 'field', field: 'runningCostCents', from: 0, to: 250_00 },
      { kind: 'field', field: 'constituted', from: false, to: true },
      { kind: 'member', code: '001001', change: 'status', from: 'proposed', to: 'adhered', act },
      // "joined" (before adhesions existed) reads as adhered: no status change, only the lead.
      { kind: 'member', code: '001015', change: 'lead', from: false, to: true },
      { kind: 'member', code: '001096', change: 'added' },
      { kind: 'partner', name: 'Provincia', change: 'added' },
      { kind: 'partner', name: 'Unione X', change: 'removed' },
      { kind: 'service', code: 'suap', change: 'cost', from: { annualCostCents: 100_00, chargedCents: null }, to: { annualCostCents: 120_00, chargedCents: 100_00 } },
      { kind: 'service', code: 'ced', change: 'removed' },
    ]);
  });

  it('finds nothing between equal states, and keeps what a partial entry did not touch', () => {
    expect(allianceChanges(before, before)).toEqual([]);
    const after = applyEntry(before, { contiguityException: 'traghetto' });
    expect(after.members).toBe(before.members);
    expect(allianceChanges(before, after)).toEqual([{ kind: 'field', field: 'contiguityException', from: null, to: 'traghetto' }]);
  });

  it('tells each change in Italian and English', () => {
    const texts = allianceChanges(before, { ...before, status: 'published', runningCostCents: 1234_56, members: [{ code: '001001', status: 'adhered', lead: true, act }] }).map((c) => [describeChange(c, names, 'it'), describeChange(c, names, 'en')]);
    expect(texts).toEqual([
      ['Stato: bozza → pubblicata', 'Status: draft → published'],
      ['Costi di funzionamento: 0,00\u00a0€ → 1234,56\u00a0€', 'Running costs: €0.00 → €1,234.56'],
      ['Agliè (001001): proposto → aderente (Consiglio comunale, atto n. 12 del 1 marzo 2026)', 'Agliè (001001): proposed → adhered (Municipal council, act no. 12 of 1 March 2026)'],
      ['Tolto: Bairo (001015)', 'Removed: Bairo (001015)'],
    ]);
  });
});

describe('allianceChanges, case by case', () => {
  const member = (code: string, status = 'proposed', lead = false) => ({ code, status, lead });

  it('reads absent and empty text as none, and an absent constitution as not constituted', () => {
    expect(allianceChanges({ description: undefined }, { description: '' })).toEqual([]);
    expect(allianceChanges({ description: '' }, {})).toEqual([]);
    expect(allianceChanges({}, { description: 'x' })).toEqual([{ kind: 'field', field: 'description', from: null, to: 'x' }]);
    expect(allianceChanges({ description: 'x' }, { description: '' })).toEqual([{ kind: 'field', field: 'description', from: 'x', to: null }]);
    expect(allianceChanges({}, { constituted: false })).toEqual([]);
    expect(allianceChanges({}, { constituted: true })).toEqual([{ kind: 'field', field: 'constituted', from: false, to: true }]);
    expect(allianceChanges({ runningCostCents: 0 }, {})).toEqual([{ kind: 'field', field: 'runningCostCents', from: 0, to: null }]);
  });

  it('lists members added to an absent list, and members removed', () => {
    expect(allianceChanges({}, { members: [member('001001')] })).toEqual([{ kind: 'member', code: '001001', change: 'added' }]);
    expect(allianceChanges({ members: [member('001001'), member('001015')] }, { members: [member('001015')] })).toEqual([
      { kind: 'member', code: '001001', change: 'removed' },
    ]);
  });

  it('tells a partner\'s status (none is proposed) with the act of the new one', () => {
    const x = { name: 'Unione X', kind: 'unione' };
    expect(allianceChanges({ partners: [x] }, { partners: [{ ...x, status: 'proposed' }] })).toEqual([]);
    expect(allianceChanges({ partners: [x] }, { partners: [{ ...x, status: 'adhered', act }] })).toEqual([
      { kind: 'partner', name: 'Unione X', change: 'status', from: 'proposed', to: 'adhered', act },
    ]);
    expect(allianceChanges({ partners: [{ ...x, status: 'adhered', act }] }, { partners: [x] })).toEqual([
      { kind: 'partner', name: 'Unione X', change: 'status', from: 'adhered', to: 'proposed', act: null },
    ]);
  });

  it('tells services added, and a change of the charged amount alone (none is null)', () => {
    expect(allianceChanges({ services: [] }, { services: [{ code: 'suap', annualCostCents: 1 }] })).toEqual([{ kind: 'service', code: 'suap', change: 'added' }]);
    expect(allianceChanges({ services: [{ code: 'suap', annualCostCents: 1 }] }, { services: [{ code: 'suap', annualCostCents: 1, chargedCents: null }] })).toEqual([]);
    expect(allianceChanges({ services: [{ code: 'suap', annualCostCents: 1 }] }, { services: [{ code: 'suap', annualCostCents: 1, chargedCents: 0 }] })).toEqual([
      { kind: 'service', code: 'suap', change: 'cost', from: { annualCostCents: 1, chargedCents: null }, to: { annualCostCents: 1, chargedCents: 0 } },
    ]);
    expect(allianceChanges({ services: [{ code: 'suap', annualCostCents: 1, chargedCents: 5 }] }, { services: [{ code: 'suap', annualCostCents: 2, chargedCents: 5 }] })).toEqual([
      { kind: 'service', code: 'suap', change: 'cost', from: { annualCostCents: 1, chargedCents: 5 }, to: { annualCostCents: 2, chargedCents: 5 } },
    ]);
  });
});
