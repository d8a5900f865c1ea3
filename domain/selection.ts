/**
 * A selection of Comuni with undo and redo. Immutable: every operation returns a new value,
 * and an operation that changes nothing returns the same value (so it adds no undo step).
 */
export interface Selection {
  readonly past: readonly (readonly string[])[];
  readonly members: readonly string[];
  readonly future: readonly (readonly string[])[];
}

export const emptySelection = (members: readonly string[] = []): Selection => ({ past: [], members: [...new Set(members)], future: [] });

function commit(s: Selection, members: readonly string[]): Selection {
  if (members.length === s.members.length && members.every((m, i) => m === s.members[i])) return s;
  return { past: [...s.past, s.members], members, future: [] };
}

/** Adds a Comune that is not a member, removes one that is. */
export function toggle(s: Selection, code: string): Selection {
  return s.members.includes(code) ? commit(s, s.members.filter((m) => m !== code)) : commit(s, [...s.members, code]);
}

export function add(s: Selection, codes: Iterable<string>): Selection {
  const present = new Set(s.members);
  const added = [...new Set(codes)].filter((c) => !present.has(c));
  return added.length === 0 ? s : commit(s, [...s.members, ...added]);
}

export function remove(s: Selection, codes: Iterable<string>): Selection {
  const gone = new Set(codes);
  return commit(s, s.members.filter((m) => !gone.has(m)));
}

/** Replaces the whole selection (e.g. "start from this Unione"), as one undoable step. */
export function replace(s: Selection, codes: Iterable<string>): Selection {
  return commit(s, [...new Set(codes)]);
}

/** Every Comune bordering the selection and not in it. */
export function frontier(members: readonly string[], neighbours: (code: string) => readonly string[]): string[] {
  const inside = new Set(members);
  const out = new Set<string>();
  for (const m of members) for (const n of neighbours(m)) if (!inside.has(n)) out.add(n);
  return [...out].sort();
}

export function undo(s: Selection): Selection {
  const previous = s.past[s.past.length - 1];
  return previous === undefined ? s : { past: s.past.slice(0, -1), members: previous, future: [s.members, ...s.future] };
}

export function redo(s: Selection): Selection {
  const next = s.future[0];
  return next === undefined ? s : { past: [...s.past, s.members], members: next, future: s.future.slice(1) };
}
