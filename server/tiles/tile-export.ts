import fs from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { DataVersionWatcher } from '../data/data-version';
import { ARCHIVE_MAX_ZOOM, buildTileArchive, type ArchiveProgress } from './tile-archive';
import { TileIndex } from './tile-index';
import { DEFAULT_TILE_CACHE_MB, TileMemory } from './tile-memory';
import { tileJson, TILESETS, type TilesetName } from './tile-sources';

export interface ExportedTileset {
  name: TilesetName;
  file: string;
  bytes: number;
  seconds: number;
}

/**
 * Writes each tileset as `NAME.pmtiles` with its TileJSON `NAME.json` into `dir`: files any static
 * server or object store with HTTP range requests serves (set TILES_URL to where they are).
 */
export async function exportTiles(
  knex: Knex,
  dir: string,
  options: { maxZoom?: number; onProgress?: (tileset: TilesetName, ...progress: Parameters<ArchiveProgress>) => void } = {},
): Promise<ExportedTileset[]> {
  await fs.mkdir(dir, { recursive: true });
  const { id: dataVersion } = await new DataVersionWatcher(knex).current();
  const maxZoom = options.maxZoom ?? ARCHIVE_MAX_ZOOM;
  const written: ExportedTileset[] = [];
  for (const name of Object.keys(TILESETS) as TilesetName[]) {
    const started = performance.now();
    // Cut tiles kept on the way speed up their neighbours; the archive itself keeps the encoded ones.
    const index = await TileIndex.build(knex, name, new TileMemory(DEFAULT_TILE_CACHE_MB * 1e6));
    const archive = await buildTileArchive(index, name, { dataVersion, maxZoom, onProgress: (done, total) => options.onProgress?.(name, done, total) });
    const file = path.join(dir, `${name}.pmtiles`);
    // Written beside and renamed: a server reading the old archive never sees half a file.
    await fs.writeFile(`${file}.tmp`, archive);
    await fs.rename(`${file}.tmp`, file);
    // Read through the archive (the pmtiles protocol in MapLibre, or any PMTiles reader).
    const tilejson = tileJson(name, { tiles: [`pmtiles://${name}.pmtiles/{z}/{x}/{y}`], maxZoom, dataVersion });
    await fs.writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(tilejson, null, 2)}\n`);
    written.push({ name, file, bytes: archive.length, seconds: (performance.now() - started) / 1000 });
  }
  return written;
}
