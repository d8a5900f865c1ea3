import { contiguity } from '../contiguity';
import { MAX_FLOOR, MIN_FLOOR } from './limits';
import type { PlanInput, PlanInputError } from './types';

/** The first reason the planner cannot take this input, or null when it can. */
export function validatePlanInput(input: PlanInput): PlanInputError | null {
  if (input.units.length === 0) return { kind: 'empty_area' };
  const floor = input.options.minPopulation;
  if (!(floor >= MIN_FLOOR && floor <= MAX_FLOOR)) return { kind: 'floor_out_of_range', min: MIN_FLOOR, max: MAX_FLOOR };

  const codes = new Set<string>();
  for (const unit of input.units) {
    if (codes.has(unit.code)) return { kind: 'duplicate_code', code: unit.code };
    codes.add(unit.code);
    if (!(Number.isFinite(unit.population) && unit.population >= 0)) return { kind: 'invalid_population', code: unit.code };
  }

  const lockOf = new Map<string, number>();
  const locks = input.options.locked ?? [];
  for (const [index, group] of locks.entries()) {
    for (const code of group) {
      if (!codes.has(code)) return { kind: 'lock_unknown_code', code };
      const other = lockOf.get(code);
      if (other !== undefined && other !== index) return { kind: 'lock_overlap', code };
      lockOf.set(code, index);
    }
    if (group.length > 0 && !contiguity(group, input.neighbours).contiguous) {
      return { kind: 'lock_not_contiguous', code: [...group].sort()[0] as string };
    }
  }
  return null;
}
