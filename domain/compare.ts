/** One territory in a comparison: an alliance, an existing association or any list of Comuni. */
export interface ComparedTerritory {
  /** Unique among the compared items (e.g. "a12" for alliance 12, "s5" for association 5). */
  key: string;
  label: string;
  /** ISTAT codes; repeated codes count once. */
  members: readonly string[];
}

/** Members two items have in common, sorted. */
export interface SharedMembers {
  a: string;
  b: string;
  codes: string[];
}

export interface MemberComparison {
  /** Every pair of items (in the items' order, a before b), also those sharing no member. */
  shared: SharedMembers[];
  /** For each item's key: its members that belong to no other item, sorted. */
  only: Record<string, string[]>;
  /** Members of every item, sorted (none when there are no items). */
  inAll: string[];
}

/**
 * Which Comuni the compared territories share, pair by pair, which belong to one territory only and
 * which to all of them. Pure and deterministic: pairs follow the items' order, codes are sorted.
 * Keys must be unique: a repeated key is a programming error and throws.
 */
export function compareMembers(items: readonly ComparedTerritory[]): MemberComparison {
  const sets = items.map((item) => new Set(item.members));
  const keys = new Set<string>();
  for (const item of items) {
    if (keys.has(item.key)) throw new Error(`Compared territory ${item.key} appears twice`);
    keys.add(item.key);
  }

  const shared: SharedMembers[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const other = sets[j] as Set<string>;
      const codes = [...(sets[i] as Set<string>)].filter((code) => other.has(code)).sort();
      shared.push({ a: (items[i] as ComparedTerritory).key, b: (items[j] as ComparedTerritory).key, codes });
    }
  }

  // How many items each Comune belongs to.
  const count = new Map<string, number>();
  for (const set of sets) for (const code of set) count.set(code, (count.get(code) ?? 0) + 1);

  const only: Record<string, string[]> = {};
  items.forEach((item, i) => {
    only[item.key] = [...(sets[i] as Set<string>)].filter((code) => count.get(code) === 1).sort();
  });
  const inAll = items.length === 0 ? [] : [...count].filter(([, n]) => n === items.length).map(([code]) => code).sort();
  return { shared, only, inAll };
}

/** The members one item shares with each other item, in the items' order (pairs seen from `key`). */
export function sharedWith(comparison: MemberComparison, key: string): { key: string; codes: string[] }[] {
  return comparison.shared.flatMap((pair) => {
    if (pair.a === key) return [{ key: pair.b, codes: pair.codes }];
    if (pair.b === key) return [{ key: pair.a, codes: pair.codes }];
    return [];
  });
}
