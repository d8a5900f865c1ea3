import type { AtlasTable, MembershipTable } from '../../domain/atlas-table';
import type { Plan } from '../../domain/planner/types';
import { isSmallComune } from '../../domain/thresholds';

/** One proposed alliance as the table and its explanation show it. */
export interface AllianceSummary {
  members: string[];
  population: number;
  /** The association it keeps that holds at least half its members, else null (then named after `largest`). */
  association: string | null;
  /** Its most populous member's name. */
  largest: string;
  /** Where its label goes: the most populous member's label point. */
  labelAt: [number, number];
  small: number;
  mountain: number;
  kept: string[];
  split: string[];
  sll: { name: string; members: number } | null;
  snai: { name: string; members: number } | null;
  marginOverFloor: number;
}

/** Names and facts of a plan's alliances, from the tables the page has. */
export function summarise(plan: Plan, atlas: AtlasTable, memberships: MembershipTable): AllianceSummary[] {
  const rowOf = new Map(atlas.code.map((c, i) => [c, i]));
  const names = new Map(memberships.associations.map((a) => [String(a.id), a.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return plan.alliances.map((a) => {
    const rows = a.members.map((c) => rowOf.get(c)).filter((i): i is number => i !== undefined);
    const largest = rows.reduce((best, i) => ((atlas.population[i] ?? 0) > (atlas.population[best] ?? 0) ? i : best), rows[0] as number);
    let association: string | null = null;
    let most = 0;
    for (const id of a.explanation.associationsKept) {
      const count = rows.filter((i) => (memberships.rows[i] ?? []).some((k) => String(memberships.associations[k]?.id) === id)).length;
      if (count > most) {
        most = count;
        association = nameOf(id);
      }
    }
    const { mainSll, mainSnai } = a.explanation;
    return {
      members: a.members,
      population: a.population,
      association: most * 2 >= a.members.length ? association : null,
      largest: atlas.name[largest] ?? '',
      labelAt: [atlas.lon[largest] as number, atlas.lat[largest] as number],
      small: rows.filter((i) => isSmallComune(atlas.population[i] ?? null)).length,
      mountain: rows.filter((i) => atlas.mountain[i] === 1).length,
      kept: a.explanation.associationsKept.map(nameOf),
      split: a.explanation.associationsSplit.map(nameOf),
      sll: mainSll ? { name: nameOf(mainSll.code), members: mainSll.members } : null,
      snai: mainSnai ? { name: nameOf(mainSnai.id), members: mainSnai.members } : null,
      marginOverFloor: a.explanation.marginOverFloor,
    };
  });
}
