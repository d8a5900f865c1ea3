import { describe, expect, it } from 'vitest';
import { allianceBorders, colourAlliances, PLAN_PALETTE } from '../../client/planner/plan-colours';

/** A border lookup from pairs of codes. */
const lookup = (pairs: [string, string][]) => (code: string) => pairs.flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : []));

describe('plan colours', () => {
  it('finds which alliances border which from their members', () => {
    const borders = allianceBorders([['a', 'b'], ['c'], ['d']], lookup([['a', 'b'], ['b', 'c'], ['x', 'd']]));
    expect(borders.map((s) => [...s].sort())).toEqual([[1], [0], []]);
  });

  it('gives bordering alliances different colours (a wheel: a hub bordering a ring of five)', () => {
    const ring = [1, 2, 3, 4, 5];
    const borders = [new Set(ring), ...ring.map((i) => new Set([0, i === 1 ? 5 : i - 1, i === 5 ? 1 : i + 1]))];
    const colours = colourAlliances(borders);
    for (const [i, near] of borders.entries()) for (const j of near) expect(colours[i]).not.toBe(colours[j]);
    expect(Math.max(...colours)).toBeLessThan(PLAN_PALETTE.length);
    // Largest degree first: the hub takes the first colour.
    expect(colours[0]).toBe(0);
  });

  it('past the palette, takes the colour fewest neighbours use', () => {
    // Four alliances all bordering each other, with three colours: the last one shares with exactly one.
    const all = [0, 1, 2, 3].map((i) => new Set([0, 1, 2, 3].filter((j) => j !== i)));
    const colours = colourAlliances(all, 3);
    expect(new Set(colours).size).toBe(3);
    expect(colours.every((c) => c >= 0 && c < 3)).toBe(true);
  });

  it('spreads the palette: alliances far apart take colours not used yet', () => {
    const apart = [0, 1, 2, 3, 4].map(() => new Set<number>());
    expect(colourAlliances(apart)).toEqual([0, 1, 2, 3, 4]);
    expect(colourAlliances(apart, 2)).toEqual([0, 1, 0, 1, 0]);
  });

  it('uses Okabe–Ito colours, all different', () => {
    expect(new Set(PLAN_PALETTE).size).toBe(PLAN_PALETTE.length);
    expect(PLAN_PALETTE).toContain('#E69F00');
  });
});
