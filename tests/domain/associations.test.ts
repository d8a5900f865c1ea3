import { describe, expect, it } from 'vitest';
import { COOPERATION_KINDS } from '../../domain/atlas-table';
import { ASSOCIATION_KINDS, isAssociationKind } from '../../domain/associations';

describe('association kinds', () => {
  it('recognises the kinds the atlas knows and nothing else', () => {
    expect(ASSOCIATION_KINDS.every((kind) => isAssociationKind(kind))).toBe(true);
    expect(isAssociationKind('comunita_montana')).toBe(true);
    expect(isAssociationKind('provincia')).toBe(false);
    expect(isAssociationKind('Unione')).toBe(false);
    expect(isAssociationKind('')).toBe(false);
  });

  it('counts every kind of cooperation as an association except labour-market areas', () => {
    expect(COOPERATION_KINDS).toEqual(['unione', 'comunita_montana', 'convenzione', 'snai', 'ali', 'other']);
    expect(ASSOCIATION_KINDS.filter((kind) => !COOPERATION_KINDS.includes(kind))).toEqual(['sll']);
  });
});
