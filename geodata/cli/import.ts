import { describeSummary, importGeodata } from '../import/pipeline';
import { describeLocation, loadGeodata } from '../load';
import { terminalProgress } from '../progress';
import { runWithDatabase } from './run';

/** `npm run geodata:import`: (re)imports everything from GEODATA_DIR, else from the data pack. */
runWithDatabase(async (db) => {
  console.log(`Importo ${describeLocation()} (motore: ${db.engine})`);
  const progress = terminalProgress();
  const summary = await importGeodata(db.knex, await loadGeodata(progress), progress);
  for (const line of describeSummary(summary)) console.log(line);
});
