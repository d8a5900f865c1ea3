import { DataVersionWatcher, Versioned, type DataVersion } from './data/data-version';
import { DatabaseCheck } from './data/database-check';
import { countComuni } from './queries/comuni';
import { AlliancesRevision, PerRevision } from './data/alliances-revision';
import { WriteHealth } from './data/write-health';
import type { ProvisionsIndex } from './queries/coverage';
import { ProvisionsStore } from './data/provisions';
import { readComuneIndex } from './queries/comune-index';
import { readComuneBoxes } from './queries/comune-boxes';
import type { ComuneBoxes } from './data/comune-boxes';
import type { ComuneIndex } from '../domain/comune-search';
import type { Unlisten } from '../infra/db/database';
import { loadTerritoryTables, type TerritoryTables } from './data/territory-store';
import type { Database } from '../infra/db/database';
import { DEFAULT_TILE_CACHE_MB, TileMemory } from './tiles/tile-memory';
import { TILE_THREAD_HEAP_MB, TILE_THREAD_QUEUE, TileThread } from './tiles/tile-thread';
import type { TilesetName } from './tiles/tile-sources';
import { servedTilesets, type TilesetServing, type TilesetTiles } from './tiles/tileset-serving';
import { readAdjacencyTable, readMembershipTable, readAtlasTable } from './queries/atlas-table';
import { gzipSync } from 'node:zlib';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';
import { DEFAULT_FEATURE_BUDGET, DEFAULT_MEGABYTES_BUDGET } from './http/feature-budget';
import { DEFAULT_PUBLISHER, type Publisher } from './open-data/catalog';
import { OpenDataFiles } from './open-data/files';
import { DEFAULT_EVALUATION_THREAD, EvaluationThread } from './evaluation/evaluation-thread';

/** Everything the HTTP layer needs, built once per process. */
export interface AppContext {
  db: Database;
  versions: DataVersionWatcher;
  /** Changes whenever the alliances do (in this instance or another on the same database). */
  alliancesRevision: AlliancesRevision;
  /** Which Comuni receive which service through published alliances, per alliances revision. */
  provisions: PerRevision<ProvisionsIndex>;
  /** Whether writes are failing for good (disk full, read-only), for `/api/health`. */
  writeHealth: WriteHealth;
  /** Whether the database answers (the Comuni counted, and the data version), for `/api/health`: never waited on long. */
  databaseCheck: DatabaseCheck<{ comuni: number; version: DataVersion }>;
  tables: Versioned<TerritoryTables>;
  /** The open-data files of the published alliances, built once per alliances revision and data version. */
  openData: OpenDataFiles;
  /** Search and resolve of Comuni, answered from memory. */
  comuni: Versioned<ComuneIndex>;
  /** The Comuni's bounding boxes, to estimate a drawn area's cost before SQL. */
  comuneBoxes: Versioned<ComuneBoxes>;
  /** Each tileset's tiles: from its archive (with `tileArchiveDir`), else cut in the tile thread. */
  tiles: Record<TilesetName, TilesetTiles>;
  /** The encoded tiles kept after a request, bounded by bytes (half of TILE_CACHE_MB). */
  tileMemory: TileMemory;
  /**
   * The thread that holds the tile indexes and cuts tiles (keeping cut tiles in the other half);
   * with archives, only until they are written, and for the tiles deeper than they hold.
   */
  tileThread: TileThread;
  /** The thread that evaluates founders' drafts (checks, totals, contiguity, rules) off the HTTP thread. */
  evaluationThread: EvaluationThread;
  /** The client's attribute table, gzipped JSON. */
  atlasTable: Versioned<Buffer>;
  /** The border graph for the client's live checks, gzipped JSON. */
  adjacencyTable: Versioned<Buffer>;
  /** Each Comune's Unioni, Comunità Montane, SLL and SNAI area for the planner in the browser, gzipped JSON. */
  membershipTable: Versioned<Buffer>;
  basemapUrl: string | undefined;
  /** Administrators' secret from configuration (until accounts exist); undefined disables admin actions. */
  adminToken: string | undefined;
  /** Built client to serve, if any. */
  clientDir: string | undefined;
  /** Requests per address (see http/rate-limits). */
  rateLimits: RateLimits;
  /** OGC API features per client per minute (see http/feature-budget). */
  ogcFeaturesPerMinute: number;
  /** OGC API megabytes of GeoJSON per client per minute (see http/feature-budget). */
  ogcMegabytesPerMinute: number;
  /** Express's `trust proxy`: how many proxies (or which) may set X-Forwarded-For / -Proto. */
  trustProxy: boolean | number | string;
  /** PUBLIC_URL without a trailing slash, for absolute URLs in TileJSON; undefined = paths on this origin. */
  publicUrl: string | undefined;
  /** Who publishes the open data, named in the DCAT-AP_IT catalogue. */
  publisher: Publisher;
  /** TILES_URL: the client reads the map's tiles from PMTiles archives there instead of from this app. */
  tilesUrl: string | undefined;
}

