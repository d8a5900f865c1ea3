import { ATTRIBUTION } from '../../geodata/datasets';
import type { TileIndex } from './tile-index';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer';
import { vectorLayers, type TilesetName } from './tile-sources';

/** Where the atlas has data: tiles outside are empty and not stored. */
export const ITALY_BOUNDS: [number, number, number, number] = [6.6, 35.4, 18.6, 47.1];

/** The deepest zoom stored in an archive: clients over-zoom beyond it (z12 keeps boundaries to ~2 m). */
export const ARCHIVE_MAX_ZOOM = 12;

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** The tile coordinates covering `bounds` at zoom z. */
export function* tilesCovering(bounds: readonly [number, number, number, number], z: number): Generator<{ z: number; x: number; y: number }> {
  const [west, south, east, north] = bounds;
  for (let x = lonToX(west, z); x <= lonToX(east, z); x++) for (let y = latToY(north, z); y <= latToY(south, z); y++) yield { z, x, y };
}

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
    metadata: { name: `ALI Atlas – ${tileset}`, attribution: ATTRIBUTION, vector_layers: vectorLayers(tileset), dataVersion: options.dataVersion },
  });
}
