import type { Geometry } from 'geojson';
import { DataVersionWatcher, Versioned } from './data/data-version';
import { loadTerritoryTables, type TerritoryTables } from './data/territory-store';
import type { Database } from './db/database';
import { TileIndex } from './tiles/tile-index';

/** Everything the HTTP layer needs, built once per process. */
export interface AppContext {
  db: Database;
  versions: DataVersionWatcher;
  tables: Versioned<TerritoryTables>;
  tiles: Versioned<TileIndex>;
  /** Association outlines by id: unions are costly, and members change only with the data version. */
  outlines: Versioned<Map<number, Promise<Geometry | null>>>;
  basemapUrl: string | undefined;
  /** Built client to serve, if any. */
  clientDir: string | undefined;
}

export function createContext(
  db: Database,
  options: { basemapUrl?: string | undefined; clientDir?: string | undefined } = {},
): AppContext {
  const versions = new DataVersionWatcher(db.knex);
  return {
    db,
    versions,
    tables: new Versioned(versions, () => loadTerritoryTables(db.knex)),
    tiles: new Versioned(versions, () => TileIndex.build(db.knex)),
    outlines: new Versioned(versions, async () => new Map()),
    basemapUrl: options.basemapUrl,
    clientDir: options.clientDir,
  };
}
