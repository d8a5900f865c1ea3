import type { TileIndex } from './tile-index';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';
import { ITALY_BOUNDS, tilesCovering } from './tile-coords';
import { tileJson, type TilesetName } from './tile-sources';

/** The deepest zoom stored in an archive: clients over-zoom beyond it (z12 keeps boundaries to ~2 m). */
export const ARCHIVE_MAX_ZOOM = 12;

export interface ArchiveProgress {
  (done: number, total: number): void;
}

/** Every non-empty tile of a tileset from z0 to `maxZoom`, as a PMTiles archive with its TileJSON metadata. */
export function buildTileArchive(index: TileIndex, tileset: TilesetName, options: { dataVersion: number; maxZoom?: number; onProgress?: ArchiveProgress }): Buffer {
  const maxZoom = options.maxZoom ?? ARCHIVE_MAX_ZOOM;
  const coords = Array.from({ length: maxZoom + 1 }, (_, z) => [...tilesCovering(ITALY_BOUNDS, z)]).flat();
  const tiles: ArchiveTile[] = [];
  coords.forEach((coord, i) => {
    const tile = index.render(coord);
    if (tile) tiles.push({ ...coord, data: tile.gzipped });
    if (i % 500 === 0 || i === coords.length - 1) options.onProgress?.(i + 1, coords.length);
  });
  return writePmtiles(tiles, {
    minZoom: 0,
    maxZoom,
    bounds: ITALY_BOUNDS,
    center: [12.5, 42.0, 5],
    metadata: tileJson(tileset, { tiles: [`pmtiles://${tileset}.pmtiles/{z}/{x}/{y}`], maxZoom, dataVersion: options.dataVersion }),
  });
}
