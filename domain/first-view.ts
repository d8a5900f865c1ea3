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
