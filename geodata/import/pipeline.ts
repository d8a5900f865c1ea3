import type { Knex } from 'knex';
import type { Progress } from '../progress';
import { GeodataError } from '../errors';
import { UNIONI_SOURCE } from '../datasets';
import { UNIONI_KINDS } from '../read/unioni';
import type { SourceData } from '../source-data';
import { writeAdjacency } from './adjacency';
import { writeAssociations, type AssociationsReport } from './associations';
import { writeBoundaries, type BoundariesReport } from './boundaries';
import { recordDataVersion } from './data-version';
import { refreshOutlines } from './outlines';

const SNAI_SOURCE = 'DPCoe-NUVAP';
const SLL_SOURCE = 'ISTAT SLL 2021';
/** Every dataset a complete import records; a database missing one is imported again. */
export const IMPORTED_DATASETS = ['boundaries', 'snai', 'sll', 'unioni'] as const;

export interface ImportOptions {
  /** Import only the Comuni present, removing the others, even if whole provinces lack them (tests). */
  subset?: boolean;
}

export interface ImportSummary {
  boundaries: BoundariesReport;
  adjacency: { border: number; corner: number };
  snai: AssociationsReport;
  sll: AssociationsReport;
  unioni: AssociationsReport;
  origin: SourceData['origin'];
  dataVersion: number;
  seconds: number;
}

/**
 * Imports data already read and checked (see loadGeodata), so a problem in the files stops it
 * before any write. Each dataset is written in its own transaction, so a failure leaves the
 * previous data of that dataset in place. Running it twice gives the same database.
 */
export async function importGeodata(
  knex: Knex,
  data: SourceData,
  progress: Progress,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const { boundaries, figures: attributes } = data;
  checkCodes(data);
  if (!options.subset) {
    const withComuni = new Set(boundaries.comuni.map((c) => c.provinceCode));
    const empty = boundaries.provinces.filter((p) => !withComuni.has(p.code)).map((p) => `${p.code} ${p.name}`);
    if (empty.length > 0) {
      throw new GeodataError(
        `${empty.length} provinces have no Comuni; nothing was imported (a partial import would remove their Comuni)`,
        empty,
      );
    }
  }

  const { report, adjacency } = await knex.transaction(async (trx) => {
    const report = await writeBoundaries(trx, boundaries, attributes, progress);
    const adjacency = await writeAdjacency(trx, progress);
    // Associations this pipeline does not re-import (e.g. Unioni from a CSV) follow the new boundaries.
    await refreshOutlines(trx, `a.source NOT IN (?, ?)`, [SNAI_SOURCE, SLL_SOURCE]);
    await recordDataVersion(trx, 'boundaries', { ...report, adjacency, origin: data.origin });
    return { report, adjacency };
  });

  const known = new Set(boundaries.comuni.map((c) => c.code));
  progress.stage('Aree SNAI, sistemi locali del lavoro, Unioni di Comuni', 3);
  const snai = await knex.transaction(async (trx) => {
    const r = await writeAssociations(trx, 'snai', SNAI_SOURCE, data.snai, known, true);
    await recordDataVersion(trx, 'snai', r);
    return r;
  });
  progress.tick();
  const sll = await knex.transaction(async (trx) => {
    const r = await writeAssociations(trx, 'sll', SLL_SOURCE, data.sll, known, true);
    await recordDataVersion(trx, 'sll', r);
    return r;
  });
  progress.tick();
  const { unioni, dataVersion } = await knex.transaction(async (trx) => {
    const unioni: AssociationsReport = { associations: 0, memberships: 0, unmatched: [] };
    for (const kind of UNIONI_KINDS) {
      const areas = data.unioni.filter((u) => u.kind === kind);
      const r = await writeAssociations(trx, kind, UNIONI_SOURCE, areas, known, true);
      unioni.associations += r.associations;
      unioni.memberships += r.memberships;
      unioni.unmatched.push(...r.unmatched);
    }
    return { unioni, dataVersion: await recordDataVersion(trx, 'unioni', unioni) };
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
    unioni,
    origin: data.origin,
    dataVersion,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** A few lines for a person reading the terminal. */
export function describeSummary(s: ImportSummary): string[] {
  const list = (codes: string[], none = 'nessuno') =>
    codes.length === 0 ? none : codes.slice(0, 10).join(', ') + (codes.length > 10 ? ` … (+${codes.length - 10})` : '');
  return [
    s.origin.kind === 'pack'
      ? 'Fonte: il pacchetto di dati del repository (geodata/data).'
      : 'Fonte: i file a piena risoluzione di GEODATA_DIR.',
    `Importati ${s.boundaries.comuni} comuni, ${s.boundaries.provinces} province, ${s.boundaries.regions} regioni in ${s.seconds} s (versione dati ${s.dataVersion}).`,
    `Adiacenze: ${s.adjacency.border} confini condivisi, ${s.adjacency.corner} contatti solo d'angolo.`,
    `Comuni senza popolazione: ${list(s.boundaries.withoutPopulation)}.`,
    `Righe di popolazione senza confine: ${list(s.boundaries.unmatchedPopulationRows, 'nessuna')}.`,
    `Geometrie riparate: ${list(s.boundaries.repairedGeometries, 'nessuna')}. Comuni rimossi: ${list(s.boundaries.removedComuni)}.`,
    `Aree SNAI: ${s.snai.associations} (${s.snai.memberships} adesioni; codici non abbinati: ${list(s.snai.unmatched)}).`,
    `Sistemi locali del lavoro: ${s.sll.associations} (${s.sll.memberships} adesioni; codici non abbinati: ${list(s.sll.unmatched)}).`,
    `Unioni di Comuni e Comunità: ${s.unioni.associations} (${s.unioni.memberships} adesioni; codici non abbinati: ${list(s.unioni.unmatched)}).`,
  ];
}

/** Codes that would break the upsert or the references between tables: all listed, nothing written. */
function checkCodes({ boundaries }: SourceData): void {
  const problems: string[] = [];
  if (boundaries.comuni.length === 0) problems.push('no Comuni found');
  const duplicates = (codes: string[]) => {
    const seen = new Set<string>();
    return codes.filter((code) => seen.has(code) || !seen.add(code));
  };
  const regions = new Set(boundaries.regions.map((r) => r.code));
  const provinces = new Set(boundaries.provinces.map((p) => p.code));
  for (const code of duplicates(boundaries.comuni.map((c) => c.code))) problems.push(`code ${code} appears more than once`);
  for (const p of boundaries.provinces) if (!regions.has(p.regionCode)) problems.push(`province ${p.code}: unknown region "${p.regionCode}"`);
  for (const c of boundaries.comuni) if (!provinces.has(c.provinceCode)) problems.push(`${c.code}: unknown province "${c.provinceCode}"`);
  if (problems.length > 0) throw new GeodataError('The boundaries have problems; nothing was imported', problems);
}
