import path from 'node:path';
import { parseArgs } from 'node:util';
import { importAssociationsCsv } from '../import/associations-csv';
import { runWithDatabase } from './run';

const USAGE =
  'Uso / usage: npm run geodata:associations -- FILE.csv [--skip-unknown] [--replace]\n' +
  '  colonne / columns: kind,name,istat_code[,role]\n' +
  '  --skip-unknown  importa il resto e elenca i codici assenti dai confini (comuni fusi dopo il 2023)\n' +
  "  --replace       sostituisce tutte le associazioni dei tipi presenti nel file (anche l'elenco ANCI 2023)";

const OPTIONS = { 'skip-unknown': { type: 'boolean' }, replace: { type: 'boolean' } } as const;

function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = readArguments();
const file = positionals[0];
if (!file) {
  console.error(USAGE);
  process.exit(2);
}

/** `npm run geodata:associations -- FILE.csv`: registers Unioni / Comunità Montane memberships. */
runWithDatabase(async (db) => {
  const absolute = path.resolve(file);
  const report = await importAssociationsCsv(db.knex, path.dirname(absolute), path.basename(absolute), {
    skipUnknown: values['skip-unknown'] === true,
    replaceKinds: values.replace === true,
  });
  if (report.replaced > 0) console.log(`Sostituite ${report.replaced} associazioni esistenti.`);
  console.log(`Importate ${report.associations} associazioni con ${report.memberships} adesioni da ${file}.`);
  if (report.skipped.length > 0) {
    console.log(`Saltate ${report.skipped.length} righe con codici assenti dai confini:`);
    for (const line of report.skipped) console.log(`  ${line}`);
  }
});
