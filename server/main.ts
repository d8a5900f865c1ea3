import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { IMPORTED_DATASETS, describeSummary, importGeodata } from '../geodata/import/pipeline';
import { describeLocation, loadGeodata } from '../geodata/load';
import { terminalProgress } from '../geodata/progress';
import type { SourceData } from '../geodata/source-data';
import { openDatabase, type Database } from '../infra/db/database';
import { prepareDataDir } from '../infra/db/data-dir';
import { EXIT, reportFatal } from '../infra/fatal';
import { pgliteDir } from '../infra/settings';
import { createApp } from './app';
import { ensureClientBuilt } from './client-build';
import { PROJECT_ROOT, readServerConfig } from './config';
import { createContext, followChanges } from './context';
import { checkPortFree } from './http/port-check';
import { createHttpServer } from './http/server';
import { describeMemory, memoryReport } from './data/memory-report';
import { warmUp } from './warm-up';

/** True once every dataset of the first import has been written (an interrupted import is redone). */
async function isImported(db: Database): Promise<boolean> {
  const result = await db.knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(DISTINCT dataset)::int AS n FROM data_versions WHERE dataset = ANY(?)`,
    [[...IMPORTED_DATASETS]],
  );
  return result.rows[0]?.n === IMPORTED_DATASETS.length;
}

/** Listens, or rejects with the reason (port in use, no permission) instead of serving nothing. */
function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

let databaseUrl: string | undefined;

/** `npm start`: open (or create) the database, import the data on first start, serve the app. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = readServerConfig();
  databaseUrl = config.databaseUrl;
  const dataDir = pgliteDir(config.dataDir);
  const engine = config.databaseUrl ? 'PostgreSQL' : `PGlite (${path.relative(process.cwd(), config.dataDir) || '.'})`;
  const progress = terminalProgress();
  // Settings a person can fix are checked before the minutes of a first import.
  await checkPortFree(config.port, config.host);
  if (!config.databaseUrl) await prepareDataDir(config.dataDir);

  // A first start reads and checks the data before creating a database it could not fill.
  let data: SourceData | undefined;
  if (!config.databaseUrl && !fs.existsSync(dataDir)) {
    console.log(`Primo avvio: leggo ${describeLocation()}`);
    data = await loadGeodata(progress);
  }
  console.log(`ALI Atlas: apertura del database ${engine}…`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir });

  try {
    if (!(await isImported(db))) {
      console.log(`Importo ${describeLocation()}`);
      const summary = await importGeodata(db.knex, data ?? (await loadGeodata(progress)), progress);
      for (const line of describeSummary(summary)) console.log(line);
    }
    data = undefined;

    const clientDir = path.join(PROJECT_ROOT, 'dist', 'client');
    if (!process.argv.includes('--no-client')) await ensureClientBuilt(clientDir);

    const ctx = createContext(db, {
      basemapUrl: config.basemapUrl,
      adminToken: config.adminToken,
      clientDir: fs.existsSync(clientDir) ? clientDir : undefined,
      rateLimits: config.rateLimits,
      ogcFeaturesPerMinute: config.ogcFeaturesPerMinute,
      ogcMegabytesPerMinute: config.ogcMegabytesPerMinute,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      publisher: config.publisher,
      tilesUrl: config.tilesUrl,
      tileCacheMb: config.tileCacheMb,
      // Each tileset's archive, built once per data version (on either engine) and read at every start.
      tileArchiveDir: path.join(config.dataDir, 'tiles'),
    });
    // Imports and alliance changes from other instances on this database reach this one's caches.
    const unfollow = await followChanges(ctx);
    const server = createHttpServer(createApp(ctx));
    await listen(server, config.port, config.host);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`ALI Atlas pronto in ${seconds} s su http://localhost:${config.port} (motore: ${db.engine})`);
    // Warm the caches, the tiles' archives and the evaluation thread so the first visitor and the first save do not wait for them.
    void warmUp(ctx)
      .then(async () => console.log(describeMemory(await memoryReport(ctx))))
      .catch((error: unknown) => console.error(error));

    const stop = () => {
      server.close();
      unfollow()
        .catch(() => undefined)
        .then(() => Promise.all([ctx.tileThread.close(), ctx.evaluationThread.close()]))
        .then(() => db.close())
        .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`Chiusura del database non riuscita / Closing the database failed: ${(error as Error).message}`);
          process.exit(EXIT.failed);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  reportFatal(error, databaseUrl);
  process.exit(process.exitCode ?? EXIT.failed);
});
