import { DataVersionWatcher, Versioned } from './data/data-version';
import { loadTerritoryTables, type TerritoryTables } from './data/territory-store';
import type { Database } from '../infra/db/database';
import { TileIndex } from './tiles/tile-index';
import type { TilesetName } from './tiles/tile-sources';
import { readAdjacencyTable, readAtlasTable } from './queries/atlas-table';
import { gzipSync } from 'node:zlib';

/** Everything the HTTP layer needs, built once per process. */
export interface AppContext {
  db: Database;
  versions: DataVersionWatcher;
  tables: Versioned<TerritoryTables>;
  tiles: Record<TilesetName, Versioned<TileIndex>>;
  /** The client's attribute table, gzipped JSON. */
  atlasTable: Versioned<Buffer>;
  /** The border graph for the client's live checks, gzipped JSON. */
  adjacencyTable: Versioned<Buffer>;
  basemapUrl: string | undefined;
  /** Administrators' secret from configuration (until accounts exist); undefined disables admin actions. */
  adminToken: string | undefined;
  /** Built client to serve, if any. */
  clientDir: string | undefined;
}

export function createContext(
  db: Database,
  options: { basemapUrl?: string | undefined; clientDir?: string | undefined; adminToken?: string | undefined } = {},
): AppContext {
  const versions = new DataVersionWatcher(db.knex);
  return {
    db,
    versions,
    tables: new Versioned(versions, () => loadTerritoryTables(db.knex)),
    tiles: {
      comuni: new Versioned(versions, () => TileIndex.build(db.knex, 'comuni')),
      associations: new Versioned(versions, () => TileIndex.build(db.knex, 'associations')),
    },
    atlasTable: new Versioned(versions, async (version) =>
      gzipSync(JSON.stringify(await readAtlasTable(db.knex, version))),
    ),
    adjacencyTable: new Versioned(versions, async (version) =>
      gzipSync(JSON.stringify(await readAdjacencyTable(db.knex, version))),
    ),
    basemapUrl: options.basemapUrl,
    adminToken: options.adminToken,
    clientDir: options.clientDir,
  };
}
