import type { Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { polygon as turfPolygon } from '@turf/helpers';
import { simplify } from '@turf/simplify';
import { DomainRefusal } from '../../domain/refusal';
import type { ComuneBoxes } from '../data/comune-boxes';
import { selfCrossings } from './self-crossings';

/** Bounds on a drawn area, so that no drawing can keep the database busy (see issue #10). */
export const DRAWN_AREA_LIMITS = {
  /** Vertices kept after simplification: a lasso on a screen never needs more. */
  vertices: 1_000,
  /** Times the outline may cross itself (a hand-drawn loop crosses a few times; a zigzag hundreds). */
  crossings: 20,
  /** Simplification tolerance as a share of the drawing's extent: 1/2,000 is below a pixel on any screen. */
  tolerance: 1 / 2_000,
  /**
   * Work the database may do for one drawing, in vertices read or overlaid (see
   * ComuneBoxes.overlayCost): measured at 1.2–2.4 µs each on the embedded engine of a busy 2-core
   * machine, so about 1–2 s at most. A lasso around Piemonte costs ~250,000, an oval around all of
   * Italy ~970,000; the comb of issue #23 (999 vertices across Italy) 9.5 million.
   */
  cost: 1_000_000,
} as const;

const vertexCount = (p: Polygon) => p.coordinates.reduce((n, ring) => n + ring.length, 0);

const tooComplex =
  'Disegno troppo complesso da semplificare: traccia un contorno più semplice / Drawing too complex to simplify: draw a simpler outline';

/**
 * The drawing made cheap to intersect: simplified below a pixel (Douglas–Peucker, with turf), then
 * refused with a reason (invalid) if it is still too detailed or crosses itself too often for the
 * repair (ST_MakeValid) and the intersections to stay fast.
 */
export function prepareDrawnArea(drawn: Polygon): Polygon {
  // Counted on the drawing as sent first, stopping past the limit: a star or a zigzag is refused in
  // a millisecond, before the simplification (quadratic at worst) runs on it.
  refuseCrossings(drawn);
  const [w, s, e, n] = bbox(drawn);
  const tolerance = Math.hypot(e - w, n - s) * DRAWN_AREA_LIMITS.tolerance;
  let area = drawn;
  if (vertexCount(drawn) > 64 && tolerance > 0) {
    try {
      area = simplify(turfPolygon(drawn.coordinates), { tolerance, highQuality: false, mutate: false }).geometry;
    } catch (error) {
      // Douglas–Peucker recurses once per kept vertex: a pathological outline (a fine zigzag) can
      // exhaust the stack. Such a drawing is not a lasso a person made.
      if (!(error instanceof RangeError)) throw error;
      throw new DomainRefusal('invalid', tooComplex);
    }
  }
  const vertices = vertexCount(area);
  if (vertices > DRAWN_AREA_LIMITS.vertices) {
    throw new DomainRefusal('invalid',
      `Disegno troppo dettagliato: ${vertices} vertici anche semplificato (al massimo ${DRAWN_AREA_LIMITS.vertices}) / ` +
        `Drawing too detailed: ${vertices} vertices even simplified (at most ${DRAWN_AREA_LIMITS.vertices})`,
    );
  }
  // Simplifying may make an outline cross itself where the drawing did not.
  if (area !== drawn) refuseCrossings(area);
  return area;
}

function refuseCrossings(area: Polygon): void {
  if (selfCrossings(area, DRAWN_AREA_LIMITS.crossings) > DRAWN_AREA_LIMITS.crossings) {
    throw new DomainRefusal('invalid',
      `Il disegno si incrocia più di ${DRAWN_AREA_LIMITS.crossings} volte: traccia un contorno più semplice / ` +
        `The drawing crosses itself more than ${DRAWN_AREA_LIMITS.crossings} times: draw a simpler outline`,
    );
  }
}

/**
 * Refuses (invalid) a drawing whose intersection with the Comuni would keep the database busy for long:
 * its cost is estimated from memory (its vertices times the Comuni its outline may cross) before
 * any SQL, so that it is bounded on the embedded engine too, which cannot cancel a statement.
 */
export function boundDrawnAreaCost(area: Polygon, comuni: ComuneBoxes): void {
  const cost = comuni.overlayCost(area, DRAWN_AREA_LIMITS.cost);
  if (cost > DRAWN_AREA_LIMITS.cost) {
    throw new DomainRefusal('invalid',
      `Disegno troppo costoso da intersecare con i Comuni: il suo contorno, di ${vertexCount(area)} vertici, attraversa troppi Comuni. ` +
        'Disegna un contorno più semplice o un’area più piccola / ' +
        `Drawing too costly to intersect with the Comuni: its ${vertexCount(area)}-vertex outline crosses too many Comuni. ` +
        'Draw a simpler outline or a smaller area',
    );
  }
}
