import type { AssociationRef } from './associations';

export interface Overlap extends AssociationRef {
  /** Members of the territory that already belong to this association, sorted. */
  members: string[];
}

/** Existing associations that members of a territory already belong to, most shared first. */
export function overlaps(
  members: Iterable<string>,
  membershipsOf: (code: string) => readonly AssociationRef[] | undefined,
): Overlap[] {
  const byId = new Map<number, Overlap>();
  for (const code of new Set(members)) {
    for (const ref of membershipsOf(code) ?? []) {
      const overlap = byId.get(ref.id);
      if (overlap) overlap.members.push(code);
      else byId.set(ref.id, { ...ref, members: [code] });
    }
  }
  const list = [...byId.values()];
  for (const o of list) o.members.sort();
  return list.sort((p, q) => q.members.length - p.members.length || p.kind.localeCompare(q.kind) || p.name.localeCompare(q.name));
}
