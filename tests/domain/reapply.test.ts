import { describe, expect, it } from 'vitest';
import { reapply, type EditableContent } from '../../domain/reapply';

const base: EditableContent = {
  name: 'ALI',
  description: 'prima',
  status: 'draft',
  ruleSetId: 'national',
  runningCostCents: 100,
  members: ['001001', '001002', '001003'],
  leads: { '001001': true, '001002': false, '001003': false },
  partners: [{ name: 'Provincia' }],
  services: [{ code: 'suap', cost: 1 } as { code: string }],
};

describe('reapply', () => {
  it('keeps my changes, takes theirs where I changed nothing, and merges lists by key', () => {
    const mine = { ...base, name: 'ALI nuova', members: ['001001', '001002', '001004'], leads: { '001001': true, '001002': false, '001004': false }, services: [{ code: 'suap', cost: 2 } as { code: string }] };
    const theirs = { ...base, description: 'dopo', runningCostCents: 300, members: ['001001', '001002', '001003', '001005'], leads: { '001001': true, '001002': false, '001003': false, '001005': false }, partners: [{ name: 'Provincia' }, { name: 'Regione' }] };
    expect(reapply(base, mine, theirs)).toEqual({
      name: 'ALI nuova', // mine
      description: 'dopo', // theirs: I left it
      status: 'draft',
      ruleSetId: 'national',
      runningCostCents: 300,
      members: ['001001', '001002', '001005', '001004'], // their addition kept, my removal and addition applied
      leads: { '001001': true, '001002': false, '001005': false, '001004': false },
      partners: [{ name: 'Provincia' }, { name: 'Regione' }],
      services: [{ code: 'suap', cost: 2 }],
    });
  });

  it('gives the lead I chose, or theirs when I did not choose', () => {
    const mine = { ...base, leads: { '001001': false, '001002': true, '001003': false } };
    const theirs = { ...base, leads: { '001001': false, '001002': false, '001003': true } };
    expect(reapply(base, mine, theirs).leads).toEqual({ '001001': false, '001002': true, '001003': false });
    expect(reapply(base, base, theirs).leads).toEqual({ '001001': false, '001002': false, '001003': true });
  });

  it('is theirs when I changed nothing, and mine when they changed nothing', () => {
    const theirs = { ...base, name: 'altro', members: ['001001'], leads: { '001001': true } };
    expect(reapply(base, base, theirs)).toEqual(theirs);
    const mine = { ...base, name: 'mio', services: [] };
    expect(reapply(base, mine, base)).toEqual(mine);
  });
});
