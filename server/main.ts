import fs from 'node:fs';
import path from 'node:path';
import { IMPORTED_DATASETS, describeSummary, importGeodata } from '../geodata/import/pipeline';
import { describeLocation, loadGeodata } from '../geodata/load';
import { terminalProgress } from '../geodata/progress';
import { GeodataError } from '../geodata/errors';
import { createApp } from './app';
import { PROJECT_ROOT, readServerConfig } from './config';
import { createContext } from './context';
import { openDatabase, type Database } from '../infra/db/database';
import { pgliteDir } from '../infra/settings';
import { ensureClientBuilt } from './client-build';

/** True once every dataset of the first import has been written (an interrupted import is redone). */
async function isImported(db: Database): Promise<boolean> {
  const result = await db.knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(DISTINCT dataset)::int AS n FROM data_versions WHERE dataset = ANY(?)`,
    [[...IMPORTED_DATASETS]],
  );
  return result.rows[0]?.n === IMPORTED_DATASETS.length;
}

/** `npm start`: open (or create) the database, import the data on first start, serve the app. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = readServerConfig();
  const engine = config.databaseUrl ? 'PostgreSQL' : `PGlite (${path.relative(process.cwd(), config.dataDir) || '.'})`;
  console.log(`ALI Atlas: apertura del database ${engine}…`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir) });

  if (!(await isImported(db))) {
    console.log(`Primo avvio: importo ${describeLocation()}`);
    const progress = terminalProgress();
    const summary = await importGeodata(db.knex, await loadGeodata(progress), progress);
    for (const line of describeSummary(summary)) console.log(line);
  }

  const clientDir = path.join(PROJECT_ROOT, 'dist', 'client');
  if (!process.argv.includes('--no-client')) await ensureClientBuilt(clientDir);

  const ctx = createContext(db, { basemapUrl: config.basemapUrl, adminToken: config.adminToken, clientDir: fs.existsSync(clientDir) ? clientDir : undefined });
  const app = createApp(ctx);
  const server = app.listen(config.port, config.host, () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`ALI Atlas pronto in ${seconds} s su http://localhost:${config.port} (motore: ${db.engine})`);
    // Warm the caches so the first visitor does not wait for them.
    void ctx.tables.get().then(() => ctx.tiles.comuni.get()).catch((error: unknown) => console.error(error));
  });

  const stop = () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof GeodataError) console.error(error.describe());
  else console.error(error);
  process.exit(1);
});
