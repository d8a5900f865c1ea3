import { describe, expect, it } from 'vitest';
import { compareMembers, sharedWith, type ComparedTerritory } from '../../domain/compare';

const item = (key: string, members: string[]): ComparedTerritory => ({ key, label: key.toUpperCase(), members });

describe('compareMembers', () => {
  it('finds the members two overlapping territories share, and those of one only', () => {
    const result = compareMembers([item('a1', ['001004', '001001', '001002', '001003']), item('s7', ['001003', '001005', '001002'])]);
    expect(result.shared).toEqual([{ a: 'a1', b: 's7', codes: ['001002', '001003'] }]);
    expect(result.only).toEqual({ a1: ['001001', '001004'], s7: ['001005'] });
    expect(result.inAll).toEqual(['001002', '001003']);
  });

  it('keeps a pair of disjoint territories, with no shared member', () => {
    const result = compareMembers([item('a1', ['001002', '001001']), item('a2', ['002001'])]);
    expect(result.shared).toEqual([{ a: 'a1', b: 'a2', codes: [] }]);
    expect(result.only).toEqual({ a1: ['001001', '001002'], a2: ['002001'] });
    expect(result.inAll).toEqual([]);
  });

  it('compares three territories pair by pair, in their order', () => {
    const result = compareMembers([
      item('a3', ['X', 'A', 'B', 'C']),
      item('a1', ['C', 'B', 'D']),
      item('s2', ['C', 'D', 'E', 'X']),
    ]);
    expect(result.shared).toEqual([
      { a: 'a3', b: 'a1', codes: ['B', 'C'] },
      { a: 'a3', b: 's2', codes: ['C', 'X'] },
      { a: 'a1', b: 's2', codes: ['C', 'D'] },
    ]);
    expect(result.only).toEqual({ a3: ['A'], a1: [], s2: ['E'] });
    expect(result.inAll).toEqual(['C']);
  });

  it('counts a Comune listed twice in one territory once', () => {
    const result = compareMembers([item('a1', ['B', 'A', 'B', 'A']), item('a2', ['B', 'C', 'C'])]);
    expect(result.shared).toEqual([{ a: 'a1', b: 'a2', codes: ['B'] }]);
    expect(result.only).toEqual({ a1: ['A'], a2: ['C'] });
    expect(result.inAll).toEqual(['B']);
  });

  it('handles no territories, one territory and an empty one', () => {
    expect(compareMembers([])).toEqual({ shared: [], only: {}, inAll: [] });
    expect(compareMembers([item('a1', ['B', 'A'])])).toEqual({ shared: [], only: { a1: ['A', 'B'] }, inAll: ['A', 'B'] });
    const withEmpty = compareMembers([item('a1', ['A']), item('a2', [])]);
    expect(withEmpty.shared).toEqual([{ a: 'a1', b: 'a2', codes: [] }]);
    expect(withEmpty.only).toEqual({ a1: ['A'], a2: [] });
    expect(withEmpty.inAll).toEqual([]);
  });

  it('gives the same answer whatever the order of the members', () => {
    const one = compareMembers([item('a1', ['C', 'A', 'B']), item('a2', ['B', 'D', 'C'])]);
    const two = compareMembers([item('a1', ['A', 'B', 'C']), item('a2', ['D', 'C', 'B'])]);
    expect(two).toEqual(one);
  });

  it('refuses the same territory twice', () => {
    expect(() => compareMembers([item('a1', ['A']), item('a1', ['B'])])).toThrow(/a1/);
  });

  it('does not change its input', () => {
    const members = ['B', 'A', 'B'];
    compareMembers([item('a1', members), item('a2', ['A'])]);
    expect(members).toEqual(['B', 'A', 'B']);
  });
});

describe('sharedWith', () => {
  it('lists what one territory shares with each other one, in the items order', () => {
    const result = compareMembers([item('a1', ['A', 'B']), item('a2', ['B', 'C']), item('s3', ['A', 'C'])]);
    expect(sharedWith(result, 'a2')).toEqual([
      { key: 'a1', codes: ['B'] },
      { key: 's3', codes: ['C'] },
    ]);
    expect(sharedWith(result, 's3')).toEqual([
      { key: 'a1', codes: ['A'] },
      { key: 'a2', codes: ['C'] },
    ]);
    expect(sharedWith(result, 'unknown')).toEqual([]);
  });
});
