import type { Database, Unlisten } from '../../infra/db/database';
import { ALLIANCES_CHANNEL } from '../../infra/db/channels';

/**
 * The alliances' state as a number that changes whenever they do: on every NOTIFY of a change (from
 * any instance on the database: see migration 007) and, at once, after every change a use case of
 * this instance commits (server/use-cases/), so its author never reads an older cached state. What
 * is derived from the alliances is cached per revision (`PerRevision`), here and in the client, which
 * reads it from `GET /api/alliances/revision`.
 *
 * It starts from the clock (milliseconds) rather than 0, so that a restarted server never publishes
 * again a number it published before its restart: a page keyed by the old number would take its
 * old cached answers for current ones.
 */
export class AlliancesRevision {
  private value: number;

  constructor(start = Date.now()) {
    this.value = start;
  }

  current(): number {
    return this.value;
  }

  bump(): void {
    this.value += 1;
  }

  follow(db: Database): Promise<Unlisten> {
    return db.listen(ALLIANCES_CHANNEL, () => this.bump());
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
