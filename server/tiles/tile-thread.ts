import { HttpError } from '../http/errors';
import { WorkerThread } from '../threads/worker-thread';
import type { CutAnswer, CutMemory, CutRequest } from './cut-job';
import type { TileCoord } from './tile-coords';
import type { TilesetRows } from './tile-index';
import type { EncodedTile, TileMemory } from './tile-memory';
import type { TilesetName } from './tile-sources';

export interface TileThreadOptions {
  /** What the thread may keep of cut tiles (to cut their neighbours faster), in bytes. */
  cutBudgetBytes: number;
  /** The thread's heap ceiling, MB: an index that needs more ends the thread, not the server. */
  heapMb: number;
  /** Tiles waiting to be cut at once; one more is refused (503) until the thread catches up. */
  queue: number;
  /** The thread's script (tests pass a stand-in). */
  script?: URL;
}

/**
 * The tile thread's heap ceiling. Measured: building the Comuni's index (about 145 MB live after,
 * `indexBytes` estimates 130) fails at 200 MB and passes at 256 MB; 320 leaves a quarter more. A
 * lower ceiling than the HTTP thread's 512 MB makes V8 collect sooner: the process's RSS stays lower.
 * Since the tiles above a layer's first zoom keep no features, `indexBytes` estimates 118 MB; the
 * Comuni's archive to z12 then peaks at about 260 MB of heap (in-process, under the same ceiling).
 */
export const TILE_THREAD_HEAP_MB = 320;

/** The tile thread's young generation, MB (V8 sizes it from the heap's ceiling otherwise: several times this). */
const TILE_THREAD_YOUNG_MB = 8;

/** Tiles waiting for the thread at most: far more than clients at once, never unbounded. */
export const TILE_THREAD_QUEUE = 512;

const BUSY = 'Troppe tile da preparare: riprova tra poco / Too many tiles being prepared: try again shortly';
const CRASHED = 'La preparazione delle tile si è interrotta: riprova tra poco / Tile preparation stopped: try again shortly';

/**
 * The thread that cuts tiles (cut-worker-main.ts): it holds the tile indexes and does every cut,
 * repair, encoding and gzip, so that the HTTP event loop only looks tiles up and sends them. One
 * thread: its indexes are built once, and on two cores a second would compete with the HTTP thread
 * and the embedded database's. If it dies (out of memory, a bug), what it was asked fails with a
 * 503 and the next request starts a new one, whose indexes are built again (`life` tells them apart).
 */
export class TileThread {
  private readonly thread: WorkerThread<CutRequest, CutAnswer>;
  private stopWhenDone = false;

