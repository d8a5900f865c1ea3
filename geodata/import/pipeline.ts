import type { Knex } from 'knex';
import { readAreas } from '../read/areas';
import { readAttributes } from '../read/attributes';
import { listComuniFiles, readBoundaries } from '../read/boundaries';
import type { Progress } from '../progress';
import { GeodataError } from '../errors';
import { PROVINCE_FILE_CODES, comuniFile } from '../sources';
import { writeAdjacency } from './adjacency';
import { writeAssociations, type AssociationsReport } from './associations';
import { writeBoundaries, type BoundariesReport } from './boundaries';
import { recordDataVersion } from './data-version';
import { refreshOutlines } from './outlines';

const SNAI_SOURCE = 'DPCoe-NUVAP';
const SLL_SOURCE = 'ISTAT SLL 2021';

export interface ImportOptions {
  /** Import only the provinces whose files are present, removing the others (development, tests). */
  subset?: boolean;
}

export interface ImportSummary {
  boundaries: BoundariesReport;
  adjacency: { border: number; corner: number };
  snai: AssociationsReport;
  sll: AssociationsReport;
  dataVersion: number;
  seconds: number;
}

/**
 * Imports everything from GEODATA_DIR. All files are read and checked before anything is
 * written; each dataset is then written in its own transaction, so a failure leaves the
 * previous data of that dataset in place. Running it twice gives the same database.
 */
export async function importGeodata(
  knex: Knex,
  dir: string,
  progress: Progress,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const files = await listComuniFiles(dir);
  if (!options.subset) {
    const missing = PROVINCE_FILE_CODES.map(comuniFile).filter((f) => !files.includes(f));
    if (missing.length > 0) {
      throw new GeodataError(
        `${missing.length} province boundary files are missing; nothing was imported (a partial import would remove their Comuni)`,
        missing,
      );
    }
  }
  progress.stage('Lettura dei file', files.length + 2);
  const boundaries = await readBoundaries(dir, () => progress.tick());
  const attributes = await readAttributes(dir);
  progress.tick();
  const areas = await readAreas(dir);
  progress.tick();

  const { report, adjacency } = await knex.transaction(async (trx) => {
    const report = await writeBoundaries(trx, boundaries, attributes, progress);
    const adjacency = await writeAdjacency(trx, progress);
    // Associations this pipeline does not re-import (e.g. Unioni from a CSV) follow the new boundaries.
    await refreshOutlines(trx, `a.source NOT IN (?, ?)`, [SNAI_SOURCE, SLL_SOURCE]);
    await recordDataVersion(trx, 'boundaries', { ...report, adjacency });
    return { report, adjacency };
  });

  const known = new Set(boundaries.comuni.map((c) => c.code));
  progress.stage('Aree SNAI e sistemi locali del lavoro', 2);
  const snai = await knex.transaction(async (trx) => {
    const r = await writeAssociations(trx, 'snai', SNAI_SOURCE, areas.snai, known, true);
    await recordDataVersion(trx, 'snai', r);
    return r;
  });
  progress.tick();
  const { sll, dataVersion } = await knex.transaction(async (trx) => {
    const sll = await writeAssociations(trx, 'sll', SLL_SOURCE, areas.sll, known, true);
    return { sll, dataVersion: await recordDataVersion(trx, 'sll', sll) };
  });
  progress.tick();
  // Fresh statistics, so the planner uses the indexes on the new data.
  for (const table of ['regions', 'provinces', 'comuni', 'comune_adjacency', 'associations', 'association_members']) {
    await knex.raw(`ANALYZE ${table}`);
  }
  progress.end();

  return {
    boundaries: report,
    adjacency,
    snai,
    sll,
    dataVersion,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** A few lines for a person reading the terminal. */
export function describeSummary(s: ImportSummary): string[] {
  const list = (codes: string[], none = 'nessuno') =>
    codes.length === 0 ? none : codes.slice(0, 10).join(', ') + (codes.length > 10 ? ` … (+${codes.length - 10})` : '');
  return [
    `Importati ${s.boundaries.comuni} comuni, ${s.boundaries.provinces} province, ${s.boundaries.regions} regioni in ${s.seconds} s (versione dati ${s.dataVersion}).`,
    `Adiacenze: ${s.adjacency.border} confini condivisi, ${s.adjacency.corner} contatti solo d'angolo.`,
    `Comuni senza popolazione: ${list(s.boundaries.withoutPopulation)}.`,
    `Righe di popolazione senza confine: ${list(s.boundaries.unmatchedPopulationRows, 'nessuna')}.`,
    `Geometrie riparate: ${list(s.boundaries.repairedGeometries, 'nessuna')}. Comuni rimossi: ${list(s.boundaries.removedComuni)}.`,
    `Aree SNAI: ${s.snai.associations} (${s.snai.memberships} adesioni; codici non abbinati: ${list(s.snai.unmatched)}).`,
    `Sistemi locali del lavoro: ${s.sll.associations} (${s.sll.memberships} adesioni; codici non abbinati: ${list(s.sll.unmatched)}).`,
  ];
}
