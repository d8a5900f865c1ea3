import fs from 'node:fs';
import path from 'node:path';
import { describeSummary, importGeodata } from '../geodata/import/pipeline';
import { terminalProgress } from '../geodata/progress';
import { resolveGeodataDir } from '../geodata/sources';
import { GeodataError } from '../geodata/errors';
import { createApp } from './app';
import { PROJECT_ROOT, readServerConfig } from './config';
import { createContext } from './context';
import { openDatabase, type Database } from './db/database';
import { ensureClientBuilt } from './client-build';

/** True once every dataset of the first import has been written (an interrupted import is redone). */
async function isImported(db: Database): Promise<boolean> {
  const result = await db.knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(DISTINCT dataset)::int AS n FROM data_versions WHERE dataset IN ('boundaries', 'snai', 'sll')`,
  );
  return result.rows[0]?.n === 3;
}

/** `npm start`: open (or create) the database, import the data on first start, serve the app. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = readServerConfig();
  const engine = config.databaseUrl ? 'PostgreSQL' : `PGlite (${path.relative(process.cwd(), config.dataDir) || '.'})`;
  console.log(`ALI Atlas: apertura del database ${engine}…`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });

  if (!(await isImported(db))) {
    const dir = resolveGeodataDir();
    console.log(`Primo avvio: importo i dati da ${dir}`);
    const summary = await importGeodata(db.knex, dir, terminalProgress());
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
