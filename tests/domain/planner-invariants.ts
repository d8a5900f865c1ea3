/** What every plan must satisfy, whatever the search found. */
import { expect } from 'vitest';
import { contiguity } from '../../domain/contiguity';
import type { Plan, PlanInput } from '../../domain/planner';

export function expectValidPlan(input: PlanInput, plan: Plan): void {
  const floor = input.options.minPopulation;
  const population = new Map(input.units.map((u) => [u.code, u.population]));
  const seen: string[] = [];
  for (const alliance of plan.alliances) {
    expect(contiguity(alliance.members, input.neighbours).contiguous, alliance.members.join(',')).toBe(true);
    const total = alliance.members.reduce((s, c) => s + (population.get(c) ?? NaN), 0);
    expect(alliance.population).toBe(total);
    expect(total).toBeGreaterThanOrEqual(floor);
    expect(alliance.members).toEqual([...alliance.members].sort());
    seen.push(...alliance.members);
  }
  seen.push(...plan.unassigned.map((u) => u.code));
  // Every Comune exactly once.
  expect(seen.sort()).toEqual(input.units.map((u) => u.code).sort());
  expect(plan.score.alliances).toBe(plan.alliances.length);
  expect(plan.score.alliances).toBeLessThanOrEqual(plan.score.upperBound);

  // An unassigned Comune is in a connected piece of the territory below the floor (the only case where the
  // search leaves any out), and its reason says which kind.
  const codes = input.units.map((u) => u.code);
  const inside = (code: string) => population.has(code);
  const within: typeof input.neighbours = (c) => input.neighbours(c).filter(inside);
  const pieces = contiguity(codes, within).components;
  for (const { code, reason } of plan.unassigned) {
    const piece = pieces.find((p) => p.includes(code)) as string[];
    expect(piece.reduce((s, c) => s + (population.get(c) as number), 0)).toBeLessThan(floor);
    expect(reason).toBe(piece.length === 1 ? 'isolated' : 'component_below_floor');
  }

  for (const group of input.options.locked ?? []) {
    const home = plan.alliances.filter((a) => group.some((c) => a.members.includes(c)));
    if (home.length > 0) {
      expect(home).toHaveLength(1);
      expect(group.every((c) => home[0]?.members.includes(c))).toBe(true);
    }
  }
}
