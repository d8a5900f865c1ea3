import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ALLIANCES_CHANNEL, DATA_VERSION_CHANNEL } from './channels';
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
    const given = await sequencesOf(settings.databaseUrl);
    try {
      await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${settings.databaseUrl}`, file]);
    } catch (error) {
      throw unreadable(file, error);
    }
    await afterRestore(settings.databaseUrl, given);
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
  try {
    return { engine: 'pglite', file, bytes, alliances: await alliancesIn({ dataDir: dir, loadDataDir: tarball }) };
  } catch (error) {
    // It was empty: leave it so, for the next try.
    await fs.rm(dir, { recursive: true, force: true });
    throw unreadable(file, error);
  }
}

/**
 * A restore that failed, in one line (the tool's own first line of error), no stack: "not a
 * readable backup" when the tool says the file is not one, else what it said.
 */
function unreadable(file: string, error: unknown): ConfigError {
  const e = error as { stderr?: unknown; message?: unknown };
  const said = String((typeof e?.stderr === 'string' && e.stderr.trim()) || e?.message || error).split('\n')[0]!.trim().slice(0, 300);
  if (/connection|password|authentication|permission denied/i.test(said)) {
    return new ConfigError(`Ripristino di ${file} non riuscito (${said}) / Restoring ${file} failed`);
  }
  return new ConfigError(`Impossibile ripristinare ${file}: non è un backup leggibile (${said}) / Cannot restore ${file}: not a readable backup`);
}

/** Each sequence of the database and the last value it gave out (null: none yet). */
async function sequencesOf(databaseUrl: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ name: string; last: string }>(
      `SELECT format('%I.%I', schemaname, sequencename) AS name, last_value AS last FROM pg_sequences WHERE last_value IS NOT NULL`,
    );
    return new Map(result.rows.map((r) => [r.name, Number(r.last)]));
  } finally {
    await client.end();
  }
}

/**
 * After a restore into a database that app instances may be using: no id they gave out before is
 * given out again (each sequence goes on from the larger of its value before and the backup's:
 * an old link never leads to another alliance), and every instance drops what it derived from the
 * state before (NOTIFY: the alliances, and the data version, which the backup may change).
 */
async function afterRestore(databaseUrl: string, given: Map<string, number>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [name, last] of given) {
      await client.query(
        `SELECT setval(seq, greatest($2::bigint, (SELECT coalesce(last_value, 0) FROM pg_sequences
                 WHERE format('%I.%I', schemaname, sequencename) = $1)))
         FROM (SELECT to_regclass($1) AS seq) s WHERE seq IS NOT NULL`,
        [name, last],
      );
    }
    await client.query(`SELECT pg_notify($1, 'restore'), pg_notify($2, 'restore')`, [ALLIANCES_CHANNEL, DATA_VERSION_CHANNEL]);
  } finally {
    await client.end();
  }
}
