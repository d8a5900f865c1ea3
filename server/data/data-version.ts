import type { Knex } from 'knex';
import type { Database, Unlisten } from '../../infra/db/database';
import { DATA_VERSION_CHANNEL } from '../../infra/db/channels';

export interface DataVersion {
  id: number;
  importedAt: string;
}

/**
 * The newest data version, held in memory: hot paths (tiles) check it on every request without
 * asking the database. It is read once, and again only after an import announces a new one
 * (NOTIFY on DATA_VERSION_CHANNEL, which every instance on the same database hears: see `follow`)
 * or after `invalidate`.
 */
export class DataVersionWatcher {
  private cached: Promise<DataVersion> | null = null;
  /** The last version read: while the database is away, what was built from it keeps being served. */
  private lastKnown: DataVersion | null = null;

  constructor(private readonly knex: Knex) {}

  current(): Promise<DataVersion> {
    if (!this.cached) {
      const reading = this.read().then(
        (version) => (this.lastKnown = version),
        (error: unknown) => {
          if (this.cached === reading) this.cached = null;
          if (this.lastKnown) return this.lastKnown;
          throw error;
        },
      );
      this.cached = reading;
    }
    return this.cached;
  }

  /** Forget the cached value: the next request reads the newest version. */
  invalidate(): void {
    this.cached = null;
  }

  /** Re-reads the version whenever an import (in any process on this database) announces one. */
  follow(db: Database): Promise<Unlisten> {
    return db.listen(DATA_VERSION_CHANNEL, () => this.invalidate());
  }

  private async read(): Promise<DataVersion> {
    const result = await this.knex.raw<{ rows: { id: number; imported_at: Date | string }[] }>(
      `SELECT id, imported_at FROM data_versions ORDER BY id DESC LIMIT 1`,
    );
    const row = result.rows[0];
    if (!row) return { id: 0, importedAt: '' };
    return { id: row.id, importedAt: new Date(row.imported_at).toISOString() };
  }
}

/**
 * Something derived from the database and rebuilt when the data version changes:
 * the first caller after a change starts the rebuild, everyone awaits the same promise.
 */
export class Versioned<T> {
  private entry: { version: number; value: Promise<T> } | null = null;
  private settled: T | undefined;

  constructor(
    private readonly versions: DataVersionWatcher,
    private readonly build: (version: number) => Promise<T>,
  ) {}

  /** The current version's value once its build has finished, without starting one. */
  peek(): T | undefined {
    return this.settled;
  }

  async get(): Promise<{ version: number; value: T }> {
    const { id } = await this.versions.current();
    if (!this.entry || this.entry.version !== id) {
      const value = this.build(id);
      this.entry = { version: id, value };
      this.settled = undefined;
      // Kept once built, unless a newer build has taken its place; a failed build is asked again.
      void value.then(
        (built) => {
          if (this.entry?.value === value) this.settled = built;
        },
        () => {
          if (this.entry?.value === value) this.entry = null;
        },
      );
    }
    return { version: this.entry.version, value: await this.entry.value };
  }
}
