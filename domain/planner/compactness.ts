import type { PlanGraph } from './graph';

/**
 * Compactness by moment of inertia (Massam & Goodchild 1971; Li, Goodchild & Church 2013, "An efficient
 * measure of compactness for two-dimensional shapes and its application in regionalization problems",
 * IJGIS 27(6)): the moment of a disk of the same area over the shape's own moment, in (0, 1], 1 for a
 * disk. Each Comune counts as a disk of its area at its centroid, so the moment of a group is its members'
 * own moments plus their spread around the group's centre (parallel-axis theorem): sums that update in
 * O(1) when a Comune moves.
 */
export interface Shape {
  /** Area (km²). */
  a: number;
  /** Centre (km, on a local plane). */
  x: number;
  y: number;
  /** Own moment around the centre. */
  m: number;
}

const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

/** Each node's shape, or null when a Comune has no centroid (compactness is then not measured). */
export function nodeShapes(g: PlanGraph): Shape[] | null {
  if (g.units.some((u) => !u.centroid)) return null;
  const lat0 = g.units.reduce((s, u) => s + (u.centroid as readonly [number, number])[1], 0) / g.units.length;
  const lon0 = g.units.reduce((s, u) => s + (u.centroid as readonly [number, number])[0], 0) / g.units.length;
  const kmPerLon = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  const unitShapes: Shape[] = g.units.map((u) => {
    const [lon, lat] = u.centroid as readonly [number, number];
    const a = u.areaKm2 && u.areaKm2 > 0 ? u.areaKm2 : 1;
    return { a, x: (lon - lon0) * kmPerLon, y: (lat - lat0) * KM_PER_DEGREE_LAT, m: (a * a) / (2 * Math.PI) };
  });
  return g.members.map((units) => {
    const sum = new ShapeSum();
    for (const i of units) sum.add(unitShapes[i] as Shape, 1);
    return sum.shape();
  });
}

/** Running sums of a group's shapes. */
export class ShapeSum {
  a = 0;
  ax = 0;
  ay = 0;
  axx = 0;
  m = 0;

  /** Adds (sign 1) or removes (sign −1) a shape. */
  add(s: Shape, sign: 1 | -1): void {
    this.a += sign * s.a;
    this.ax += sign * s.a * s.x;
    this.ay += sign * s.a * s.y;
    this.axx += sign * s.a * (s.x * s.x + s.y * s.y);
    this.m += sign * s.m;
  }

  shape(): Shape {
    return { a: this.a, x: this.ax / this.a, y: this.ay / this.a, m: this.moment() };
  }

  moment(): number {
    return momentOf(this.a, this.ax, this.ay, this.axx, this.m);
  }

  /** In (0, 1]; 1 for an empty group. */
  compactness(): number {
    return compactnessOf(this.a, this.moment());
  }

  /** Compactness were `s` added (sign 1) or removed (−1), the sums unchanged. */
  compactnessWith(s: Shape, sign: 1 | -1): number {
    const a = this.a + sign * s.a;
    const moment = momentOf(a, this.ax + sign * s.a * s.x, this.ay + sign * s.a * s.y, this.axx + sign * s.a * (s.x * s.x + s.y * s.y), this.m + sign * s.m);
    return compactnessOf(a, moment);
  }
}

/** Own moments plus the spread around the centre (parallel-axis theorem). */
function momentOf(a: number, ax: number, ay: number, axx: number, m: number): number {
  return m + axx - (ax * ax + ay * ay) / a;
}

function compactnessOf(a: number, moment: number): number {
  if (a <= 1e-9) return 1;
  return Math.min(1, (a * a) / (2 * Math.PI) / moment);
}
