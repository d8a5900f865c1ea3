import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../fatal';
import { pgliteDir, type DatabaseSettings } from '../settings';
import { openDatabase, type OpenOptions } from './database';

const run = promisify(execFile);

export interface BackupReport {
  engine: 'pglite' | 'postgres';
  file: string;
  bytes: number;
  /** Alliances in the database backed up or restored (deleted ones included). */
  alliances: number;
}

async function countAlliances(knex: import('knex').Knex): Promise<number> {
  const result = await knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM alliances`);
  return result.rows[0]?.n ?? 0;
}

/** Opens the database, counts its alliances, closes it. */
async function alliancesIn(options: OpenOptions): Promise<number> {
  const db = await openDatabase(options);
  try {
    return await countAlliances(db.knex);
  } finally {
    await db.close();
  }
}

/**
 * Backs up the database to `file`: the embedded data directory as a gzipped tarball (the server
 * must be stopped: one writer), or `pg_dump --format=custom` of the PostgreSQL database.
 */
export async function backupDatabase(settings: DatabaseSettings, file: string): Promise<BackupReport> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (settings.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${settings.databaseUrl}`]);
    const alliances = await alliancesIn({ databaseUrl: settings.databaseUrl, dataDir: '' });
    return { engine: 'postgres', file, bytes: (await fs.stat(file)).size, alliances };
  }
  const dir = pgliteDir(settings.dataDir);
  try {
    await fs.access(dir);
  } catch {
    throw new ConfigError(`Nessun database in ${dir} da salvare / No database in ${dir} to back up`);
  }
  const db = await openDatabase({ dataDir: dir });
  try {
    const alliances = await countAlliances(db.knex);
    const tarball = await db.dumpDataDir!();
    await fs.writeFile(`${file}.tmp`, Buffer.from(await tarball.arrayBuffer()));
    await fs.rename(`${file}.tmp`, file);
    return { engine: 'pglite', file, bytes: (await fs.stat(file)).size, alliances };
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup made by backupDatabase. The embedded engine restores only into an empty
 * DATA_DIR (nothing is overwritten); the PostgreSQL engine replaces what the database holds
 * (`pg_restore --clean --if-exists`).
 */
export async function restoreDatabase(settings: DatabaseSettings, file: string): Promise<BackupReport> {
  const bytes = (await fs.stat(file).catch(() => {
    throw new ConfigError(`File di backup non trovato: ${file} / Backup file not found: ${file}`);
  })).size;
  if (settings.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${settings.databaseUrl}`, file]);
    return { engine: 'postgres', file, bytes, alliances: await alliancesIn({ databaseUrl: settings.databaseUrl, dataDir: '' }) };
  }
  const dir = pgliteDir(settings.dataDir);
  const existing = await fs.readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new ConfigError(
      `${dir} contiene già un database: ripristina in un DATA_DIR vuoto (o sposta prima quello esistente) / ` +
        `${dir} already holds a database: restore into an empty DATA_DIR (or move the existing one first)`,
    );
  }
  const tarball = new Blob([await fs.readFile(file)]);
  return { engine: 'pglite', file, bytes, alliances: await alliancesIn({ dataDir: dir, loadDataDir: tarball }) };
}
