import type { VectorSourceSpecification } from 'maplibre-gl';
import { pageDataVersion, pageMeta } from '../page-meta';

/** Where the server said the tiles are (TILES_URL); null = this app's /tiles. */
export const tilesUrl = (): string | null => pageMeta('ali-tiles-url');

/**
 * The zoom levels and extent of the app's tilesets (as their TileJSON says): tiles to z12, the
 * deepest the server's archives hold; the map over-zooms them beyond.
 */
export const APP_TILES = { minzoom: 0, maxzoom: 12, bounds: [6.6, 35.4, 18.6, 47.1] as [number, number, number, number] };

/**
 * The vector source of a tileset: with TILES_URL, the PMTiles archive that `npm run tiles:export`
 * wrote, read by HTTP range requests from a static server, object store or CDN through the
 * `pmtiles://` protocol (registered by the map); otherwise this app's tiles, named with the data
 * version the page carries (immutable URLs, no TileJSON round trip first), or through the TileJSON.
 */
export function tileSource(origin: string, tileset: 'comuni' | 'associations'): VectorSourceSpecification {
  const archives = tilesUrl();
  if (archives) return { type: 'vector', url: `pmtiles://${archives}/${tileset}.pmtiles` };
  const version = pageDataVersion();
  if (version) return { type: 'vector', tiles: [`${origin}/tiles/${tileset}/{z}/{x}/{y}.pbf?v=${version}`], ...APP_TILES };
  return { type: 'vector', url: `${origin}/tiles/${tileset}.json` };
}
