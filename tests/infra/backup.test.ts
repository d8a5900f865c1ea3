import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../infra/db/backup';
import { openDatabase } from '../../infra/db/database';
import { describeFatal } from '../../infra/fatal';
import type { DatabaseSettings } from '../../infra/settings';
import { adminUrl, databaseUrlFor } from '../helpers/postgres';
import { startTestServer } from '../helpers/test-server';

const engine = inject('engine');
const serverUrl = process.env.DATABASE_URL ?? '';
let work: string;
const databases: string[] = [];

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-backup-'));
});
afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
  if (databases.length === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

/** Settings of a new database holding all the data, on the engine under test. */
async function newDatabase(name: string, empty = false): Promise<DatabaseSettings> {
  if (engine === 'pglite') {
    const dataDir = path.join(work, name);
    if (!empty) await fs.cp(inject('templateDir'), path.join(dataDir, 'pglite'), { recursive: true });
    return { databaseUrl: undefined, dataDir };
  }
  const db = `ali_backup_${name}_${process.pid}`;
  databases.push(db);
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  await admin.query(empty ? `CREATE DATABASE "${db}"` : `CREATE DATABASE "${db}" TEMPLATE "${inject('templateDatabase')}"`);
  await admin.end();
  return { databaseUrl: databaseUrlFor(serverUrl, db), dataDir: path.join(work, name) };
}

const open = (s: DatabaseSettings) => openDatabase({ databaseUrl: s.databaseUrl, dataDir: path.join(s.dataDir, 'pglite') });

describe('db:backup and db:restore', () => {
  it('restores a backup into an empty database with every alliance', async () => {
    const source = await newDatabase('source');
    const db = await open(source);
    const server = await startTestServer(db);
    const names = ['ALI uno', 'ALI due'];
    for (const name of names) {
      const r = await server.post('/api/alliances', { name, members: [{ code: '001001' }] });
      expect(r.status).toBe(201);
    }
    await server.close();
    await db.close();

    const file = path.join(work, engine === 'pglite' ? 'backup.tar.gz' : 'backup.dump');
    const saved = await backupDatabase(source, file);
    expect(saved).toMatchObject({ engine, alliances: 2 });
    expect(saved.bytes).toBeGreaterThan(1000);

    const target = await newDatabase('target', true);
    const restored = await restoreDatabase(target, file);
    expect(restored.alliances).toBe(2);
    const copy = await open(target);
    try {
      const rows = await copy.knex.raw<{ rows: { name: string }[] }>(`SELECT name FROM alliances ORDER BY id`);
      expect(rows.rows.map((r) => r.name)).toEqual(names);
      const comuni = await copy.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM comuni`);
      expect(comuni.rows[0]!.n).toBe(7899);
    } finally {
      await copy.close();
    }
  }, 300_000);

  it('refuses a corrupt backup with one line that says so, and leaves the target as it was', async () => {
    const file = path.join(work, engine === 'pglite' ? 'corrupt.tar.gz' : 'corrupt.dump');
    await fs.writeFile(file, Buffer.from('PGDMP not really a backup, just bytes '.repeat(100)));
    const target = await newDatabase('corrupt', true);
    const failure = await restoreDatabase(target, file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const { message, exitCode } = describeFatal(failure, target.databaseUrl);
    expect(message).toContain('non è un backup leggibile');
    expect(message).toContain('not a readable backup');
    expect(message).not.toMatch(/\n\s+at /);
    expect(exitCode).toBeGreaterThan(0);
    if (engine === 'pglite') {
      // Still empty: a good backup can be restored there next.
      expect(await fs.readdir(path.join(target.dataDir, 'pglite')).catch(() => [])).toEqual([]);
    }
  }, 120_000);

  it.skipIf(engine !== 'postgres')('makes running instances forget what a restore removed, and never gives an id twice (PostgreSQL)', async () => {
    const live = await newDatabase('live');
    const db = await open(live);
    const server = await startTestServer(db);
    try {
      const create = async (name: string) => {
        const r = await server.post('/api/alliances', { name, members: [{ code: '001001' }] });
        expect(r.status).toBe(201);
        return ((await r.json()) as { id: number }).id;
      };
      // Drafts are unlisted: each is read at its own address (a page the instance keeps per alliances revision).
      const status = async (id: number) => (await server.get(`/api/alliances/${id}`)).status;
      const saved = await create('ALI salvata');
      const file = path.join(work, 'live.dump');
      await backupDatabase(live, file);
      const removed = await create('ALI dopo il backup');
      expect([await status(saved), await status(removed)]).toEqual([200, 200]);

      await restoreDatabase(live, file);
      // The instance hears of the restore (NOTIFY) and answers from the restored state.
      const deadline = Date.now() + 10_000;
      while ((await status(removed)) !== 404 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await status(removed)).toBe(404);
      expect(await status(saved)).toBe(200);
      // The id the removed alliance had is not given to the next one: its old links lead nowhere.
      expect(await create('ALI nuova')).toBeGreaterThan(removed);
    } finally {
      await server.close();
      await db.close();
    }
  }, 300_000);

  it.skipIf(engine !== 'pglite')('never restores over an existing embedded database (embedded engine only)', async () => {
    const existing = await newDatabase('existing');
    const file = path.join(work, 'any.tar.gz');
    await fs.writeFile(file, 'not read: the target is checked first');
    await expect(restoreDatabase(existing, file)).rejects.toThrow(/contiene già un database/);
    await expect(restoreDatabase(await newDatabase('none', true), path.join(work, 'missing.tar.gz'))).rejects.toThrow(/non trovato/);
  });
});
