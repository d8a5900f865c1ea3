import * as polyclip from 'polyclip-ts';
import type { GeoJSONVTFeature, GeoJSONVTTile } from '@maplibre/geojson-vt';

type Point = [number, number];
type Ring = Point[];

/** The surveyor's formula in tile coordinates (y down): positive for an MVT exterior ring. */
export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return sum / 2;
}

/**
 * A closed ring without repeated consecutive points, or null when fewer than three corners remain
 * or (with `needArea`) when it encloses nothing. A bow tie's halves cancel out: before the union,
 * such rings are kept.
 */
function cleanRing(ring: readonly Point[], needArea = true): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  if (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3 || (needArea && ringArea([...out, out[0]!]) === 0)) return null;
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** The rings of a tile feature as polygons: each exterior ring followed by its holes. */
function polygonsOf(rings: readonly Ring[]): Ring[][] {
  const polygons: Ring[][] = [];
  for (const ring of rings) {
    if (ringArea(ring) > 0 || polygons.length === 0) polygons.push([ring]);
    else polygons[polygons.length - 1]!.push(ring);
  }
  return polygons;
}

/**
 * A polygon feature's rings made valid for GEOS and the MVT 2.1 spec (§4.3.4.4): simplification at
 * low zoom can make a ring cross itself or its neighbour, or collapse to a line. The rings are
 * resolved by a polygon union (self-crossings by the non-zero rule), rounded back onto the tile grid,
 * and rings left without area are dropped; exterior rings get positive area, holes negative.
 * Returns null when nothing with area remains.
 */
export function repairPolygon(rings: readonly Ring[]): Ring[] | null {
  const clean = rings.map((r) => cleanRing(r, false)).filter((r): r is Ring => r !== null);
  if (clean.length === 0) return null;
  if (isSimple(clean)) return clean;
  let current = clean;
  // Rounding the union back onto the grid can leave a corner on another edge: union again (rarely).
  for (let pass = 0; pass < 3; pass++) {
    const next = unionOnGrid(current);
    if (!next) return pass === 0 ? clean : current; // the union library gave up: keep the last rings
    if (next.length === 0) return null;
    current = next;
    if (isSimple(current) || current.reduce((n, r) => n + r.length, 0) > PAIRWISE_LIMIT) break;
  }
  return current.reduce((n, r) => n + r.length, 0) > PAIRWISE_LIMIT || isSimple(current) ? current : largestSimple(current);
}

/**
 * When rounding keeps leaving a corner of one part on another part's edge (on coarse grids, as the
 * overview's): such a T-junction is a crossing once GIS software turns the grid into map units. The
 * parts are kept largest first, each polygon (exterior and holes) only if it meets those kept at
 * shared corners at most. What is left out is a sliver of a unit or two.
 */
function largestSimple(rings: readonly Ring[]): Ring[] | null {
  const parts = polygonsOf(rings).sort((a, b) => Math.abs(ringArea(b[0]!)) - Math.abs(ringArea(a[0]!)));
  const kept: Ring[] = [];
  for (const part of parts) if (!part.some((ring) => kept.some((other) => meetBadly(ring, other)))) kept.push(...part);
  return kept.length > 0 ? kept : null;
}

/** Whether two rings cross, overlap along an edge, or one has a corner inside the other's edge (sharing corners is fine). */
function meetBadly(a: Ring, b: Ring): boolean {
  const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];
  for (let i = 0; i + 1 < a.length; i++) {
    const [p, q] = [a[i]!, a[i + 1]!];
    for (let j = 0; j + 1 < b.length; j++) {
      const [r, t] = [b[j]!, b[j + 1]!];
      if (!touch(p, q, r, t)) continue;
      const s = [p, q].find((x) => same(x, r) || same(x, t));
      const sharedBoth = (same(p, r) || same(p, t)) && (same(q, r) || same(q, t));
      if (s && !sharedBoth) {
        // Edges meeting only at one shared corner are allowed, unless they run along each other from it.
        const u = same(s, p) ? q : p;
        const v = same(s, r) ? t : r;
        if (!(cross(s, u, v) === 0 && (u[0] - s[0]) * (v[0] - s[0]) + (u[1] - s[1]) * (v[1] - s[1]) > 0)) continue;
      }
      return true;
    }
  }
  return false;
}

