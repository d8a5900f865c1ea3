import path from 'node:path';
import type { Knex } from 'knex';
import { Versioned, type DataVersionWatcher } from '../data/data-version';
import { ArchiveStore } from './archive-store';
import { ArchiveTileIndex } from './archive-tile-index';
import { ArchiveBuilds, ArchivedTileset, type ArchivedTilesetOptions, type TileSource } from './archived-tileset';
import { ARCHIVE_MAX_ZOOM } from './tile-archive';
import { readTilesetRows } from './tile-index';
import type { TileMemory } from './tile-memory';
import { TILESETS, type TilesetName } from './tile-sources';
import { ThreadTileIndex, type TileThread } from './tile-thread';

/** A tileset's tiles for the current data version, however they are served. */
export interface TilesetTiles {
  get(): Promise<{ version: number; value: TileSource }>;
  /** What serves the current version, if ready, without starting anything. */
  peek(): (TileSource & { archiveBytes?: number }) | undefined;
  /** Waits for the current version's archive (true), or for its build to fail (false); absent without archives. */
  ready?(): Promise<boolean>;
}

export interface TilesetServing {
  knex: Knex;
  versions: DataVersionWatcher;
  thread: TileThread;
  memory: TileMemory;
  /** Where the archives live (`<DATA_DIR>/tiles`); without it, every tile is cut in the thread. */
  archiveDir?: string | undefined;
  /** For tests: what the archived tilesets are built with, beyond the defaults. */
  archiveOptions?: Partial<ArchivedTilesetOptions> | undefined;
}

/**
 * Every tileset's tiles. With an archive directory, each from its archive (ArchivedTileset); once
 * all of them are, the tile thread, holding nothing more, is ended (a tile deeper than the archives
 * starts it again, empty). Without, cut in the thread from an index per data version.
 */
export function servedTilesets(serving: TilesetServing): Record<TilesetName, TilesetTiles> {
  const { knex, versions, thread, memory, archiveDir } = serving;
  const names = Object.keys(TILESETS) as TilesetName[];
  const threadIndex = (name: TilesetName) => ThreadTileIndex.build(() => readTilesetRows(knex, name), name, thread, memory);
  if (!archiveDir) {
    const cut = {} as Record<TilesetName, TilesetTiles>;
    for (const name of names) cut[name] = new Versioned(versions, () => threadIndex(name));
    return cut;
  }

  const store = new ArchiveStore(archiveDir);
  const builds = new ArchiveBuilds();
  const tilesets = {} as Record<TilesetName, ArchivedTileset>;
  const onArchived = () => {
    if (Object.values(tilesets).every((tileset) => !tileset.holdsIndex)) thread.stopWhenIdle();
  };
  for (const name of names) {
    /** The archive parsed; the tiles kept for an earlier one, or cut by the index, are of no more use. */
    const loaded = (file: string, bytes: Buffer) => {
      const prefix = `${name}@${path.basename(file)}/`;
      const archive = ArchiveTileIndex.parse(bytes, thread, memory, prefix);
      memory.forget(`${name}@`, prefix);
      memory.forget(`${name}#`, '\0');
      return archive;
    };
    tilesets[name] = new ArchivedTileset(name, {
      versions,
      load: (version) => store.read(name, version, (bytes) => loaded(store.fileOf(name, version), bytes)),
      index: () => threadIndex(name),
      save: async (version, bytes) => loaded(await store.write(name, version, bytes), bytes),
      builds,
      maxZoom: ARCHIVE_MAX_ZOOM,
      onArchived,
      ...serving.archiveOptions,
    });
  }
  return tilesets;
}
