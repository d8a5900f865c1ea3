import { usePlannerStore } from './planner-store';
import type { ShownPlan } from './plan-view';

/** The plan on the map and in the panel (the last finished run), or null. */
export const useShownPlan = (): ShownPlan | null => usePlannerStore((s) => s.current?.shown ?? null);
