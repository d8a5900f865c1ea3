import type { Polygon } from 'geojson';
import { bbox } from '@turf/bbox';
import { polygon as turfPolygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import { simplify } from '@turf/simplify';
import { unprocessable } from '../http/errors';

/** Bounds on a drawn area, so that no drawing can keep the database busy (see issue #10). */
export const DRAWN_AREA_LIMITS = {
  /** Vertices kept after simplification: a lasso on a screen never needs more. */
  vertices: 1_000,
  /** Times the outline may cross itself (a hand-drawn loop crosses a few times; a zigzag hundreds). */
  crossings: 20,
  /** Simplification tolerance as a share of the drawing's extent: 1/2,000 is below a pixel on any screen. */
  tolerance: 1 / 2_000,
} as const;

const vertexCount = (p: Polygon) => p.coordinates.reduce((n, ring) => n + ring.length, 0);

const tooComplex =
  'Disegno troppo complesso da semplificare: traccia un contorno più semplice / Drawing too complex to simplify: draw a simpler outline';

/**
 * The drawing made cheap to intersect: simplified below a pixel (Douglas–Peucker, with turf), then
 * refused with a reason (422) if it is still too detailed or crosses itself too often for the
 * repair (ST_MakeValid) and the intersections to stay fast.
 */
export function prepareDrawnArea(drawn: Polygon): Polygon {
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
      throw unprocessable(tooComplex);
    }
  }
  const vertices = vertexCount(area);
  if (vertices > DRAWN_AREA_LIMITS.vertices) {
    throw unprocessable(
      `Disegno troppo dettagliato: ${vertices} vertici anche semplificato (al massimo ${DRAWN_AREA_LIMITS.vertices}) / ` +
        `Drawing too detailed: ${vertices} vertices even simplified (at most ${DRAWN_AREA_LIMITS.vertices})`,
    );
  }
  const crossings = kinks(turfPolygon(area.coordinates)).features.length;
  if (crossings > DRAWN_AREA_LIMITS.crossings) {
    throw unprocessable(
      `Il disegno si incrocia ${crossings} volte (al massimo ${DRAWN_AREA_LIMITS.crossings}): traccia un contorno più semplice / ` +
        `The drawing crosses itself ${crossings} times (at most ${DRAWN_AREA_LIMITS.crossings}): draw a simpler outline`,
    );
  }
  return area;
}