/** The union of the rings (non-zero rule) rounded onto the tile grid; null when the union fails. */
function unionOnGrid(rings: readonly Ring[]): Ring[] | null {
  let union: polyclip.Geom;
  try {
    union = polyclip.union(polygonsOf(rings) as polyclip.Geom);
  } catch {
    return null;
  }
  const out: Ring[] = [];
  for (const [shell, ...holes] of union as Point[][][]) {
    // Rounding onto the grid can pinch a ring (two corners on one point): GEOS calls that a
    // self-intersection, so a pinched ring is split into simple rings at the shared point.
    const shells = simpleRings(rounded(shell ?? []));
    const inner = new Set(holes.flatMap((h) => simpleRings(rounded(h))));
    for (const exterior of shells) {
      if (ringArea(exterior) < 0) exterior.reverse(); // a loop pinched off a shell is still land
      out.push(exterior);
      for (const hole of inner) {
        if (!contains(exterior, hole)) continue;
        if (ringArea(hole) > 0) hole.reverse();
        out.push(hole);
        inner.delete(hole);
      }
    }
  }
  return out;
}

/** Above this many corners a feature goes straight to the union: checking every pair would cost more. */
const PAIRWISE_LIMIT = 400;

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const within = (p: Point, a: Point, b: Point) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Whether two segments share any point (exact: tile coordinates are integers). */
function touch(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && within(a, c, d)) || (d2 === 0 && within(b, c, d)) || (d3 === 0 && within(c, a, b)) || (d4 === 0 && within(d, a, b));
}

/**
 * True when no two edges of the rings meet except consecutive edges of a ring at their shared corner
 * (and those not folding back on each other): what GEOS accepts, checked pair by pair for small
 * features. Larger ones answer false and go through the union.
 */
export function isSimple(rings: readonly Ring[]): boolean {
  const edges: [Point, Point, number, number][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    for (let i = 0; i < ring.length - 1; i++) edges.push([ring[i]!, ring[i + 1]!, r, i]);
  }
  if (edges.length > PAIRWISE_LIMIT) return false;
  for (let i = 0; i < edges.length; i++) {
    const [a, b, ra, ia] = edges[i]!;
    for (let j = i + 1; j < edges.length; j++) {
      const [c, d, rc, ic] = edges[j]!;
      const last = rings[ra]!.length - 2;
      const adjacent = ra === rc && (ic === ia + 1 || (ia === 0 && ic === last));
      if (adjacent) {
        // Consecutive edges meet at one corner; they must not run back along each other (a spike).
        const [p, q, r] = ic === ia + 1 ? [a, b, d] : [b, a, c];
        if (cross(p, q, r) === 0 && (q[0] - p[0]) * (r[0] - q[0]) + (q[1] - p[1]) * (r[1] - q[1]) < 0) return false;
        continue;
      }
      if (touch(a, b, c, d)) return false;
    }
  }
  return true;
}

const rounded = (ring: readonly Point[]): Ring => ring.map(([x, y]) => [Math.round(x), Math.round(y)]);

/** A ring split where it passes twice through one point, each part closed and cleaned; parts without area dropped. */
export function simpleRings(ring: readonly Point[]): Ring[] {
  const clean = cleanRing(ring);
  if (!clean) return [];
  const open = clean.slice(0, -1);
  const parts: Ring[] = [];
  const stack: Ring = [];
  const seen = new Map<string, number>();
  for (const p of open) {
    const key = `${p[0]},${p[1]}`;
    const at = seen.get(key);
    if (at !== undefined) {
      const loop = stack.splice(at);
      for (const q of loop) seen.delete(`${q[0]},${q[1]}`);
      const part = cleanRing([...loop, loop[0]!]);
      if (part) parts.push(part);
    }
    seen.set(key, stack.length);
    stack.push(p);
  }
  const rest = cleanRing([...stack, stack[0]!]);
  if (rest) parts.push(rest);
  return parts;
}

/** Whether a hole lies in an exterior ring: one of its corners strictly inside (ray casting). */
function contains(exterior: readonly Point[], hole: readonly Point[]): boolean {
  for (const [px, py] of hole) {
    let inside = false;
    let onEdge = false;
    for (let i = 0, j = exterior.length - 1; i < exterior.length; j = i++) {
      const [xi, yi] = exterior[i]!;
      const [xj, yj] = exterior[j]!;
      if ((px - xi) * (yj - yi) === (py - yi) * (xj - xi) && Math.min(xi, xj) <= px && px <= Math.max(xi, xj) && Math.min(yi, yj) <= py && py <= Math.max(yi, yj)) onEdge = true;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
    if (!onEdge) return inside;
  }
  return false;
}

/** The tile's polygon features repaired (see repairPolygon); lines and points pass unchanged. */
export function repairTile(tile: GeoJSONVTTile): GeoJSONVTFeature[] {
  const features: GeoJSONVTFeature[] = [];
  for (const feature of tile.features) {
    if (feature.type !== 3) {
      features.push(feature);
      continue;
    }
    const rings = repairPolygon(feature.geometry);
    if (rings) features.push({ ...feature, geometry: rings });
  }
  return features;
}
