import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { prepareDataDir } from './data-dir';
import { lockDataDir } from './data-dir-lock';
import { migrationSource } from './migrations';
import { openRemotePglite, type EngineMemory } from './pglite-remote';
import { checkPostgres } from './postgres-check';

export type Engine = 'pglite' | 'postgres';

/** Stops listening. */
export type Unlisten = () => Promise<void>;

export interface Database {
  knex: Knex;
  engine: Engine;
  close(): Promise<void>;
  /**
   * Calls `onNotify` on every NOTIFY on `channel`, from this process or (PostgreSQL) any other; and
   * with `null` when notifications may have been missed (a lost connection, now back).
   */
  listen(channel: string, onNotify: (payload: string | null) => void): Promise<Unlisten>;
  /** Embedded engine only: the whole data directory as a gzipped tarball (a backup). */
  dumpDataDir?: () => Promise<Blob>;
  /** Embedded engine only: what the database holds in this process's memory. */
  memory?: () => Promise<EngineMemory>;
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
  if (options.databaseUrl) await checkPostgres(options.databaseUrl);
  const db = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options.dataDir, options.loadDataDir);
  try {
    await db.knex.migrate.latest({ migrationSource });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/** A channel name as an SQL identifier: lower-case letters, digits and underscores only. */
function channelName(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  return channel;
}

function openPostgres(url: string): Database {
  const knex = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: 8 },
    // knex warns with a stack on every failed connection, then rejects with the same error, which its
    // caller reports (one line at start, an HTTP 503 or 500 while serving): print it once, not twice.
    log: {
      warn: (message: unknown) => {
        if (!(typeof message === 'string' && message.startsWith('Acquire connection error'))) console.warn(message);
      },
    },
  });
  const listeners = new Set<Unlisten>();
  return {
    knex,
    engine: 'postgres',
    listen: async (channel, onNotify) => {
      const stop = await listenPostgres(url, channelName(channel), onNotify);
      const unlisten = async () => {
        listeners.delete(unlisten);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
    close: async () => {
      await Promise.all([...listeners].map((unlisten) => unlisten()));
      await knex.destroy();
    },
  };
}

/**
 * LISTEN on a connection of its own (the pool's connections come and go). When the connection is
 * lost it reconnects, backing off up to 30 s, and reports `null`: what changed meanwhile is unknown.
 */
async function listenPostgres(url: string, channel: string, onNotify: (payload: string | null) => void): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 500;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => reconnect(next));
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    delay = 500;
  };
  const reconnect = (lost: pg.Client) => {
    if (stopped || client !== lost) return;
    client = null;
    lost.end().catch(() => undefined);
    const attempt = () => {
      retry = undefined;
      if (stopped) return;
      connect().then(
        () => onNotify(null),
        () => {
          delay = Math.min(delay * 2, 30_000);
          retry = setTimeout(attempt, delay);
        },
      );
    };
    retry = setTimeout(attempt, delay);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client as pg.Client | null;
    client = null;
    await current?.end().catch(() => undefined);
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  await prepareDataDir(path.dirname(dataDir));
  const release = await lockDataDir(dataDir);
  // In a worker thread: PGlite's queries run there, the HTTP event loop stays free.
  const pglite = openRemotePglite(dataDir, loadDataDir);
  try {
    await pglite.waitReady;
  } catch (error) {
    await pglite.close().catch(() => undefined);
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
    // One process holds the data directory: every NOTIFY comes from this one PGlite (its worker
    // forwards them; stopping after the database closed is a no-op).
    listen: (channel, onNotify) => pglite.listen(channelName(channel), (payload) => onNotify(payload)),
    dumpDataDir: () => pglite.dumpDataDir(),
    memory: () => pglite.memory(),
    close: async () => {
      try {
        await knex.destroy();
        await pglite.close();
      } finally {
        await release().catch(() => undefined);
      }
    },
  };
}
