import { describe, expect, it } from 'vitest';
import { isSimple, repairPolygon, ringArea, simpleRings } from '../../server/tiles/repair';

type Ring = [number, number][];
const square = (x: number, y: number, size: number): Ring => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
const reversed = (ring: Ring): Ring => [...ring].reverse();

describe('tile polygon repair (MVT 2.1 §4.3.4.4, what GEOS accepts)', () => {
  it('leaves a valid polygon as it is, hole included', () => {
    const shell = square(0, 0, 100);
    const hole = reversed(square(10, 10, 20));
    expect(ringArea(shell)).toBe(10_000); // exterior: positive in tile coordinates (y down)
    expect(ringArea(hole)).toBe(-400);
    expect(isSimple([shell, hole])).toBe(true);
    expect(repairPolygon([shell, hole])).toEqual([shell, hole]);
  });

  it('turns a bow tie into its two triangles, each an exterior ring', () => {
    const bowtie: Ring = [[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]];
    expect(isSimple([bowtie])).toBe(false);
    const out = repairPolygon([bowtie])!;
    expect(out).toHaveLength(2);
    expect(out.map(ringArea)).toEqual([25, 25]);
    expect(isSimple([out[0]!])).toBe(true);
    expect(isSimple([out[1]!])).toBe(true);
  });

  it('drops rings that collapsed to a line or a point, and the feature when nothing is left', () => {
    expect(repairPolygon([[[5, 5], [9, 5], [5, 5]], [[1, 1], [1, 1], [1, 1], [1, 1]]])).toBeNull();
    expect(repairPolygon([square(0, 0, 10), [[50, 50], [60, 50], [50, 50]]])).toEqual([square(0, 0, 10)]);
  });

  it('removes a spike that doubles back along an edge', () => {
    const spike: Ring = [[0, 0], [10, 0], [20, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(isSimple([spike])).toBe(false);
    const out = repairPolygon([spike])!;
    expect(out.map(ringArea)).toEqual([100]);
    expect(isSimple(out)).toBe(true);
  });

  it('splits a ring pinched at one corner into two simple rings', () => {
    const pinched: Ring = [[0, 0], [10, 0], [10, 10], [20, 10], [20, 20], [10, 20], [10, 10], [0, 10], [0, 0]];
    expect(simpleRings(pinched).map(ringArea).sort()).toEqual([100, 100]);
  });

  it('keeps each hole with the exterior that holds it when a union returns several', () => {
    const bowtie: Ring = [[0, 0], [100, 100], [100, 0], [0, 100], [0, 0]];
    const hole = reversed(square(70, 40, 10)); // inside the right-hand triangle
    const out = repairPolygon([bowtie, hole])!;
    const holeAt = out.findIndex((r) => ringArea(r) < 0);
    expect(out.map(ringArea).filter((a) => a > 0)).toEqual([2500, 2500]);
    expect(ringArea(out[holeAt]!)).toBe(-100);
    const owner = out[holeAt - 1]!; // in MVT a hole follows its exterior
    expect(owner.some(([x]) => x === 100)).toBe(true);
  });

  it('leaves no corner of one part inside another part\'s edge, which GIS software reads as a crossing (a Comune on the overview grid)', () => {
    // A Comune of the province of Catania (086003) on the 512-unit overview grid (z6): rounding keeps
    // putting a corner of one part on the edge of another.
    const rings: Ring[] = [
      [[286, 397], [288, 391], [289, 393], [293, 391], [295, 395], [293, 398], [293, 401], [289, 405], [287, 404], [287, 402], [286, 397]],
      [[287, 407], [288, 406], [290, 408], [287, 410], [287, 407]],
      [[292, 402], [296, 403], [299, 405], [299, 406], [295, 408], [293, 408], [292, 405], [293, 403], [292, 402]],
    ];
    const out = repairPolygon(rings)!;
    const onEdgeInside = (p: [number, number], a: [number, number], b: [number, number]) =>
      (b[0] - a[0]) * (p[1] - a[1]) === (b[1] - a[1]) * (p[0] - a[0]) &&
      Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]) &&
      !(p[0] === a[0] && p[1] === a[1]) && !(p[0] === b[0] && p[1] === b[1]);
    const junctions = out.flatMap((ring, i) =>
      out.flatMap((other, j) => (i === j ? [] : ring.filter((p) => other.some((a, k) => k + 1 < other.length && onEdgeInside(p, a, other[k + 1]!))))),
    );
    expect(junctions).toEqual([]);
    expect(out.length).toBeGreaterThanOrEqual(1);
    expect(Math.abs(ringArea(out[0]!))).toBeGreaterThan(50); // the main part is kept
  });
});

