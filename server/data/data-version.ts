import type { Knex } from 'knex';

export interface DataVersion {
  id: number;
  importedAt: string;
}

/**
 * The newest data version, read at most once per `maxAgeMs` so hot paths (tiles) can check it
 * on every request; an import from another process is seen within that time.
 */
export class DataVersionWatcher {
  private cached: Promise<DataVersion> | null = null;
  private readAt = 0;
  /** The last version read: while the database is away, what was built from it keeps being served. */
  private lastKnown: DataVersion | null = null;

  constructor(
    private readonly knex: Knex,
    private readonly maxAgeMs = 2000,
  ) {}

  current(): Promise<DataVersion> {
    const now = Date.now();
    if (!this.cached || now - this.readAt > this.maxAgeMs) {
      this.readAt = now;
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

  /** Forget the cached value (after an import in this process). */
  invalidate(): void {
    this.cached = null;
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

  constructor(
    private readonly versions: DataVersionWatcher,
    private readonly build: (version: number) => Promise<T>,
  ) {}

  async get(): Promise<{ version: number; value: T }> {
    const { id } = await this.versions.current();
    if (!this.entry || this.entry.version !== id) {
      const value = this.build(id);
      this.entry = { version: id, value };
      value.catch(() => {
        if (this.entry?.value === value) this.entry = null;
      });
    }
    return { version: this.entry.version, value: await this.entry.value };
  }
}
