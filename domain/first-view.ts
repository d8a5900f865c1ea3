/**
 * The national first view: the map fits these bounds ([west, south, east, north], degrees) when the
 * address names no camera, on a world of TILE_SIZE pixels at zoom 0 (MapLibre's vector tiles).
 */
export const ITALY_CAMERA: readonly [number, number, number, number] = [6.6, 36.6, 18.6, 47.1];

export const TILE_SIZE = 512;

/** Web Mercator y of a latitude, 0 at the north edge of the world and 1 at the south. */
export function mercatorY(lat: number): number {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
}

/** The camera's size in pixels at zoom 0: how wide and how tall the bounds are drawn. */
export function cameraSpanAtZoomZero(bounds: readonly [number, number, number, number] = ITALY_CAMERA): { width: number; height: number } {
  const [west, south, east, north] = bounds;
  return { width: ((east - west) / 360) * TILE_SIZE, height: (mercatorY(south) - mercatorY(north)) * TILE_SIZE };
}

/** The zoom at which a map of width × height CSS pixels fits the camera (MapLibre's fitBounds, no padding). */
export function fittedZoom(width: number, height: number, bounds: readonly [number, number, number, number] = ITALY_CAMERA): number {
  const span = cameraSpanAtZoomZero(bounds);
  return Math.min(Math.log2(width / span.width), Math.log2(height / span.height));
}

/**
 * The zooms of the overview tiles: up to z6 a pixel is over a kilometre (~2.4 km at z5 on 512 px
 * tiles), and the full outlines carry detail no screen shows (server/tiles/overview.ts).
 */
export const OVERVIEW_MAX_ZOOM = 6;

/**
 * The overview tiles' property with each Comune's class in the default theme (population, quantiles
 * in POPULATION_CLASSES classes, as the client's legend draws them: client/map/themes.ts): the first
 * picture is coloured before the attribute table arrives. Absent when the population is unknown.
 * The client joins the same class as feature-state of that name, for the tiles deeper than the overview.
 */
export const POPULATION_CLASS_FIELD = 'populationClass';

/** The default theme's classes: the colours of its palette (ylGnBu, seven in client/map/themes.ts). */
export const POPULATION_CLASSES = 7;
