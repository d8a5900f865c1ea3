import path from 'node:path';
import { GeodataError } from '../errors';
import { PACK_DIR } from '../pack/format';
import { writePack } from '../pack/write';
import { terminalProgress } from '../progress';
import { readFullSources } from '../source-data';

/**
 * `npm run geodata:pack`: rebuilds the data pack in geodata/data from the full sources in
 * GEODATA_DIR. The same sources always give the same bytes.
 */
async function main(): Promise<void> {
  const dir = process.env.GEODATA_DIR;
  if (!dir) {
    console.error('Imposta GEODATA_DIR sulla cartella delle fonti complete / set GEODATA_DIR to the full sources.');
    process.exitCode = 2;
    return;
  }
  const data = await readFullSources(path.resolve(dir), terminalProgress());
  const files = await writePack(PACK_DIR, data);
  let total = 0;
  for (const [name, text] of files) {
    const bytes = Buffer.byteLength(text);
    total += bytes;
    console.log(`${name.padEnd(22)} ${(bytes / 1e6).toFixed(2).padStart(6)} MB`);
  }
  console.log(`Pacchetto scritto in ${path.relative(process.cwd(), PACK_DIR)}: ${(total / 1e6).toFixed(2)} MB in ${files.size} file.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof GeodataError ? error.describe() : error);
  process.exitCode = 1;
});
