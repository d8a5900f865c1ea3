import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { migrationSource } from './migrations';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  knex: Knex;
  engine: Engine;
  close(): Promise<void>;
  /** Embedded engine only: the whole data directory as a gzipped tarball (a backup). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… for a PostgreSQL server; otherwise the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database (created if missing). */
  dataDir: string;
  /** Embedded engine: start a new data directory from this backup (see backup.ts). */
  loadDataDir?: Blob;
}

// Return numbers, not strings, for bigint counts and numeric columns on the pg driver.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Opens the database on either engine and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir, options.loadDataDir);
  try {
    await db.knex.migrate.latest({ migrationSource });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

function openPostgres(url: string): Database {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 8 } });
  return { knex, engine: 'postgres', close: () => knex.destroy() };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const release = await lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, extensions: { postgis }, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (error) {
    await release();
    throw error;
  }
  const knex = knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
  });
  return {
    knex,
    engine: 'pglite',
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      try {
        await knex.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}
