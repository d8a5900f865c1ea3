import { LRUCache } from 'lru-cache';

/** A gzipped answer and its ETag (see `cachedBody`). */
export interface KeptAnswer {
  gzipped: Buffer;
  etag: string;
}

/** What an entry costs besides its bytes: the key, the ETag, the cache's own bookkeeping (estimated). */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * Answers asked again and again (a search typed by many: "roma", "san"), kept gzipped by key, the
 * least recently used going first, within `budgetBytes` (keys counted): a hit costs neither the work
 * nor the compression again. Keys name everything the answer depends on (the data version too).
 */
export class AnswerMemory {
  private readonly lru: LRUCache<string, KeptAnswer>;

  constructor(readonly budgetBytes: number) {
    this.lru = new LRUCache<string, KeptAnswer>({
      maxSize: budgetBytes,
      sizeCalculation: (answer, key) => answer.gzipped.length + 2 * key.length + ENTRY_OVERHEAD_BYTES,
    });
  }

  /** The answer kept under `key`, else `build`'s (kept unless larger than the whole budget). */
  get(key: string, build: () => KeptAnswer): KeptAnswer {
    const kept = this.lru.get(key);
    if (kept) return kept;
    const answer = build();
    if (answer.gzipped.length + 2 * key.length + ENTRY_OVERHEAD_BYTES <= this.budgetBytes) this.lru.set(key, answer);
    return answer;
  }

  /** Bytes kept now, as counted against the budget. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
