/** The zoom levels the atlas serves; clients over-zoom beyond the last one. */
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 14;

/** Where the atlas has data ([west, south, east, north], degrees): tiles outside are empty. */
export const ITALY_BOUNDS: [number, number, number, number] = [6.6, 35.4, 18.6, 47.1];

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

/** The Web Mercator tile at zoom z holding a point. */
export function tileAt(lon: number, lat: number, z: number): TileCoord {
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * 2 ** z),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  };
}

/** The tiles covering `bounds` ([west, south, east, north]) at zoom z, column by column. */
export function* tilesCovering(bounds: readonly [number, number, number, number], z: number): Generator<TileCoord> {
  const [west, south, east, north] = bounds;
  const from = tileAt(west, north, z);
  const to = tileAt(east, south, z);
  for (let x = from.x; x <= to.x; x++) for (let y = from.y; y <= to.y; y++) yield { z, x, y };
}

/**
 * A tile of the app's own tileset by its versioned (immutable) address, or the template of them
 * ({z}/{x}/{y}): what the TileJSON names, the client builds (client/map/tile-urls.ts) and the page preloads.
 */
export function versionedTilePath(tileset: string, version: number, tile: TileCoord | null = null): string {
  return `/tiles/${tileset}/${tile ? `${tile.z}/${tile.x}/${tile.y}` : '{z}/{x}/{y}'}.pbf?v=${version}`;
}
