import type { TileIndex } from './tile-index';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';
import { ITALY_BOUNDS, tilesCovering } from './tile-coords';
import { tileJson, type TilesetName } from './tile-sources';

/** The deepest zoom stored in an archive: clients over-zoom beyond it (z12 keeps boundaries to ~2 m). */
export const ARCHIVE_MAX_ZOOM = 12;

export interface ArchiveProgress {
  (done: number, total: number): void;
}

export interface ArchiveOptions {
  dataVersion: number;
  maxZoom?: number;
  onProgress?: ArchiveProgress;
  /**
   * Awaited every `pauseEvery` tiles: the tile thread lets the tiles asked meanwhile through
   * (a build takes tens of seconds) instead of holding them until the end.
   */
  pause?: () => Promise<void>;
  pauseEvery?: number;
}

/** Every non-empty tile of a tileset from z0 to `maxZoom`, as a PMTiles archive with its TileJSON metadata. */
export async function buildTileArchive(index: TileIndex, tileset: TilesetName, options: ArchiveOptions): Promise<Buffer> {
  const maxZoom = options.maxZoom ?? ARCHIVE_MAX_ZOOM;
  const coords = Array.from({ length: maxZoom + 1 }, (_, z) => [...tilesCovering(ITALY_BOUNDS, z)]).flat();
  const tiles: ArchiveTile[] = [];
  const pauseEvery = options.pauseEvery ?? 50;
  for (const [i, coord] of coords.entries()) {
    const tile = index.render(coord);
    if (tile) tiles.push({ ...coord, data: tile.gzipped });
    if (i % 500 === 0 || i === coords.length - 1) options.onProgress?.(i + 1, coords.length);
    if (options.pause && i % pauseEvery === pauseEvery - 1) await options.pause();
  }
  return writePmtiles(tiles, {
    minZoom: 0,
    maxZoom,
    bounds: ITALY_BOUNDS,
    center: [12.5, 42.0, 5],
    metadata: tileJson(tileset, { tiles: [`pmtiles://${tileset}.pmtiles/{z}/{x}/{y}`], maxZoom, dataVersion: options.dataVersion }),
  });
}
