import { Protocol } from 'pmtiles';

/**
 * The reader of PMTiles archives (TILES_URL) for MapLibre's `pmtiles://` protocol: one for the page,
 * which caches the archives' headers and directories. A chunk of its own, loaded only when the tiles
 * are in archives: the app's own tiles need none of its code.
 */
export const archiveProtocol = new Protocol();
