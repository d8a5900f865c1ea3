import { describe, expect, it } from 'vitest';
import type { AssociationRef } from '../../domain/associations';
import { overlaps } from '../../domain/overlaps';

const snai: AssociationRef = { id: 4, kind: 'snai', name: 'Area Valli' };
const unioneB: AssociationRef = { id: 5, kind: 'unione', name: 'Unione B' };
const unioneA: AssociationRef = { id: 6, kind: 'unione', name: 'Unione A' };
const cm: AssociationRef = { id: 7, kind: 'comunita_montana', name: 'CM Zeta' };
const ali: AssociationRef = { id: 8, kind: 'ali', name: 'Zeta ALI' };
const memberships: Record<string, AssociationRef[]> = {
  '3': [unioneB, snai],
  '1': [snai, unioneA, cm],
  '2': [snai, { ...unioneB }, unioneA, ali],
};

describe('overlaps', () => {
  it('puts the most shared association first, then orders by kind and by name', () => {
    expect(overlaps(['3', '1', '2', '1', '9'], (code) => memberships[code])).toEqual([
      { ...snai, members: ['1', '2', '3'] },
      { ...unioneA, members: ['1', '2'] },
      { ...unioneB, members: ['2', '3'] },
      { ...ali, members: ['2'] },
      { ...cm, members: ['1'] },
    ]);
  });

  it('finds no overlap for members without associations', () => {
    expect(overlaps(['1', '2'], () => undefined)).toEqual([]);
    expect(overlaps([], (code) => memberships[code])).toEqual([]);
  });
});
