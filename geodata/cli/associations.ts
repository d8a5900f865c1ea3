import path from 'node:path';
import { importAssociationsCsv } from '../import/associations-csv';
import { runWithDatabase } from './run';

const file = process.argv[2];
if (!file) {
  console.error('Uso / usage: npm run geodata:associations -- FILE.csv   (colonne: kind,name,istat_code[,role])');
  process.exit(2);
}

/** `npm run geodata:associations -- FILE.csv`: registers Unioni / Comunità Montane memberships. */
runWithDatabase(async (db) => {
  const absolute = path.resolve(file);
  const report = await importAssociationsCsv(db.knex, path.dirname(absolute), path.basename(absolute));
  console.log(`Importate ${report.associations} associazioni con ${report.memberships} adesioni da ${file}.`);
});
