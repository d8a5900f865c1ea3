import { describe, expect, it } from 'vitest';
import { actLabel, founderStatusProblems, statusAfterDecision } from '../../domain/adhesion';
import { constitutedMembers, territoryMembers, MEMBER_STATUSES } from '../../domain/alliance';

describe('statusAfterDecision', () => {
  it('lets a body adhere from any status but adhered, decline only an open invitation, withdraw only after adhering', () => {
    const table = Object.fromEntries(
      MEMBER_STATUSES.map((from) => [from, (['adhere', 'decline', 'withdraw'] as const).map((d) => { const o = statusAfterDecision(from, d); return 'status' in o ? o.status : null; })]),
    );
    expect(table).toEqual({
      proposed: ['adhered', 'declined', null],
      adhered: [null, null, 'withdrawn'],
      declined: ['adhered', null, null],
      withdrawn: ['adhered', null, null],
    });
  });

  it('says why a decision is not open, in Italian and English', () => {
    expect(statusAfterDecision('proposed', 'withdraw')).toEqual({ problem: { it: 'può recedere solo chi ha aderito', en: 'can withdraw only after adhering' } });
    expect(statusAfterDecision('adhered', 'adhere')).toEqual({ problem: { it: 'ha già aderito', en: 'has already adhered' } });
  });
});

describe('founderStatusProblems', () => {
  const stored = new Map([['001001', 'adhered' as const], ['001002', 'proposed' as const]]);

  it('accepts left-out statuses, unchanged ones and new members proposed', () => {
    expect(founderStatusProblems(stored, [{ code: '001001' }, { code: '001002', status: 'proposed' }, { code: '001003', status: 'proposed' }, { code: '001001', status: 'adhered' }])).toEqual([]);
  });

  it('names each member whose status the founder tries to set', () => {
    expect(founderStatusProblems(stored, [{ code: '001001', status: 'withdrawn' }, { code: '001002', status: 'adhered' }, { code: '001004', status: 'declined' }])).toEqual([
      { code: '001001', requested: 'withdrawn', stored: 'adhered' },
      { code: '001002', requested: 'adhered', stored: 'proposed' },
      { code: '001004', requested: 'declined', stored: null },
    ]);
  });
});

describe('proposed and constituted territory', () => {
  const members = [
    { code: 'a', status: 'proposed' as const },
    { code: 'b', status: 'adhered' as const },
    { code: 'c', status: 'declined' as const },
    { code: 'd', status: 'withdrawn' as const },
    { code: 'e', status: 'adhered' as const },
  ];
  it('counts proposed and adhered members as proposed, adhered ones alone as constituted', () => {
    expect(territoryMembers(members)).toEqual(['a', 'b', 'e']);
    expect(constitutedMembers(members)).toEqual(['b', 'e']);
  });
});

describe('actLabel', () => {
  it('writes an act in one line', () => {
    expect(actLabel({ organ: 'giunta', number: '7/2026', date: '2026-03-05' }, 'it')).toBe('Giunta, atto n. 7/2026 del 5 marzo 2026');
    expect(actLabel({ organ: 'sindaco', number: '3', date: '2026-01-02' }, 'en')).toBe('Mayor, act no. 3 of 2 January 2026');
  });
});
