import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { selfCrossings } from '../../server/services/self-crossings';
import { prepareDrawnArea, boundDrawnAreaCost, DRAWN_AREA_LIMITS } from '../../server/services/drawn-area';
import { ComuneBoxes } from '../../server/data/comune-boxes';
import { comb, star } from '../bench/hostile';

type Ring = [number, number][];
const polygon = (...rings: Ring[]): Polygon => ({ type: 'Polygon', coordinates: rings });
const square = (w: number, s: number, size: number): Ring => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];

describe('selfCrossings', () => {
  it('counts where an outline crosses itself, not where its edges meet at a vertex', () => {
    expect(selfCrossings(polygon(square(0, 0, 1)), 20)).toBe(0);
    expect(selfCrossings(polygon([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]), 20)).toBe(1);
    // Two loops: a figure of eight drawn twice over crosses three times.
    expect(selfCrossings(polygon([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0.5], [1.5, 2], [1.5, 0], [0, 0]]), 20)).toBeGreaterThanOrEqual(3);
    expect(selfCrossings(polygon(comb()), 20)).toBe(0);
  });

  it('counts a hole that crosses the outer ring', () => {
    expect(selfCrossings(polygon(square(0, 0, 4), square(1, 1, 1)), 20)).toBe(0);
    expect(selfCrossings(polygon(square(0, 0, 4), square(3, 1, 2)), 20)).toBe(2);
  });

  it('stops counting past the limit: a star of half a million crossings counts 21', () => {
    expect(selfCrossings(polygon(star(999, 499)), 20)).toBe(21);
    expect(selfCrossings(polygon(star(999, 499)), 0)).toBe(1);
  });
});

describe('prepareDrawnArea', () => {
  it('refuses a star polygon with the reason, without counting all its crossings', () => {
    expect(() => prepareDrawnArea(polygon(star(999, 499)))).toThrow(/si incrocia più di 20 volte:.* crosses itself more than 20 times/);
  });
});

describe('the cost of a drawn area, from the Comuni’s boxes', () => {
  // A 10 × 10 grid of unit "Comuni" of 100 vertices each.
  const grid = new ComuneBoxes(Array.from({ length: 100 }, (_, i) => ({ w: i % 10, s: Math.floor(i / 10), e: (i % 10) + 1, n: Math.floor(i / 10) + 1, vertices: 100 })));

  it('reads every Comune in the area’s box, and overlays those its edges may cross with the whole area', () => {
    // Inside one Comune: that one read, and overlaid (5 + 100).
    expect(grid.overlayCost(polygon(square(2.2, 2.2, 0.5)))).toBe(100 + 105);
    // Across 3 × 3 cells: all 9 read, the 8 around the middle one overlaid.
    expect(grid.overlayCost(polygon(square(2.5, 2.5, 2)))).toBe(9 * 100 + 8 * 105);
    expect(grid.overlayCost(polygon(square(20, 20, 1)))).toBe(0);
  });

  it('grows with the outline’s vertices times the Comuni it crosses, and stops past the budget', () => {
    // 9 × 9 cells read, the 32 along the outline overlaid: with 5 vertices, then with 404.
    expect(grid.overlayCost(polygon(square(0.5, 0.5, 8)))).toBe(81 * 100 + 32 * 105);
    const fine: Ring = [];
    for (let i = 0; i <= 400; i++) fine.push([0.5 + (8 * i) / 400, 0.5]);
    fine.push([8.5, 8.5], [0.5, 8.5], [0.5, 0.5]);
    expect(grid.overlayCost(polygon(fine))).toBe(81 * 100 + 32 * 504);
    expect(grid.overlayCost(polygon(fine), 1_000)).toBeLessThan(grid.overlayCost(polygon(fine)));
  });

  it('refuses (invalid) above the budget, with the reason', () => {
    const italy = new ComuneBoxes(Array.from({ length: 8_000 }, (_, i) => ({ w: 6.5 + (i % 100) * 0.12, s: 36.5 + Math.floor(i / 100) * 0.13, e: 6.62 + (i % 100) * 0.12, n: 36.63 + Math.floor(i / 100) * 0.13, vertices: 150 })));
    expect(DRAWN_AREA_LIMITS.cost).toBeGreaterThan(0);
    expect(() => boundDrawnAreaCost(polygon(comb()), italy)).toThrow(expect.objectContaining({ kind: 'invalid', message: expect.stringMatching(/troppo costoso .* too costly/) }));
    expect(() => boundDrawnAreaCost(polygon(square(10, 40, 1)), italy)).not.toThrow();
  });
});
