import path from 'node:path';
import { readServerConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { GeodataError } from '../errors';

/** Runs a command-line task against the configured database, with readable errors and exit codes. */
export function runWithDatabase(task: (db: Database) => Promise<void>): void {
  const config = readServerConfig();
  let db: Database | undefined;
  openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') })
    .then((opened) => {
      db = opened;
      return task(opened);
    })
    .then(() => db?.close())
    .catch(async (error: unknown) => {
      if (error instanceof GeodataError) console.error(error.describe());
      else console.error(error);
      await db?.close().catch(() => undefined);
      process.exitCode = 1;
    });
}