  constructor(private readonly options: TileThreadOptions) {
    this.thread = new WorkerThread<CutRequest, CutAnswer>(
      {
        script: options.script ?? new URL('./cut-worker.mjs', import.meta.url),
        name: 'Tile thread',
        workerData: { cutBudgetBytes: options.cutBudgetBytes },
        // A small young generation: the thread's garbage is collected more often, its memory kept lower.
        resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: TILE_THREAD_YOUNG_MB },
        crashed: CRASHED,
      },
      () => {
        if (!this.stopWhenDone) return;
        this.stopWhenDone = false;
        void this.stop();
      },
    );
  }

  /** What the thread may keep of cut tiles, in bytes. */
  get cutBudgetBytes(): number {
    return this.options.cutBudgetBytes;
  }

  /** Which thread is running: indexes built by an earlier one died with it. */
  get current(): number {
    this.thread.start();
    return this.thread.life;
  }

  /** Builds a tileset's index in the thread; its previous index there is dropped. */
  async build(key: string, tileset: TilesetName, rows: TilesetRows): Promise<{ indexBytes: number; life: number }> {
    const life = this.current;
    // An index given to the thread is wanted: the thread is no longer to end once idle.
    this.stopWhenDone = false;
    const answer = await this.thread.ask({ type: 'build', key, tileset, rows });
    if (!('built' in answer)) throw new Error(`tile index not built: ${'failure' in answer ? answer.failure : 'no answer'}`);
    return { ...answer.built, life };
  }

  /** One tile of the index built under `key`, gzipped; null when nothing is there. */
  async render(key: string, coord: TileCoord): Promise<{ tile: EncodedTile | null } | { gone: true }> {
    if (this.thread.counted >= this.options.queue) throw new HttpError(503, 'busy', BUSY);
    const answer = await this.thread.ask({ type: 'render', key, coord }, { counted: true });
    if ('tile' in answer) return { tile: answer.tile ? { gzipped: Buffer.from(answer.tile) } : null };
    if ('gone' in answer && answer.gone) return { gone: true };
    throw new Error(`tile not cut: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /** The PMTiles archive of the index built under `key`, to `maxZoom`; null when that index is gone. */
  async archive(key: string, dataVersion: number, maxZoom: number): Promise<Buffer | null> {
    const answer = await this.thread.ask({ type: 'archive', key, dataVersion, maxZoom });
    if ('archive' in answer) return Buffer.from(answer.archive);
    if ('gone' in answer && answer.gone) return null;
    throw new Error(`tile archive not built: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /** Drops the index built under `key` from the thread, if it runs. */
  async drop(key: string): Promise<void> {
    if (this.thread.running) await this.thread.ask({ type: 'drop', key });
  }

  /** A tile deeper than an archive holds, cut in the thread from its ancestor's tile (gzipped). */
  async derive(parent: Uint8Array, parentCoord: TileCoord, coord: TileCoord): Promise<EncodedTile | null> {
    if (this.thread.counted >= this.options.queue) throw new HttpError(503, 'busy', BUSY);
    // A copy of its own to transfer: the parent is a view on the whole archive (Buffer#slice would be one too).
    const bytes = new Uint8Array(parent).buffer;
    const answer = await this.thread.ask({ type: 'derive', parent: bytes, parentCoord, coord }, { counted: true, transfer: [bytes] });
    if ('tile' in answer) return answer.tile ? { gzipped: Buffer.from(answer.tile) } : null;
    throw new Error(`tile not derived: ${'failure' in answer ? answer.failure : 'no answer'}`);
  }

  /** Whether a thread runs now (and holds whatever indexes it was given). */
  get running(): boolean {
    return this.thread.running;
  }

  /**
   * Ends the thread and everything it holds, without closing: the next request starts a new one
   * (indexes built by this one are built again by whoever still needs them).
   */
  async stop(): Promise<void> {
    this.stopWhenDone = false;
    await this.thread.stop();
  }

  /** Ends the thread as `stop` does once it has answered what it was asked (at once when idle). */
  stopWhenIdle(): void {
    if (this.thread.idle) void this.stop();
    else this.stopWhenDone = true;
  }

  /** The thread's memory, or nothing when no thread runs (none is started for it). */
  async memory(): Promise<CutMemory | undefined> {
    if (!this.thread.running) return undefined;
    const answer = await this.thread.ask({ type: 'memory' });
    return 'memory' in answer ? answer.memory : undefined;
  }

  /** Ends the thread; what it was asked fails with 503, and nothing starts it again. */
  async close(): Promise<void> {
    await this.thread.close();
  }
}

/** Indexes built so far: each one's keys in the tile memory start with its own number. */
let generation = 0;

/**
 * A tileset's tiles for one data version, cut in the tile thread: the HTTP thread keeps the encoded
 * tiles (in the shared tile memory, by bytes) and asks the thread only for those it does not have,
 * once per tile however many ask at once. A thread that died is given the index again.
 */
export class ThreadTileIndex {
  private rebuilding: Promise<void> | null = null;
  private dropped = false;

  private constructor(
    private readonly readRows: () => Promise<TilesetRows>,
    private readonly tileset: TilesetName,
    private readonly thread: TileThread,
    private readonly memory: TileMemory,
    private readonly key: string,
    private built: { indexBytes: number; life: number },
  ) {}

  /** `readRows` reads the tileset's rows (readTilesetRows): once now, and again for a thread started after one died. */
  static async build(readRows: () => Promise<TilesetRows>, tileset: TilesetName, thread: TileThread, memory: TileMemory): Promise<ThreadTileIndex> {
    const key = `${tileset}#${++generation}/`;
    const built = await thread.build(key, tileset, await readRows());
    // The tiles of this tileset's previous index are of no more use.
    memory.forget(`${tileset}#`, key);
    return new ThreadTileIndex(readRows, tileset, thread, memory, key, built);
  }

  /** Estimated bytes of what the index built up front holds, whatever the requests. */
  get indexBytes(): number {
    return this.built.indexBytes;
  }

  /** The tile at z/x/y, or null when no layer has anything there (e.g. outside Italy). */
  tile(coord: TileCoord): Promise<EncodedTile | null> {
    return this.memory.encodedOr(`${this.key}${coord.z}/${coord.x}/${coord.y}`, () => this.render(coord));
  }

  /** The tile cut and encoded, without keeping it. */
  async render(coord: TileCoord): Promise<EncodedTile | null> {
    if (this.dropped) throw new HttpError(503, 'unavailable', CRASHED);
    if (this.built.life !== this.thread.current) await this.rebuild();
    const answer = await this.thread.render(this.key, coord);
    // Replaced by a newer index meanwhile (a new data version): asked again, it is served from that one.
    if ('gone' in answer) throw new HttpError(503, 'unavailable', CRASHED);
    return answer.tile;
  }

  /** The PMTiles archive of this index (tile-archive.ts), built in the thread between the tiles it cuts. */
  async archive(dataVersion: number, maxZoom: number): Promise<Buffer> {
    if (this.dropped) throw new HttpError(503, 'unavailable', CRASHED);
    if (this.built.life !== this.thread.current) await this.rebuild();
    const archive = await this.thread.archive(this.key, dataVersion, maxZoom);
    if (!archive) throw new HttpError(503, 'unavailable', CRASHED);
    return archive;
  }

  /**
   * Drops the index from the thread (its archive serves the tiles now). A request that still holds
   * this index is refused with 503 (asked again, it is served from the archive), never given a new
   * index in the thread.
   */
  async drop(): Promise<void> {
    this.dropped = true;
    await this.thread.drop(this.key);
  }

  private rebuild(): Promise<void> {
    this.rebuilding ??= (async () => {
      try {
        this.built = await this.thread.build(this.key, this.tileset, await this.readRows());
      } finally {
        this.rebuilding = null;
      }
    })();
    return this.rebuilding;
  }
}
