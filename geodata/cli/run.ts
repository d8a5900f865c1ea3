import { openDatabase, type Database } from '../../infra/db/database';
import { reportFatal } from '../../infra/fatal';
import { pgliteDir, readDatabaseSettings } from '../../infra/settings';

/**
 * Runs a command-line task against the configured database, with readable errors and exit codes.
 * On the embedded engine the task has the data directory to itself: with a server running on
 * it, the command stops with a clear message (exit code 3) instead of writing next to the server.
 */
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
      reportFatal(error, settings.databaseUrl);
      await db?.close().catch(() => undefined);
    });
}
