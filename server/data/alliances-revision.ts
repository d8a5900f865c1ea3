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

/** A value being built, or built, for a key: when its build started (the revision then; null while it waits its turn). */
interface Build<T> {
  value: Promise<T>;
  startedAt: number | null;
  settled: boolean;
}

/**
 * Values derived from the alliances by key (e.g. a query string), kept for the current revision
 * only and at most `maxEntries` of them (the oldest goes first). A value serves every caller whose
 * revision was current when its build started, or who arrives before it starts: it then reflects
 * every change committed before the caller asked (the revision moves after the commit).
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

  constructor(
    private readonly alliances: AlliancesRevision,
    private readonly maxEntries = 32,
  ) {}

  get(key: string, build: () => Promise<T>): Promise<T> {
    const revision = this.alliances.current();
    if (revision !== this.sweptAt) this.sweep(revision);
    const found = this.builds.get(key);
    if (found && (found.startedAt === null || found.startedAt === revision)) return found.value;
    const next: Build<T> = { value: Promise.resolve() as Promise<T>, startedAt: null, settled: false };
    const start = () => {
      next.startedAt = this.alliances.current();
      return build();
    };
    next.value = found && !found.settled ? found.value.then(start, start) : start();
    const settle = () => {
      next.settled = true;
    };
    next.value.then(settle, () => {
      settle();
      if (this.builds.get(key) === next) this.builds.delete(key);
    });
    this.builds.delete(key);
    if (this.builds.size >= this.maxEntries) this.builds.delete(this.builds.keys().next().value as string);
    this.builds.set(key, next);
    return next.value;
  }

  /** Drops the values of older revisions no build waits on: nobody will be served them again. */
  private sweep(revision: number): void {
    this.sweptAt = revision;
    for (const [key, entry] of this.builds) if (entry.settled && entry.startedAt !== revision) this.builds.delete(key);
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
