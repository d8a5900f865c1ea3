import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../infra/db/database';
import { adminUrl, databaseUrlFor } from './postgres';

export interface TestDatabase {
  db: Database;
  /** Closes the database and deletes this copy. */
  dispose(): Promise<void>;
}

async function copyOfTemplate(): Promise<{ db: Database; dir: string }> {
  // In the run's scratch folder, which the run's teardown deletes with whatever a worker left there.
  const dir = await fs.mkdtemp(path.join(inject('scratchDir'), 'copy-'));
  const dataDir = path.join(dir, 'pgdata');
  await fs.cp(inject('templateDir'), dataDir, { recursive: true });
  return { db: await openDatabase({ dataDir }), dir };
}

/** The embedded copy this worker shares between its files (opening one costs seconds). */
let workerCopy: Promise<Database> | undefined;

function sharedCopy(): Promise<Database> {
  // Closed with the worker: its files run one after another, and the last one leaves with it; its
  // files go with the run's scratch folder (a worker ends without running exit handlers).
  workerCopy ??= copyOfTemplate().then(({ db }) => db);
  return workerCopy;
}

/**
 * A copy of the fully imported database, on the engine this run tests: a copied data directory
 * (embedded) or a database cloned from the template (server). `shared`: on the embedded engine, the
 * copy this worker's other shared files use too (they see each other's alliances, never a change
 * of the reference data: files that change the catalogue, import, or count national totals ask for
 * their own). A server engine clone costs little, so every file there gets its own.
 */
export async function openTestDatabase(options: { shared?: boolean } = {}): Promise<TestDatabase> {
  if (inject('engine') === 'pglite') {
    if (options.shared) return { db: await sharedCopy(), dispose: async () => {} };
    const { db, dir } = await copyOfTemplate();
    return {
      db,
      dispose: async () => {
        await db.close();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }

  const url = process.env.DATABASE_URL as string;
  const name = `ali_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  // Two files may clone the template at the same moment; PostgreSQL then asks one to retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
    }
  }
  const db = await openDatabase({ databaseUrl: databaseUrlFor(url, name), dataDir: '' });
  return {
    db,
    dispose: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