export interface ContextOptions {
  basemapUrl?: string | undefined;
  clientDir?: string | undefined;
  adminToken?: string | undefined;
  rateLimits?: RateLimits | undefined;
  ogcFeaturesPerMinute?: number | undefined;
  ogcMegabytesPerMinute?: number | undefined;
  trustProxy?: boolean | number | string | undefined;
  publicUrl?: string | undefined;
  publisher?: Publisher | undefined;
  tilesUrl?: string | undefined;
  /** TILE_CACHE_MB (default DEFAULT_TILE_CACHE_MB). */
  tileCacheMb?: number | undefined;
  /**
   * Where the tilesets' archives are kept (`<DATA_DIR>/tiles` under `npm start`): tiles are then
   * served from them, each built once per data version. Without it, every tile is cut in the thread.
   */
  tileArchiveDir?: string | undefined;
  /** For tests: how the archived tilesets are built (clock, back-off, failures). */
  tileArchiveOptions?: TilesetServing['archiveOptions'];
}

export function createContext(db: Database, options: ContextOptions = {}): AppContext {
  const versions = new DataVersionWatcher(db.knex);
  const alliancesRevision = new AlliancesRevision();
  const tables = new Versioned(versions, () => loadTerritoryTables(db.knex));
  // TILE_CACHE_MB, half for the encoded tiles kept here, half for the cut tiles the tile thread keeps.
  const tileBudget = (options.tileCacheMb ?? DEFAULT_TILE_CACHE_MB) * 1e6;
  const tileMemory = new TileMemory(tileBudget / 2);
  const tileThread = new TileThread({ cutBudgetBytes: tileBudget / 2, heapMb: TILE_THREAD_HEAP_MB, queue: TILE_THREAD_QUEUE });
  return {
    db,
    versions,
    alliancesRevision,
    provisions: provisionsOf(db, alliancesRevision),
    writeHealth: new WriteHealth(),
    databaseCheck: new DatabaseCheck(async () => ({ comuni: await countComuni(db.knex), version: await versions.current() })),
    tables,
    openData: new OpenDataFiles(db.knex, () => tables.get(), alliancesRevision),
    comuni: new Versioned(versions, () => readComuneIndex(db.knex)),
    comuneBoxes: new Versioned(versions, () => readComuneBoxes(db.knex)),
    tiles: servedTilesets({ knex: db.knex, versions, thread: tileThread, memory: tileMemory, archiveDir: options.tileArchiveDir, archiveOptions: options.tileArchiveOptions }),
    tileMemory,
    tileThread,
    evaluationThread: new EvaluationThread(DEFAULT_EVALUATION_THREAD),
    atlasTable: new Versioned(versions, async (version) =>
      gzipSync(JSON.stringify(await readAtlasTable(db.knex, version))),
    ),
    adjacencyTable: new Versioned(versions, async (version) =>
      gzipSync(JSON.stringify(await readAdjacencyTable(db.knex, version))),
    ),
    membershipTable: new Versioned(versions, async (version) =>
      gzipSync(JSON.stringify(await readMembershipTable(db.knex, version))),
    ),
    basemapUrl: options.basemapUrl,
    adminToken: options.adminToken,
    clientDir: options.clientDir,
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    ogcFeaturesPerMinute: options.ogcFeaturesPerMinute ?? DEFAULT_FEATURE_BUDGET,
    ogcMegabytesPerMinute: options.ogcMegabytesPerMinute ?? DEFAULT_MEGABYTES_BUDGET,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    publisher: options.publisher ?? DEFAULT_PUBLISHER,
    tilesUrl: options.tilesUrl?.replace(/\/+$/, ''),
  };
}

/** The provisions index per alliances revision, each one read as a change on the last (see ProvisionsStore). */
function provisionsOf(db: Database, revision: AlliancesRevision): PerRevision<ProvisionsIndex> {
  const store = new ProvisionsStore(db.knex);
  return new PerRevision(revision, () => store.refresh());
}

/**
 * Keeps the context's in-memory state in step with the database: new data versions and alliance
 * changes announced by any instance (NOTIFY; this instance's own alliance changes move its revision
 * through their use cases instead: see AlliancesRevision). Returns a function that stops following.
 */
export async function followChanges(ctx: AppContext): Promise<Unlisten> {
  const stops = await Promise.all([ctx.versions.follow(ctx.db), ctx.alliancesRevision.follow(ctx.db)]);
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
