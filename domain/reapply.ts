/**
 * Re-applying one's edit on top of someone else's newer save (after a 409): a three-way merge of
 * what the editor started from (`base`), what they made of it (`mine`) and what is stored now
 * (`theirs`). What the editor changed wins; what they left alone takes the newer value. Lists are
 * merged by key (members by code, partners by name, services by code), so additions and removals
 * on both sides survive.
 */
export interface EditableContent {
  name: string;
  description: string;
  status: string;
  ruleSetId: string;
  runningCostCents: number;
  members: readonly string[];
  /** Per member: the lead flag (statuses are the members' own and always come from `theirs`). */
  leads: Readonly<Record<string, boolean>>;
  partners: readonly { name: string }[];
  services: readonly { code: string }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pick = <T>(base: T, mine: T, theirs: T): T => (same(mine, base) ? theirs : mine);

/** Keyed lists: theirs, with each of my additions, removals and changes applied; their order, mine appended. */
function mergeKeyed<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[], key: (item: T) => string): T[] {
  const b = new Map(base.map((x) => [key(x), x]));
  const m = new Map(mine.map((x) => [key(x), x]));
  const result = new Map(theirs.map((x) => [key(x), x]));
  for (const k of new Set([...b.keys(), ...m.keys()])) {
    if (same(b.get(k), m.get(k))) continue; // I did not touch it
    const mineItem = m.get(k);
    if (mineItem === undefined) result.delete(k);
    else result.set(k, mineItem);
  }
  return [...result.values()];
}

export function reapply(base: EditableContent, mine: EditableContent, theirs: EditableContent): EditableContent {
  const members = mergeKeyed(base.members, mine.members, theirs.members, (c) => c);
  const leadChanged = !same(base.leads, mine.leads);
  // One lead at most: mine if I chose one, else theirs (if still a member).
  const leadOf = (leads: Readonly<Record<string, boolean>>) => Object.keys(leads).find((c) => leads[c]) ?? null;
  const lead = leadChanged ? leadOf(mine.leads) : leadOf(theirs.leads);
  return {
    name: pick(base.name, mine.name, theirs.name),
    description: pick(base.description, mine.description, theirs.description),
    status: pick(base.status, mine.status, theirs.status),
    ruleSetId: pick(base.ruleSetId, mine.ruleSetId, theirs.ruleSetId),
    runningCostCents: pick(base.runningCostCents, mine.runningCostCents, theirs.runningCostCents),
    members,
    leads: Object.fromEntries(members.map((c) => [c, c === lead])),
    partners: mergeKeyed(base.partners, mine.partners, theirs.partners, (p) => p.name),
    services: mergeKeyed(base.services, mine.services, theirs.services, (s) => s.code),
  };
}
