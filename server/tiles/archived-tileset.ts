import type { DataVersion } from '../data/data-version';
import type { TileCoord } from './tile-coords';
import type { EncodedTile } from './tile-memory';

/** What serves a tileset's tiles for one data version: its archive, or the index in the tile thread. */
export interface TileSource {
  tile(coord: TileCoord): Promise<EncodedTile | null>;
  /** Estimated bytes of the index built up front (none for an archive). */
  readonly indexBytes: number;
}

/** A tileset's archive, loaded. */
export interface LoadedArchive extends TileSource {
  /** Bytes of the archive held in memory. */
  readonly archiveBytes: number;
}

/** A tileset's index in the tile thread: it serves at once, and writes the archive. */
export interface ThreadIndex extends TileSource {
  archive(dataVersion: number, maxZoom: number): Promise<Buffer>;
  /** Drops the index from the thread. */
  drop(): Promise<void>;
}

/** How long after a failed archive build the next one may start, by failures in a row (the last repeats). */
export const ARCHIVE_RETRY_MS: readonly number[] = [30_000, 120_000, 600_000];

/** Archive builds one at a time, whatever the tileset: each one takes the tile thread for tens of seconds. */
export class ArchiveBuilds {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(build: () => Promise<T>): Promise<T> {
    const result = this.tail.then(build);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export interface ArchivedTilesetOptions {
  versions: { current(): Promise<DataVersion> };
  /** The version's archive, read and parsed; null when there is none (a corrupt one is removed). */
  load(version: DataVersion): Promise<LoadedArchive | null>;
  /** The version's index, built in the tile thread. */
  index(version: DataVersion): Promise<ThreadIndex>;
  /** Writes the version's archive (removing older ones) and loads it. */
  save(version: DataVersion, archive: Buffer): Promise<LoadedArchive>;
  builds: ArchiveBuilds;
  maxZoom: number;
  /** Called when an archive took an index's place (the thread may have nothing left to hold). */
  onArchived?: () => void;
  /** Milliseconds now (tests pass their own clock). */
  now?: () => number;
  retryMs?: readonly number[];
  log?: (line: string) => void;
}

interface Entry {
  version: DataVersion;
  /** The archive was looked for (and loaded, if there). */
  opened: Promise<void>;
  archive: LoadedArchive | null;
  index: Promise<ThreadIndex> | null;
  /** The index once built (for the memory report). */
  built: ThreadIndex | null;
  building: Promise<void> | null;
  failures: number;
  /** No build starts before this time (after a failure). */
  retryAt: number;
}

const sameVersion = (a: DataVersion, b: DataVersion) => a.id === b.id && a.importedAt === b.importedAt;

/**
 * A tileset's tiles for the current data version, from its archive once there is one
 * (archive-store.ts). A version without one is served at once by the index in the tile thread,
 * while the thread writes its archive in the background (one build at a time, for all tilesets);
 * once written, the archive serves and the index is dropped. A build that fails (the thread out of
 * memory, a full disk) is tried again only after a back-off (ARCHIVE_RETRY_MS), the tiles served
 * by the index meanwhile. A new data version goes the same way.
 */
export class ArchivedTileset {
  private entry: Entry | null = null;
  private readonly now: () => number;
  private readonly retryMs: readonly number[];
  private readonly log: (line: string) => void;

  constructor(
    readonly name: string,
    private readonly options: ArchivedTilesetOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.retryMs = options.retryMs ?? ARCHIVE_RETRY_MS;
    this.log = options.log ?? ((line) => console.error(line));
  }

  async get(): Promise<{ version: number; value: TileSource }> {
    const entry = await this.current();
    if (entry.archive) return { version: entry.version.id, value: entry.archive };
    this.startBuild(entry);
    return { version: entry.version.id, value: await this.indexOf(entry) };
  }

  /** What serves the current version now, without starting anything. */
  peek(): (TileSource & { archiveBytes?: number }) | undefined {
    return this.entry?.archive ?? this.entry?.built ?? undefined;
  }

  /** Whether the current version is served from its archive (no index held for it). */
  get archived(): boolean {
    return this.entry?.archive != null;
  }

  /** Whether an index is held (or being built) for this tileset in the tile thread. */
  get holdsIndex(): boolean {
    return this.entry !== null && this.entry.archive === null && this.entry.index !== null;
  }

  /** Waits until the current version is served from its archive, or its build has failed (then false). */
  async ready(): Promise<boolean> {
    const entry = await this.current();
    if (entry.archive) return true;
    this.startBuild(entry);
    await entry.building;
    return entry.archive !== null;
  }

  private async current(): Promise<Entry> {
    const version = await this.options.versions.current();
    if (!this.entry || !sameVersion(this.entry.version, version)) this.entry = this.open(version);
    const entry = this.entry;
    await entry.opened;
    return entry;
  }

  private open(version: DataVersion): Entry {
    const entry: Entry = { version, opened: Promise.resolve(), archive: null, index: null, built: null, building: null, failures: 0, retryAt: 0 };
    entry.opened = this.options.load(version).then(
      (archive) => {
        entry.archive = archive;
      },
      (error: unknown) => this.log(`Archivio di tile ${this.name} illeggibile / ${this.name} tile archive unreadable: ${describe(error)}`),
    );
    return entry;
  }

  private indexOf(entry: Entry): Promise<ThreadIndex> {
    if (!entry.index) {
      const index = this.options.index(entry.version);
      entry.index = index;
      // A failed build is asked again by the next request.
      index.then(
        (built) => {
          if (entry.index === index) entry.built = built;
        },
        () => {
          if (entry.index === index) entry.index = null;
        },
      );
    }
    return entry.index;
  }

  private startBuild(entry: Entry): void {
    if (entry.archive || entry.building || this.now() < entry.retryAt) return;
    const building = this.options.builds
      .run(async () => {
        // A newer version took its place while it waited: that one builds its own.
        if (this.entry !== entry) return;
        const index = await this.indexOf(entry);
        const bytes = await index.archive(entry.version.id, this.options.maxZoom);
        const archive = await this.options.save(entry.version, bytes);
        entry.archive = archive;
        entry.index = null;
        entry.built = null;
        await index.drop().catch(() => undefined);
        this.options.onArchived?.();
      })
      .then(
        () => {
          entry.failures = 0;
        },
        (error: unknown) => {
          entry.failures += 1;
          const wait = this.retryMs[Math.min(entry.failures, this.retryMs.length) - 1] ?? 0;
          entry.retryAt = this.now() + wait;
          this.log(
            `Archivio di tile ${this.name} non scritto, nuovo tentativo tra ${wait / 1000} s / ${this.name} tile archive not written, next try in ${wait / 1000} s: ${describe(error)}`,
          );
        },
      )
      .finally(() => {
        if (entry.building === building) entry.building = null;
      });
    entry.building = building;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
