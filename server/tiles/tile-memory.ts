import { LRUCache } from 'lru-cache';

/**
 * TILE_CACHE_MB's default: what tiles kept after requests may take. Beside the indexes built up
 * front (about 100 MB) and on the embedded engine, `npm start` stays under 1 GB of RSS with it
 * (`npm run bench -- soak`). Cut tiles are cheap to cut again: more mostly keeps more encoded tiles.
 */
export const DEFAULT_TILE_CACHE_MB = 32;

/** An encoded tile, kept gzipped: that is how almost every client asks for it. */
export interface EncodedTile {
  gzipped: Buffer;
}

/**
 * What one kept entry costs beside its own bytes: the key, the map's slot, the entry object, the
 * Buffer's header (measured with V8 at about 200–300 bytes; rounded up).
 */
export const ENTRY_OVERHEAD_BYTES = 320;

type Entry =
  | { kind: 'encoded'; tile: EncodedTile | null; bytes: number }
  | { kind: 'cut'; bytes: number; release: () => void };

/** Tile memory by kind, in bytes. */
export interface TileMemoryUse {
  budgetBytes: number;
  encoded: { tiles: number; bytes: number };
  cut: { tiles: number; bytes: number };
}

/**
 * All the tiles kept in memory after a request — encoded tiles, and tiles cut from the index and
 * kept to cut their neighbours faster — in one least-recently-used cache bounded by bytes
 * (TILE_CACHE_MB), shared by every tileset. A cut tile evicted is released from its index.
 */
export class TileMemory {
  private readonly lru: LRUCache<string, Entry>;
  private readonly use = { encoded: { tiles: 0, bytes: 0 }, cut: { tiles: 0, bytes: 0 } };
  /** Tiles being made now, by key (see encodedOr). */
  private readonly inFlight = new Map<string, Promise<EncodedTile | null>>();

  constructor(readonly budgetBytes: number) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: budgetBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
      dispose: (entry) => {
        const use = this.use[entry.kind];
        use.tiles -= 1;
        use.bytes -= entry.bytes;
        if (entry.kind === 'cut') entry.release();
      },
    });
  }

  /** The encoded tile kept under `key`: undefined when none is, null when it is known to be empty. */
  encoded(key: string): EncodedTile | null | undefined {
    const entry = this.lru.get(key);
    return entry?.kind === 'encoded' ? entry.tile : undefined;
  }

  /**
   * The encoded tile kept under `key`, else `make`'s, kept once made. Asked again while it is being
   * made, the same promise: one tile is made once however many ask at once (a failure is not kept).
   */
  encodedOr(key: string, make: () => Promise<EncodedTile | null>): Promise<EncodedTile | null> {
    const kept = this.encoded(key);
    if (kept !== undefined) return Promise.resolve(kept);
    let making = this.inFlight.get(key);
    if (!making) {
      making = make().then((tile) => {
        this.keepEncoded(key, tile);
        return tile;
      });
      const forget = () => this.inFlight.delete(key);
      making.then(forget, forget);
      this.inFlight.set(key, making);
    }
    return making;
  }

  keepEncoded(key: string, tile: EncodedTile | null): void {
    this.add(key, { kind: 'encoded', tile, bytes: (tile?.gzipped.length ?? 0) + ENTRY_OVERHEAD_BYTES });
  }

  /** Keeps a cut tile of `bytes` (estimated); `release` drops it from its index when evicted. */
  keepCut(key: string, bytes: number, release: () => void): void {
    this.add(key, { kind: 'cut', bytes: bytes + ENTRY_OVERHEAD_BYTES, release });
  }

  /** Marks a kept cut tile as just used; false when it is no longer kept. */
  touchCut(key: string): boolean {
    return this.lru.get(key)?.kind === 'cut';
  }

  /** Drops every entry whose key starts with `prefix` but not with `except` (an index replaced by a newer one). */
  forget(prefix: string, except: string): void {
    for (const key of [...this.lru.keys()]) if (key.startsWith(prefix) && !key.startsWith(except)) this.lru.delete(key);
  }

  get report(): TileMemoryUse {
    return { budgetBytes: this.budgetBytes, encoded: { ...this.use.encoded }, cut: { ...this.use.cut } };
  }

  private add(key: string, entry: Entry): void {
    // Larger than the whole budget: served, never kept (lru-cache would refuse it anyway).
    if (entry.bytes > this.budgetBytes) {
      if (entry.kind === 'cut') entry.release();
      return;
    }
    this.lru.delete(key);
    this.use[entry.kind].tiles += 1;
    this.use[entry.kind].bytes += entry.bytes;
    this.lru.set(key, entry);
  }
}
