import path from 'node:path';
import { parseArgs } from 'node:util';
import { downloadGeodata } from '../download';
import { SOURCES } from '../sources';

/**
 * `npm run geodata:download -- --to DIR [--from MIRROR_URL] [--list]`: fetches the source files
 * for a machine without ../shared/geodata; then run with GEODATA_DIR=DIR.
 */
const { values } = parseArgs({
  options: { to: { type: 'string', default: 'geodata-files' }, from: { type: 'string' }, list: { type: 'boolean' } },
});

if (values.list) {
  for (const s of SOURCES) console.log(`${s.path}\t${s.url ?? `(convertito da / converted from) ${s.origin}`}`);
} else {
  const to = path.resolve(values.to);
  downloadGeodata(to, { from: values.from, onFile: (f) => console.log(`✓ ${f}`) })
    .then(({ downloaded, manual }) => {
      console.log(`Scaricati ${downloaded.length} file in ${to}.`);
      if (manual.length > 0) {
        console.log('Questi file sono pubblicati in un altro formato (xlsx): convertili in CSV con le colonne descritte nel README:');
        for (const s of manual) console.log(`  ${s.path}  ←  ${s.origin}`);
      }
      console.log(`Poi: GEODATA_DIR=${to} npm start`);
    })
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    });
}
