import { describe, expect, it } from 'vitest';
import { partnerKey, sameAllianceContent, territoryMembers, type AllianceContent } from '../../domain/alliance';

const content = (more: Partial<AllianceContent> = {}): AllianceContent => ({
  name: 'ALI Valle',
  description: 'Servizi digitali condivisi',
  status: 'draft',
  ruleSet: 'national',
  members: [
    { code: '001001', status: 'adhered', lead: true },
    { code: '001002', status: 'adhered', lead: false },
    { code: '001003', status: 'proposed', lead: false },
  ],
  partners: [{ kind: 'provincia', name: 'Provincia di Torino', role: 'sostegno tecnico' }],
  services: [{ code: 'ced', provider: { kind: 'lead', ref: null }, annualCostCents: 100_000, equalShare: 0.3 }],
  runningCostCents: 5_000,
  ...more,
});

describe('territoryMembers', () => {
  it('keeps proposed and adhered members, in order, and leaves out withdrawn ones', () => {
    const members = [
      { code: '001003', status: 'adhered' as const },
      { code: '001001', status: 'withdrawn' as const },
      { code: '001002', status: 'proposed' as const },
    ];
    expect(territoryMembers(members)).toEqual(['001003', '001002']);
    expect(territoryMembers([{ code: '001001', status: 'withdrawn' }])).toEqual([]);
    expect(territoryMembers([])).toEqual([]);
  });
});

describe('sameAllianceContent', () => {
  it('finds the same content equal', () => {
    expect(sameAllianceContent(content(), content())).toBe(true);
  });

  it('ignores the order of members', () => {
    const [a, b, c] = content().members;
    expect(sameAllianceContent(content({ members: [c!, a!, b!] }), content())).toBe(true);
    expect(sameAllianceContent(content({ members: [b!, a!] }), content({ members: [a!, b!] }))).toBe(true);
  });

  it('ignores the order of keys in every object', () => {
    const reordered: AllianceContent = {
      runningCostCents: 5_000,
      services: [{ equalShare: 0.3, annualCostCents: 100_000, provider: { ref: null, kind: 'lead' }, code: 'ced' }],
      partners: [{ role: 'sostegno tecnico', name: 'Provincia di Torino', kind: 'provincia' }],
      members: [
        { lead: true, status: 'adhered', code: '001001' },
        { lead: false, status: 'adhered', code: '001002' },
        { lead: false, status: 'proposed', code: '001003' },
      ],
      ruleSet: 'national',
      status: 'draft',
      description: 'Servizi digitali condivisi',
      name: 'ALI Valle',
    };
    expect(sameAllianceContent(reordered, content())).toBe(true);
  });

  it('treats a field set to undefined as null', () => {
    const undefinedRole = content({ partners: [{ kind: 'provincia', name: 'Provincia di Torino', role: undefined }] });
    const nullRole = content({ partners: [{ kind: 'provincia', name: 'Provincia di Torino', role: null }] });
    expect(sameAllianceContent(undefinedRole, nullRole)).toBe(true);
    expect(sameAllianceContent(content({ ruleSet: undefined }), content({ ruleSet: 'national' }))).toBe(false);
  });

  it('treats an absent field as null or undefined, as its comment says', () => {
    const noRole = content({ partners: [{ kind: 'provincia', name: 'Provincia di Torino' }] });
    expect(sameAllianceContent(noRole, content({ partners: [{ kind: 'provincia', name: 'Provincia di Torino', role: null }] }))).toBe(true);
    const { ruleSet: _dropped, ...noRuleSet } = content();
    expect(sameAllianceContent(noRuleSet, content({ ruleSet: undefined }))).toBe(true);
    const charged = content({ services: [{ code: 'ced', provider: { kind: 'lead', ref: null }, annualCostCents: 100_000, equalShare: 0.3, chargedCents: null }] });
    expect(sameAllianceContent(charged, content())).toBe(true);
    expect(sameAllianceContent(content({ services: [{ code: 'ced', provider: { kind: 'lead' }, annualCostCents: 100_000, equalShare: 0.3 }] }), content())).toBe(true);
  });

  it('sees a change in any field', () => {
    const base = content();
    const [a, b, c] = base.members;
    expect(sameAllianceContent(content({ name: 'ALI Colle' }), base)).toBe(false);
    expect(sameAllianceContent(content({ status: 'published' }), base)).toBe(false);
    expect(sameAllianceContent(content({ runningCostCents: 5_001 }), base)).toBe(false);
    expect(sameAllianceContent(content({ members: [a!, b!] }), base)).toBe(false);
    expect(sameAllianceContent(content({ members: [a!, b!, { ...c!, status: 'withdrawn' }] }), base)).toBe(false);
    expect(sameAllianceContent(content({ members: [{ ...a!, lead: false }, { ...b!, lead: true }, c!] }), base)).toBe(false);
    expect(sameAllianceContent(content({ partners: [] }), base)).toBe(false);
    expect(sameAllianceContent(content({ partners: [{ kind: 'provincia', name: 'Provincia di Torino', role: null }] }), base)).toBe(false);
    expect(sameAllianceContent(content({ services: [{ ...base.services[0]!, equalShare: 0.5 }] }), base)).toBe(false);
    expect(sameAllianceContent(content({ services: [{ ...base.services[0]!, recipients: ['001001'] }] }), base)).toBe(false);
  });

  it('keeps the order of partners and services, which is shown as entered', () => {
    const p = { kind: 'regione' as const, name: 'Regione Piemonte' };
    const q = { kind: 'unione' as const, name: 'Unione dei Colli' };
    expect(sameAllianceContent(content({ partners: [p, q] }), content({ partners: [q, p] }))).toBe(false);
  });
});

describe('partnerKey', () => {
  it('compares participating bodies\' names in any case and any Unicode form', () => {
    expect(partnerKey('Unione dei Comuni ALTA VALLE')).toBe('unione dei comuni alta valle');
    expect(partnerKey('Comunità della Val d’Isarco')).toBe(partnerKey('COMUNITÀ DELLA VAL D’ISARCO'));
    expect(partnerKey('Comunita\u0300 Montana')).toBe('comunità montana'); // combining accent → one letter
    expect(partnerKey('ﬁume')).toBe('fiume'); // a ligature, unfolded
  });
});
