/**
 * The neighbour graph of the Comuni. Two Comuni are neighbours when they share a border of
 * positive length ("border"); a contact at a single point ("corner") is kept as a fact but does
 * not make them neighbours.
 */
export type AdjacencyKind = 'border' | 'corner';

export interface AdjacencyPair {
  a: string;
  b: string;
  borderM: number;
  kind: AdjacencyKind;
}

export type NeighbourLookup = (code: string) => readonly string[];

const NONE: readonly string[] = Object.freeze([]);

export class AdjacencyGraph {
  private readonly lists = new Map<string, string[]>();

  constructor(pairs: Iterable<AdjacencyPair>) {
    for (const { a, b, kind } of pairs) {
      if (kind !== 'border') continue;
      this.link(a, b);
      this.link(b, a);
    }
    for (const list of this.lists.values()) list.sort();
  }

  /** Neighbours sharing a border, sorted by code. */
  neighbours: NeighbourLookup = (code) => this.lists.get(code) ?? NONE;

  private link(from: string, to: string): void {
    const list = this.lists.get(from);
    if (list) list.push(to);
    else this.lists.set(from, [to]);
  }
}
