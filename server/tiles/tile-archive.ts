import type { TileIndex } from './tile-index';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';
import { ITALY_BOUNDS, tileAt, type TileCoord } from './tile-coords';
import { tileJson, type TileLayerName, type TilesetName } from './tile-sources';

/** The deepest zoom stored in an archive: clients over-zoom beyond it (z12 keeps boundaries to ~2 m). */
export const ARCHIVE_MAX_ZOOM = 12;

export interface ArchiveProgress {
  (done: number, total: number): void;
}

export interface ArchiveOptions {
  dataVersion: number;
  maxZoom?: number;
  /** Called every 500 tiles and at the end: tiles done (cut, or skipped as empty) of all those covering Italy. */
  onProgress?: ArchiveProgress;
  /**
   * Awaited every `pauseEvery` tiles: the tile thread lets the tiles asked meanwhile through
   * (a build takes tens of seconds) instead of holding them until the end.
   */
  pause?: () => Promise<void>;
  pauseEvery?: number;
}

/** What an archive is built from: a tileset's index (TileIndex.renderBranch). */
export type ArchiveSource = Pick<TileIndex, 'renderBranch' | 'endDescent'>;

/** The tiles covering Italy at each zoom, as ranges of x and y (the same tiles as tilesCovering). */
function coverage(maxZoom: number): { x0: number; x1: number; y0: number; y1: number }[] {
  const [west, south, east, north] = ITALY_BOUNDS;
  return Array.from({ length: maxZoom + 1 }, (_, z) => {
    const from = tileAt(west, north, z);
    const to = tileAt(east, south, z);
    return { x0: from.x, x1: to.x, y0: from.y, y1: to.y };
  });
}

/**
 * Every non-empty tile of a tileset covering Italy from z0 to `maxZoom`, as a PMTiles archive with
 * its TileJSON metadata: the very tiles the index serves. Built going down from z0 tile by tile
 * (each tile's children after it): below a tile, only the layers that may still have something
 * there are cut, and a tile below which no layer has anything is not gone into. Most of Italy's
 * deeper tiles are sea; each tile's children are cut while the cut tiles above them are still kept.
 */
export async function buildTileArchive(index: ArchiveSource, tileset: TilesetName, options: ArchiveOptions): Promise<Buffer> {
  const maxZoom = options.maxZoom ?? ARCHIVE_MAX_ZOOM;
  const ranges = coverage(maxZoom);
  /** Tiles covering Italy at or below a tile, itself included. */
  const within = ({ z, x, y }: TileCoord): number => {
    let count = 0;
    for (let zoom = z; zoom <= maxZoom; zoom++) {
      const { x0, x1, y0, y1 } = ranges[zoom]!;
      const shift = zoom - z;
      const [xa, xb, ya, yb] = [Math.max(x0, x << shift), Math.min(x1, ((x + 1) << shift) - 1), Math.max(y0, y << shift), Math.min(y1, ((y + 1) << shift) - 1)];
      if (xa <= xb && ya <= yb) count += (xb - xa + 1) * (yb - ya + 1);
    }
    return count;
  };
  const total = within({ z: 0, x: 0, y: 0 });
  const tiles: ArchiveTile[] = [];
  const pauseEvery = options.pauseEvery ?? 50;
  const stack: { coord: TileCoord; layers?: ReadonlySet<TileLayerName> }[] = [{ coord: { z: 0, x: 0, y: 0 } }];
  let done = 0;
  let cut = 0;
  let reported = 0;
  try {
    while (stack.length > 0) {
      const { coord, layers } = stack.pop()!;
      const { tile, below } = index.renderBranch(coord, layers);
      if (tile) tiles.push({ ...coord, data: tile.gzipped });
      done++;
      cut++;
      if (below.size > 0 && coord.z < maxZoom) {
        // The children covering Italy, pushed in reverse so that they are cut in order (quadkey order).
        const { x0, x1, y0, y1 } = ranges[coord.z + 1]!;
        for (const [dx, dy] of [[1, 1], [0, 1], [1, 0], [0, 0]] as const) {
          const child = { z: coord.z + 1, x: 2 * coord.x + dx, y: 2 * coord.y + dy };
          if (child.x >= x0 && child.x <= x1 && child.y >= y0 && child.y <= y1) stack.push({ coord: child, layers: below });
        }
      } else {
        done += within(coord) - 1;
      }
      if (done - reported >= 500 || done === total) {
        reported = done;
        options.onProgress?.(done, total);
      }
      if (options.pause && cut % pauseEvery === 0) await options.pause();
    }
  } finally {
    index.endDescent();
  }
  return writePmtiles(tiles, {
    minZoom: 0,
    maxZoom,
    bounds: ITALY_BOUNDS,
    center: [12.5, 42.0, 5],
    metadata: tileJson(tileset, { tiles: [`pmtiles://${tileset}.pmtiles/{z}/{x}/{y}`], maxZoom, dataVersion: options.dataVersion }),
  });
}
