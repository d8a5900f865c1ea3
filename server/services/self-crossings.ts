import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';

type Point = [number, number];

/** Whether segments ab and cd meet (ends included; parallel segments are not counted, as in turf's kinks). */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const denominator = (d[1] - c[1]) * (b[0] - a[0]) - (d[0] - c[0]) * (b[1] - a[1]);
  if (denominator === 0) return false;
  const dy = a[1] - c[1];
  const dx = a[0] - c[0];
  const alongAb = ((d[0] - c[0]) * dy - (d[1] - c[1]) * dx) / denominator;
  const alongCd = ((b[0] - a[0]) * dy - (b[1] - a[1]) * dx) / denominator;
  return alongAb >= 0 && alongAb <= 1 && alongCd >= 0 && alongCd <= 1;
}

/**
 * How many times a polygon's outline crosses itself (its rings, and its rings one another), counted
 * up to `atMost + 1` and no further: a zigzag or a star with hundreds of thousands of crossings costs
 * no more than one with a few. Edges are paired only when their boxes meet (a flatbush index of the
 * edges), so an outline that never crosses costs about n log n, not n².
 */
export function selfCrossings(polygon: Polygon, atMost: number): number {
  const edges: { ring: number; i: number; a: Point; b: Point }[] = [];
  polygon.coordinates.forEach((ring, r) => {
    for (let i = 1; i < ring.length; i++) edges.push({ ring: r, i: i - 1, a: ring[i - 1] as Point, b: ring[i] as Point });
  });
  if (edges.length < 2) return 0;
  const index = new Flatbush(edges.length);
  for (const { a, b } of edges) index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  const lastOfRing = polygon.coordinates.map((ring) => ring.length - 2);
  /** Neighbouring edges of one ring share a vertex: that is no crossing. */
  const adjacent = (p: (typeof edges)[number], q: (typeof edges)[number]) =>
    p.ring === q.ring && (Math.abs(p.i - q.i) === 1 || (Math.min(p.i, q.i) === 0 && Math.max(p.i, q.i) === lastOfRing[p.ring]));
  let crossings = 0;
  for (let e = 0; e < edges.length; e++) {
    const p = edges[e]!;
    const others = index.search(Math.min(p.a[0], p.b[0]), Math.min(p.a[1], p.b[1]), Math.max(p.a[0], p.b[0]), Math.max(p.a[1], p.b[1]));
    for (const o of others) {
      if (o <= e) continue;
      const q = edges[o]!;
      if (!adjacent(p, q) && segmentsMeet(p.a, p.b, q.a, q.b) && ++crossings > atMost) return crossings;
    }
  }
  return crossings;
}
