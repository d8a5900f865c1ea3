import type { Plan, PlanOptions, PlanUnit } from '../../domain/planner/types';

/**
 * What the HTTP thread sends the planner's worker thread, and what comes back: plain data
 * (structured clone), so no functions — the neighbour lookup travels as lists.
 */
export interface PlanJob {
  units: PlanUnit[];
  /** Each unit's border neighbours inside the territory. */
  neighbours: Record<string, string[]>;
  options: Omit<PlanOptions, 'onProgress' | 'now'>;
  /** Members of each association in all, inside the territory or not (see PlanInput). */
  associationSizes: Record<string, number>;
}

export type PlanReply = { plan: Plan; planMs: number } | { failure: string };
