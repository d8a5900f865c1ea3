import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';

/** A Comune as the lasso's cost estimate sees it: its bounding box and how many vertices its border has. */
export interface ComuneBox {
  w: number;
  s: number;
  e: number;
  n: number;
  vertices: number;
}

/**
 * The Comuni's bounding boxes in a static R-tree (flatbush, ~8,000 boxes: a few hundred KB), to
 * tell what a drawn area would cost the database before it is sent there.
 */
export class ComuneBoxes {
  private readonly index: Flatbush;
  private readonly vertices: Uint32Array;

  constructor(boxes: readonly ComuneBox[]) {
    this.index = new Flatbush(Math.max(1, boxes.length));
    this.vertices = new Uint32Array(boxes.length);
    boxes.forEach((b, i) => {
      this.index.add(b.w, b.s, b.e, b.n);
      this.vertices[i] = b.vertices;
    });
    if (boxes.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /**
   * Work of intersecting the area with the Comuni, in vertices the database reads or overlays: every
   * Comune whose box meets the area's box is read and tested for containment (its own vertices); one
   * whose box meets the box of an edge of the area's outline may be cut by it, and is overlaid with
   * the whole area (the area's vertices plus its own, again). Stops counting once past `budget` (the
   * answer is then some value above it).
   */
  overlayCost(area: Polygon, budget = Infinity): number {
    const areaVertices = area.coordinates.reduce((n, ring) => n + ring.length, 0);
    const outer = area.coordinates[0] ?? [];
    const xs = outer.map((p) => p[0] as number);
    const ys = outer.map((p) => p[1] as number);
    let cost = 0;
    if (outer.length === 0) return cost;
    for (const c of this.index.search(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))) {
      if (c < this.vertices.length) cost += this.vertices[c] as number;
    }
    const crossed = new Set<number>();
    for (const ring of area.coordinates) {
      for (let i = 1; i < ring.length; i++) {
        if (cost > budget) return cost;
        const [x0, y0] = ring[i - 1] as [number, number];
        const [x1, y1] = ring[i] as [number, number];
        for (const c of this.index.search(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1))) {
          if (crossed.has(c) || c >= this.vertices.length) continue;
          crossed.add(c);
          cost += areaVertices + (this.vertices[c] as number);
        }
      }
    }
    return cost;
  }
}
