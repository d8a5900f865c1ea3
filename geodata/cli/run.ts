import { openDatabase, type Database } from '../../infra/db/database';
import { pgliteDir, readDatabaseSettings } from '../../infra/settings';
import { GeodataError } from '../errors';

/** Runs a command-line task against the configured database, with readable errors and exit codes. */
export function runWithDatabase(task: (db: Database) => Promise<void>): void {
  const settings = readDatabaseSettings();
  let db: Database | undefined;
  openDatabase({ databaseUrl: settings.databaseUrl, dataDir: pgliteDir(settings.dataDir) })
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
