/** The zoom levels the atlas serves; clients over-zoom beyond the last one. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 14;

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** Parses z/x/y path segments; returns a reason when they cannot name a tile. */
export function parseTileCoord(z: string, x: string, y: string): TileCoord | { error: string } {
  const [zi, xi, yi] = [z, x, y].map((s) => (/^\d{1,10}$/.test(s) ? Number(s) : NaN)) as [number, number, number];
  if ([zi, xi, yi].some(Number.isNaN)) return { error: 'z, x and y must be whole numbers' };
  if (zi < MIN_ZOOM || zi > MAX_ZOOM) return { error: `zoom must be between ${MIN_ZOOM} and ${MAX_ZOOM}` };
  const size = 2 ** zi;
  if (xi >= size || yi >= size) return { error: `at zoom ${zi}, x and y must be below ${size}` };
  return { z: zi, x: xi, y: yi };
}
