import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** Another process (a running server, an import) holds the embedded database's directory. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Il database in ${dataDir} è già aperto da un altro processo (un server avviato o un import): ` +
        'fermalo prima, oppure usa un altro DATA_DIR. ' +
        `/ The database in ${dataDir} is already open in another process (a running server or an import): stop it first, or use another DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes the embedded database's directory for this process alone: PGlite has a single writer, and
 * two processes writing the same files corrupt them. The lock is a directory next to the data
 * (`pglite.lock`) refreshed every few seconds; one left by a killed process goes stale in 10 s.
 * Resolves to the function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      stale: 10_000,
      update: 2_000,
      retries: { retries: 3, minTimeout: 200, maxTimeout: 1_000 },
      onCompromised: (error) => {
        // Someone removed or took over our lock: stop before two writers share the files.
        console.error(`${error.message}: il database non è più protetto, esco / the database is no longer protected, exiting`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
}
