import { describeSummary, importGeodata } from '../import/pipeline';
import { terminalProgress } from '../progress';
import { resolveGeodataDir } from '../sources';
import { runWithDatabase } from './run';

/** `npm run geodata:import`: (re)imports everything from GEODATA_DIR. */
runWithDatabase(async (db) => {
  const dir = resolveGeodataDir();
  console.log(`Importo i dati da ${dir} (motore: ${db.engine})`);
  const summary = await importGeodata(db.knex, dir, terminalProgress());
  for (const line of describeSummary(summary)) console.log(line);
});
