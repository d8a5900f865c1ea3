import type { Plan } from '../../domain/planner/types';
import { allianceBorders, colourAlliances } from './plan-colours';
import type { PlannerTables } from './plan-input';
import { summarise, type AllianceSummary } from './plan-summary';

/** A proposed alliance as the page shows it: its number, colour (palette index), label and facts. */
export interface ShownAlliance extends AllianceSummary {
  number: number;
  colour: number;
  /** Short label on the map: the association it keeps, or its largest Comune and how many more. */
  label: string;
}

export interface ShownPlan {
  alliances: ShownAlliance[];
  unassigned: string[];
}

/** Numbers, colours (bordering alliances differ) and names for a plan. */
export function viewOf(plan: Plan, tables: PlannerTables): ShownPlan {
  const summaries = summarise(plan, tables.atlas, tables.memberships);
  const colours = colourAlliances(allianceBorders(plan.alliances.map((a) => a.members), tables.neighbours));
  return {
    alliances: summaries.map((s, i) => ({
      ...s,
      number: i + 1,
      colour: colours[i] ?? 0,
      label: s.association ?? (s.members.length > 1 ? `${s.largest} +${s.members.length - 1}` : s.largest),
    })),
    unassigned: plan.unassigned.map((u) => u.code),
  };
}
