import path from 'node:path';
import { parseArgs } from 'node:util';
import { downloadGeodata } from '../download';
import { SOURCES } from '../sources';

/**
 * `npm run geodata:download -- --to DIR [--from MIRROR_URL] [--list]`: fetches the full-resolution
 * source files (the app runs without them, from the data pack); then import with GEODATA_DIR=DIR.
 */
const { values } = parseArgs({
  options: { to: { type: 'string', default: 'geodata-files' }, from: { type: 'string' }, list: { type: 'boolean' } },
});

if (values.list) {
  const upstream = SOURCES.filter((s) => s.url);
  const mirrorOnly = SOURCES.filter((s) => !s.url);
  console.log(`Da upstream / from upstream (${upstream.length} file, scaricati così come sono / fetched as they are):`);
  for (const s of upstream) console.log(`  ${s.path}\t${s.url}`);
  console.log(`Solo da un mirror / mirror only (${mirrorOnly.length} file: l'originale è in un altro formato / the original is in another format):`);
  for (const s of mirrorOnly) console.log(`  ${s.path}\t← ${s.origin}`);
} else {
  const to = path.resolve(values.to);
  downloadGeodata(to, { from: values.from, onFile: (f) => console.log(`✓ ${f}`) })
    .then(({ downloaded, manual }) => {
      console.log(`Scaricati ${downloaded.length} file in ${to}.`);
      if (manual.length > 0) {
        console.log(
          `Questi ${manual.length} file esistono solo in un mirror (l'originale è xlsx o un elenco): usa --from MIRROR, ` +
            'oppure convertili in CSV con le colonne descritte nel README.',
        );
        for (const s of manual) console.log(`  ${s.path}  ←  ${s.origin}`);
      }
      console.log(`Poi: GEODATA_DIR=${to} npm start`);
    })
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    });
}
