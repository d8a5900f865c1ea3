import type { VectorSourceSpecification } from 'maplibre-gl';

/** Where the server said the tiles are (TILES_URL), in the page's meta tag; null = this app's /tiles. */
export function tilesUrl(): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector<HTMLMetaElement>('meta[name="ali-tiles-url"]')?.content || null;
}

/**
 * The vector source of a tileset: this app's TileJSON, or (with TILES_URL) the PMTiles archive that
 * `npm run tiles:export` wrote, read by HTTP range requests from a static server, object store or
 * CDN through the `pmtiles://` protocol (registered by the map, see registerArchives).
 */
export function tileSource(origin: string, tileset: 'comuni' | 'associations'): VectorSourceSpecification {
  const archives = tilesUrl();
  return archives ? { type: 'vector', url: `pmtiles://${archives}/${tileset}.pmtiles` } : { type: 'vector', url: `${origin}/tiles/${tileset}.json` };
}
