import { describe, expect, it } from 'vitest';
import { AdjacencyGraph, type AdjacencyPair } from '../../domain/adjacency';
import { contiguity } from '../../domain/contiguity';

// A strip a–b–c–d, a corner-only contact d·e, and f on its own (an island).
const pairs: AdjacencyPair[] = [
  { a: '000001', b: '000002', borderM: 1200, kind: 'border' },
  { a: '000002', b: '000003', borderM: 800, kind: 'border' },
  { a: '000003', b: '000004', borderM: 50, kind: 'border' },
  { a: '000004', b: '000005', borderM: 0, kind: 'corner' },
];
// Built inside each test, so that a failure shows up in that test rather than when the file is collected.
const graph = () => new AdjacencyGraph(pairs);

describe('contiguity', () => {
  it('finds one part for a connected set, whatever the order', () => {
    expect(contiguity(['000003', '000001', '000002'], graph().neighbours)).toEqual({
      contiguous: true,
      components: [['000001', '000002', '000003']],
      isolated: [],
    });
  });

  it('splits a set with a gap into parts, largest first', () => {
    const result = contiguity(['000004', '000001', '000002'], graph().neighbours);
    expect(result.contiguous).toBe(false);
    expect(result.components).toEqual([['000001', '000002'], ['000004']]);
  });

  it('does not join Comuni that touch only at a corner', () => {
    const result = contiguity(['000004', '000005'], graph().neighbours);
    expect(result.components).toEqual([['000004'], ['000005']]);
    // 000005 has no border with anyone: it is isolated (like an island or an exclave).
    expect(result.isolated).toEqual(['000005']);
  });

  it('lists a Comune without any neighbour as isolated even when alone', () => {
    expect(contiguity(['000006'], graph().neighbours)).toEqual({
      contiguous: true,
      components: [['000006']],
      isolated: ['000006'],
    });
  });

  it('ignores duplicates and treats an empty set as not contiguous', () => {
    expect(contiguity(['000001', '000001'], graph().neighbours).components).toEqual([['000001']]);
    expect(contiguity([], graph().neighbours)).toEqual({ contiguous: false, components: [], isolated: [] });
  });
});

describe('adjacency graph', () => {
  it('lists the neighbours sharing a border, sorted by code, in both directions', () => {
    const g = new AdjacencyGraph([
      { a: '000005', b: '000003', borderM: 10, kind: 'border' },
      { a: '000003', b: '000001', borderM: 20, kind: 'border' },
      { a: '000004', b: '000003', borderM: 30, kind: 'border' },
      { a: '000003', b: '000002', borderM: 0, kind: 'corner' },
    ]);
    expect(g.neighbours('000003')).toEqual(['000001', '000004', '000005']);
    expect(g.neighbours('000001')).toEqual(['000003']);
    expect(g.neighbours('000002')).toEqual([]);
    expect(g.neighbours('999999')).toEqual([]);
  });
});

describe('contiguity, ordering', () => {
  it('puts the larger part first even when its codes come later', () => {
    expect(contiguity(['000001', '000004', '000003'], graph().neighbours)).toEqual({
      contiguous: false,
      components: [['000003', '000004'], ['000001']],
      isolated: [],
    });
  });

  it('orders parts of the same size by their first code, and isolated Comuni by code', () => {
    const expected = { contiguous: false, components: [['000006'], ['000009']], isolated: ['000006', '000009'] };
    expect(contiguity(['000009', '000006'], graph().neighbours)).toEqual(expected);
    expect(contiguity(['000006', '000009'], graph().neighbours)).toEqual(expected);
    expect(contiguity(['000004', '000001'], graph().neighbours).components).toEqual([['000001'], ['000004']]);
  });

  it('asks the neighbour lookup only about members', () => {
    // A lookup that knows the members alone, e.g. a slice of the graph loaded for this territory.
    const borders: Record<string, string[]> = { '000001': ['000002', '000009'], '000002': ['000001'] };
    const membersOnly = (code: string) => {
      const list = borders[code];
      if (!list) throw new Error(`Not a member: ${code}`);
      return list;
    };
    expect(contiguity(['000002', '000001'], membersOnly)).toEqual({ contiguous: true, components: [['000001', '000002']], isolated: [] });
  });
});
