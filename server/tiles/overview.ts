import simplify from '@turf/simplify';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { classOf, quantileBreaks } from '../../domain/classify';
import { POPULATION_CLASSES, POPULATION_CLASS_FIELD } from '../../domain/first-view';

/**
 * The overview tiles' grid: 512 units across a tile, one a pixel as MapLibre draws them (2.4 km
 * at z5). The deltas between points take fewer bytes than on the default 4096 grid, and
 * neighbours' shared points round to the same units. Measured on the four z5 tiles of Italy: 4096
 * with the generalised Comuni 279 KB gzipped, 1024 about 240 KB, 512 199 KB (all layers).
 */
export const OVERVIEW_EXTENT = 512;

/** Units of neighbouring tiles each overview tile carries (with fewer, features are repeated less). */
export const OVERVIEW_BUFFER = 4;

/**
 * How far a generalised border may stray from the true one, in degrees (~0.5 km north–south): under
 * half a pixel at z6, so the overview looks like the full map while holding a fraction of its points.
 */
export const OVERVIEW_TOLERANCE_DEGREES = 0.01;

/**
 * Polygons generalised with their borders kept shared: the collection is turned into a topology
 * (each border between two neighbours one arc), every arc is simplified once (Douglas–Peucker, its
 * ends fixed), and the polygons are rebuilt from the simplified arcs. Both neighbours of a border
 * thus get the very same points: no slivers or overlaps between them, whatever the tolerance. An
 * arc that would close on itself without area (a small island) is kept whole. The same on both
 * engines: the work is done here, on the GeoJSON the database gives.
 */
export function generalise<P extends GeoJSON.GeoJsonProperties>(
  collection: FeatureCollection<Polygon | MultiPolygon, P>,
  toleranceDegrees: number,
): FeatureCollection<Polygon | MultiPolygon, P> {
  const topo = topology({ shapes: collection }) as unknown as Topology<{ shapes: GeometryCollection<P> }>;
  topo.arcs = topo.arcs.map((arc) => simplifyArc(arc, toleranceDegrees));
  const rebuilt = topoFeature(topo, topo.objects.shapes) as FeatureCollection<Polygon | MultiPolygon, P>;
  // topojson keeps each feature's id and properties; the order is the input's.
  return { type: 'FeatureCollection', features: rebuilt.features.map((f, i) => ({ ...f, id: collection.features[i]?.id }) as Feature<Polygon | MultiPolygon, P>) };
}

/** One arc simplified with its ends kept; a closed arc keeps at least a triangle, else stays whole. */
function simplifyArc(arc: Position[], tolerance: number): Position[] {
  if (arc.length <= 2) return arc;
  const simplified = (simplify({ type: 'LineString', coordinates: arc }, { tolerance, highQuality: true, mutate: false }) as { coordinates: Position[] }).coordinates;
  const first = arc[0]!;
  const last = arc[arc.length - 1]!;
  const closed = first[0] === last[0] && first[1] === last[1];
  if (closed && simplified.length < 4) return arc;
  return simplified;
}

/**
 * Comuni with their class in the default theme instead of their population (see
 * POPULATION_CLASS_FIELD): quantiles of all the collection's populations. A collection without
 * populations (provinces, regions) is returned as it is.
 */
export function withPopulationClass<G extends Geometry>(collection: FeatureCollection<G>): FeatureCollection<G> {
  if (!collection.features.some((f) => typeof f.properties?.population === 'number')) return collection;
  const populations = collection.features.map((f) => f.properties?.population).filter((p): p is number => typeof p === 'number');
  const breaks = quantileBreaks(populations, POPULATION_CLASSES);
  const features = collection.features.map((f) => {
    const { population, ...properties } = f.properties ?? {};
    if (typeof population === 'number') properties[POPULATION_CLASS_FIELD] = classOf(population, breaks);
    return { ...f, properties };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The overview of a layer: generalised (shared borders); Comuni get their population class instead
 * of their population (see POPULATION_CLASS_FIELD).
 */
export function overviewOf(collection: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Polygon | MultiPolygon> {
  return generalise(withPopulationClass(collection), OVERVIEW_TOLERANCE_DEGREES);
}
