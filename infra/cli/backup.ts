import path from 'node:path';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { EXIT, reportFatal } from '../fatal';
import { readDatabaseSettings } from '../settings';

/**
 * `npm run db:backup [-- FILE]` and `npm run db:restore -- FILE`: a copy of the whole database
 * (embedded: the data directory as .tar.gz; PostgreSQL: pg_dump's custom format).
 */
const [action, fileArgument] = process.argv.slice(2);
const settings = readDatabaseSettings();
const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
const defaultFile = path.join('backups', `ali-${stamp}.${settings.databaseUrl ? 'dump' : 'tar.gz'}`);

async function main(): Promise<void> {
  if (action === 'backup') {
    const report = await backupDatabase(settings, fileArgument ?? defaultFile);
    console.log(`Backup salvato in ${report.file} (${(report.bytes / 1e6).toFixed(1)} MB, ${report.alliances} alleanze, motore ${report.engine}).`);
  } else if (action === 'restore' && fileArgument) {
    const report = await restoreDatabase(settings, fileArgument);
    console.log(`Ripristinato ${report.file}: ${report.alliances} alleanze (motore ${report.engine}).`);
  } else {
    console.error('Uso / usage: npm run db:backup [-- FILE]   |   npm run db:restore -- FILE');
    process.exitCode = EXIT.config;
  }
}

main().catch((error: unknown) => reportFatal(error, settings.databaseUrl));
