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

/**
 * Values derived from the alliances by key (e.g. a query string), kept for the current revision
 * only and at most `maxEntries` of them (the oldest goes first). Each is built by the first caller
 * after a change and shared by everyone asking meanwhile; a change during a build leaves its result
 * under the older revision, so the next caller builds again.
 */
export class KeyedPerRevision<T> {
  private revision = -1;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(
    private readonly alliances: AlliancesRevision,
    private readonly maxEntries = 32,
  ) {}

  get(key: string, build: () => Promise<T>): Promise<T> {
    const revision = this.alliances.current();
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    let value = this.entries.get(key);
    if (!value) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      value = build();
      this.entries.set(key, value);
      value.catch(() => {
        if (this.entries.get(key) === value) this.entries.delete(key);
      });
    }
    return value;
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
