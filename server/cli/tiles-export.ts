import path from 'node:path';
import { parseArgs } from 'node:util';
import { runWithDatabase } from '../../geodata/cli/run';
import { terminalProgress } from '../../geodata/progress';
import { ARCHIVE_MAX_ZOOM } from '../tiles/tile-archive';
import { exportTiles } from '../tiles/tile-export';

/**
 * `npm run tiles:export -- --to DIR [--max-zoom N]`: the map's tiles as PMTiles archives and
 * TileJSON, for a static file server, an object store or a CDN (then start the app with
 * TILES_URL pointing there).
 */
const { values } = parseArgs({ options: { to: { type: 'string' }, 'max-zoom': { type: 'string' } } });
if (!values.to) {
  console.error('Uso / Usage: npm run tiles:export -- --to DIR [--max-zoom 0–14]');
  process.exit(2);
}
const maxZoom = values['max-zoom'] === undefined ? ARCHIVE_MAX_ZOOM : Number(values['max-zoom']);
if (!Number.isInteger(maxZoom) || maxZoom < 0 || maxZoom > 14) {
  console.error(`--max-zoom deve essere un intero da 0 a 14 / must be a whole number from 0 to 14: ${values['max-zoom']}`);
  process.exit(2);
}
const dir = path.resolve(values.to);

runWithDatabase(async (db) => {
  const progress = terminalProgress();
  let stage = '';
  let ticked = 0;
  const written = await exportTiles(db.knex, dir, {
    maxZoom,
    onProgress: (tileset, done, total) => {
      if (stage !== tileset) {
        stage = tileset;
        ticked = 0;
        progress.stage(`Tile ${tileset} (z0–z${maxZoom})`, total);
      }
      progress.tick(done - ticked);
      ticked = done;
    },
  });
  progress.end();
  for (const t of written) console.log(`${t.file}: ${(t.bytes / 1e6).toFixed(1)} MB in ${t.seconds.toFixed(1)} s`);
  console.log(`Ora avvia l'app con TILES_URL=<indirizzo pubblico di ${dir}> / Now start the app with TILES_URL=<public address of ${dir}>`);
});
