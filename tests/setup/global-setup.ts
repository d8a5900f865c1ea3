import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { importGeodata } from '../../geodata/import/pipeline';
import { geodataLocation, loadGeodata } from '../../geodata/load';
import { terminalProgress } from '../../geodata/progress';
import { openDatabase } from '../../infra/db/database';
import { adminUrl, databaseUrlFor } from '../helpers/postgres';
import { createScratch, removeStaleScratch } from './scratch';
import { CACHE_DIR, removeStaleClientBuilds, templateKey } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    /** Embedded engine: a data directory with all the data, to copy. */
    templateDir: string;
    /** Server engine: a database with all the data, to clone. */
    templateDatabase: string;
    /** GEODATA_DIR's full sources, when set (tests that need them skip otherwise); else ''. */
    fullSourcesDir: string;
    /** This run's folder for database copies, deleted when the run ends (see scratch.ts). */
    scratchDir: string;
  }
}

/**
 * Imports the real data once per run (or reuses the cached import when nothing it depends on
 * changed), so each test file starts from a copy instead of a 60-second import. Returns the
 * teardown, which deletes the run's database copies: the workers end without running exit handlers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await removeStaleScratch();
  const scratchDir = await createScratch();
  project.provide('scratchDir', scratchDir);
  const teardown = () => fs.rm(scratchDir, { recursive: true, force: true });
  try {
    await prepareTemplate(project);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Provides the imported template of the engine this run tests. */
async function prepareTemplate(project: TestProject): Promise<void> {
  removeStaleClientBuilds();
  const location = geodataLocation();
  const key = templateKey(location.dir);
  project.provide('fullSourcesDir', location.kind === 'sources' ? location.dir : '');
  const importAll = async (knex: Parameters<typeof importGeodata>[0]) => {
    const progress = terminalProgress();
    await importGeodata(knex, await loadGeodata(progress), progress);
  };
  const url = process.env.DATABASE_URL;

  if (!url) {
    const templateDir = path.join(CACHE_DIR, `pglite-${key}`);
    if (!existsSync(path.join(templateDir, 'ready'))) {
      // Built aside and renamed into place, so that two runs at once never use a half-built copy.
      const building = `${templateDir}.building-${process.pid}`;
      await fs.rm(building, { recursive: true, force: true });
      const db = await openDatabase({ dataDir: path.join(building, 'pgdata') });
      console.log('Preparing the embedded test database (real data, once)…');
      await importAll(db.knex);
      await db.close();
      await fs.writeFile(path.join(building, 'ready'), key);
      await fs.rm(templateDir, { recursive: true, force: true });
      await fs.rename(building, templateDir);
      await removeStaleTemplates(templateDir);
    }
    project.provide('engine', 'pglite');
    project.provide('templateDir', path.join(templateDir, 'pgdata'));
    project.provide('templateDatabase', '');
    return;
  }

  const templateDatabase = `ali_template_${key}`;
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateDatabase]);
  if (exists.rowCount === 0) {
    for (const old of (await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'ali_template_%' OR datname LIKE 'ali_test_%'`)).rows) {
      await client.query(`DROP DATABASE IF EXISTS "${old.datname as string}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${templateDatabase}_building"`);
    const db = await openDatabase({ databaseUrl: databaseUrlFor(url, `${templateDatabase}_building`), dataDir: '' });
    console.log('Preparing the PostgreSQL test database (real data, once)…');
    await importAll(db.knex);
    await db.close();
    await client.query(`ALTER DATABASE "${templateDatabase}_building" RENAME TO "${templateDatabase}"`);
  }
  await client.end();
  project.provide('engine', 'postgres');
  project.provide('templateDir', '');
  project.provide('templateDatabase', templateDatabase);
}

/** Cached templates of earlier keys (not those another run is still building). */
async function removeStaleTemplates(current: string): Promise<void> {
  for (const entry of await fs.readdir(CACHE_DIR)) {
    const full = path.join(CACHE_DIR, entry);
    if (full !== current && entry.startsWith('pglite-') && !entry.includes('.building-')) await fs.rm(full, { recursive: true, force: true });
  }
}
