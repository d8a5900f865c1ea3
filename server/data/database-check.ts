/**
 * Whether the database answers, for `/api/health`, without ever making health wait behind it. The
 * embedded engine runs one query at a time: a health check that queried it on every request waited
 * behind every save, search and open-data build queued before it (seconds, under load), and a
 * hundred health requests queued a hundred queries. Here at most one check query is on its way at a
 * time; a request waits for it at most `waitMs`, then answers from the last one that came back
 * (the very first check is waited for, up to `stallMs`).
 * The database counts as not answering when the last check failed, or when one has been on its way
 * for more than `stallMs` (a check that long is given up: the next request starts another).
 */

export interface DatabaseCheckOptions {
  /** How long a health request waits for the check on its way before answering from the last one. */
  waitMs: number;
  /** How long a check may take before the database counts as not answering. */
  stallMs: number;
}

/** 100 ms: a health request answers well within 200 ms whatever the database is doing. */
export const DEFAULT_DATABASE_CHECK: DatabaseCheckOptions = { waitMs: 100, stallMs: 10_000 };

export type DatabaseState<T> =
  | { answering: true; value: T; checkedAt: number }
  | { answering: false };

export class DatabaseCheck<T> {
  private last: { value: T; at: number } | null = null;
  private failed = false;
  private onItsWay: Promise<void> | null = null;

  constructor(
    /** The check itself: a cheap query whose answer health reports. */
    private readonly probe: () => Promise<T>,
    private readonly options: DatabaseCheckOptions = DEFAULT_DATABASE_CHECK,
    private readonly now: () => number = Date.now,
  ) {}

  /** The database's state: the check on its way if it answers within `waitMs`, else the last one's. */
  async state(): Promise<DatabaseState<T>> {
    const check = this.onItsWay ?? this.start();
    // Before any check has come back there is nothing to answer from: the first one is waited for
    // (a server just started, its database still warming up), for at most stallMs.
    if (!this.last && !this.failed) {
      await check;
    } else {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([check, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.waitMs)))]);
      clearTimeout(timer);
    }
    if (this.failed || !this.last) return { answering: false };
    return { answering: true, value: this.last.value, checkedAt: this.last.at };
  }

  private start(): Promise<void> {
    let stalled: NodeJS.Timeout | undefined;
    const check: Promise<void> = Promise.race([
      this.probe().then(
        (value) => {
          this.last = { value, at: this.now() };
          this.failed = false;
        },
        () => {
          this.failed = true;
        },
      ),
      // Given up after stallMs: not answering, until a check comes back (this one, late, or the
      // next request's).
      new Promise<void>((resolve) => {
        stalled = setTimeout(() => {
          this.failed = true;
          resolve();
        }, this.options.stallMs).unref();
      }),
    ]).finally(() => {
      clearTimeout(stalled);
      if (this.onItsWay === check) this.onItsWay = null;
    });
    this.onItsWay = check;
    return check;
  }
}
