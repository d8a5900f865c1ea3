import type { Database, Unlisten } from '../../infra/db/database';
import { ALLIANCES_CHANNEL } from '../../infra/db/channels';

/**
 * How long this instance waits for the NOTIFY of a transaction of its own, and how many such
 * transactions it remembers: a NOTIFY later than that (or past that many writes) moves the
 * revision once more, which costs a rebuild, never a stale answer.
 */
const OWN_NOTIFY_MS = 60_000;
const OWN_NOTIFY_MAX = 4_096;

/**
 * The alliances' state as a number that changes whenever they do, once per change: on the NOTIFY
 * of a transaction of another instance (or an import, a restore: see migrations 007 and 013, one
 * NOTIFY per transaction, its id as payload), and, for a change a use case of this instance commits
 * (server/use-cases/), by that use case once all is written, before its answer leaves, so its
 * author never reads an older cached state. That transaction's own NOTIFY moves nothing here: its
 * id was recorded before its commit (`ownTransaction`), so that one change rebuilds each cache once.
 * What is derived from the alliances is cached per revision (`PerRevision`), here and in the client,
 * which reads it from `GET /api/alliances/revision`.
 *
 * It starts from the clock (milliseconds) rather than 0, so that a restarted server never publishes
 * again a number it published before its restart: a page keyed by the old number would take its
 * old cached answers for current ones.
 */
export class AlliancesRevision {
  private value: number;
  /** Ids of this instance's own transactions whose NOTIFY has not come yet, with when they stop being awaited. */
  private readonly own = new Map<string, number>();

  constructor(
    start = Date.now(),
    private readonly now: () => number = Date.now,
  ) {
    this.value = start;
  }

  current(): number {
    return this.value;
  }

  bump(): void {
    this.value += 1;
  }

  /**
   * Called within a transaction of this instance that may change the alliances, before it commits
   * (its NOTIFY is sent at commit): its NOTIFY will move nothing, the use case moves the revision.
   */
  ownTransaction(id: string): void {
    const now = this.now();
    for (const [old, until] of this.own) {
      if (until > now && this.own.size < OWN_NOTIFY_MAX) break;
      this.own.delete(old);
    }
    this.own.set(id, now + OWN_NOTIFY_MS);
  }

  /** A NOTIFY: another's change moves the revision, this instance's own does not; `null` (maybe missed) does. */
  heard(payload: string | null): void {
    if (payload !== null && this.own.delete(payload)) return;
    this.bump();
  }

  follow(db: Database): Promise<Unlisten> {
    return db.listen(ALLIANCES_CHANNEL, (payload) => this.heard(payload));
  }
}

/** A value being built, or built, for a key: when its build started (the revision then; null while it waits its turn). */
interface Build<T> {
  value: Promise<T>;
  startedAt: number | null;
  settled: boolean;
  /** What it is counted for against the byte budget, once built. */
  bytes: number;
}

/** A byte budget for the values kept: at most `max` bytes, each value weighed by `of`. */
export interface ByteBudget<T> {
  max: number;
  of(value: T): number;
}

/**
 * Values derived from the alliances by key (e.g. a query string), kept for the current revision
 * only, at most `maxEntries` of them and, when a byte budget is given, at most its bytes (the
 * oldest go first). A value serves every caller whose revision was current when its build started,
 * or who arrives before it starts: it then reflects every change committed before the caller asked
 * (the revision moves after the commit).
 *
 * At most one build per key runs at a time. Under a stream of changes (saves on several instances),
 * a caller who finds a build from an older revision running does not start another beside it: it
 * waits for the next one, which starts when that ends and serves everyone who arrived meanwhile.
 * Before, each change started a build of its own beside the running ones, and with changes every
 * few milliseconds they piled up (coverage: 600 ms answers with two instances saving).
 */
export class KeyedPerRevision<T> {
  private readonly builds = new Map<string, Build<T>>();
  private sweptAt = -1;
  private keptBytes = 0;

  constructor(
    private readonly alliances: AlliancesRevision,
    private readonly maxEntries = 32,
    private readonly budget?: ByteBudget<T>,
  ) {}

  /** Bytes of the values kept, as weighed by the budget (0 without one). */
  get bytes(): number {
    return this.keptBytes;
  }

  get(key: string, build: () => Promise<T>): Promise<T> {
    const revision = this.alliances.current();
    if (revision !== this.sweptAt) this.sweep(revision);
    const found = this.builds.get(key);
    if (found && (found.startedAt === null || found.startedAt === revision)) return found.value;
    const next: Build<T> = { value: Promise.resolve() as Promise<T>, startedAt: null, settled: false, bytes: 0 };
    const start = () => {
      next.startedAt = this.alliances.current();
      return build();
    };
    next.value = found && !found.settled ? found.value.then(start, start) : start();
    next.value.then(
      (value) => this.built(key, next, value),
      () => {
        next.settled = true;
        if (this.builds.get(key) === next) this.drop(key);
      },
    );
    this.drop(key);
    if (this.builds.size >= this.maxEntries) this.drop(this.builds.keys().next().value as string);
    this.builds.set(key, next);
    return next.value;
  }

  private built(key: string, build: Build<T>, value: T): void {
    build.settled = true;
    if (!this.budget || this.builds.get(key) !== build) return;
    build.bytes = this.budget.of(value);
    this.keptBytes += build.bytes;
    // The oldest go first; a value larger than the whole budget is served, not kept.
    for (const [oldest, entry] of this.builds) {
      if (this.keptBytes <= this.budget.max) break;
      if (entry.settled) this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.builds.get(key);
    if (!entry) return;
    this.keptBytes -= entry.bytes;
    entry.bytes = 0;
    this.builds.delete(key);
  }

  /** Drops the values of older revisions no build waits on: nobody will be served them again. */
  private sweep(revision: number): void {
    this.sweptAt = revision;
    for (const [key, entry] of this.builds) if (entry.settled && entry.startedAt !== revision) this.drop(key);
  }
}

/** One value derived from the alliances (see KeyedPerRevision), e.g. the provisions index. */
export class PerRevision<T> {
  private readonly cache: KeyedPerRevision<T>;

  constructor(
    revision: AlliancesRevision,
    private readonly build: () => Promise<T>,
  ) {
    this.cache = new KeyedPerRevision(revision, 1);
  }

  get(): Promise<T> {
    return this.cache.get('', this.build);
  }
}
