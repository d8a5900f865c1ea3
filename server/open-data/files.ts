import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from 'knex';
import type { AlliancesRevision } from '../data/alliances-revision';
import { KeyedPerRevision } from '../data/alliances-revision';
import { OneAtATime } from '../data/one-at-a-time';
import type { TerritoryTables } from '../data/territory-store';
import { buildFile, FileTooLarge, type BuiltFile } from '../exports/built-file';
import { csvChunks } from '../exports/csv';
import type { StreamedTable } from '../exports/table';
import { writeXlsx } from '../exports/xlsx';
import { HttpError } from '../http/errors';
import { publishedAlliancePages } from '../queries/published-alliances';
import { outlinesGeojson } from './outlines';
import { catalogueIndex } from '../queries/services';
import { feesTable, membersTable, servicesTable, type PublishedPages } from './tables';

/** The open-data files built from the published alliances (alliances.* are the members.* files under their later name). */
export const OPEN_DATA_FILES = ['members.csv', 'members.xlsx', 'services.csv', 'services.xlsx', 'fees.csv', 'alliances.geojson'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/**
 * What one built file may take in memory (gzipped; an XLSX is a zip already): 16 MB, about ten
 * times the fees of every Comune in Italy in every service. Six files: at most 96 MB.
 */
export const OPEN_DATA_MAX_BYTES = 16 * 1024 * 1024;

/** Where a file's rows come from, read once per build. */
interface Sources {
  knex: Knex;
  pages: PublishedPages;
  tables: TerritoryTables;
}

/** How each file is written: its tables as CSV (gzipped) or a workbook, or the outlines as GeoJSON (gzipped). */
async function writeFile(file: OpenDataFile, sources: Sources, out: Writable): Promise<void> {
  const csv = (table: StreamedTable) => pipeline(Readable.from(csvChunks(table)), out);
  const catalogue = () => catalogueIndex(sources.knex);
  switch (file) {
    case 'members.csv':
      return csv(membersTable(sources.pages));
    case 'members.xlsx':
      return writeXlsx([membersTable(sources.pages)], out);
    case 'services.csv':
      return csv(servicesTable(sources.pages, await catalogue()));
    case 'services.xlsx': {
      const index = await catalogue();
      return writeXlsx([servicesTable(sources.pages, index), feesTable(sources.pages, sources.tables, index)], out);
    }
    case 'fees.csv':
      return csv(feesTable(sources.pages, sources.tables, await catalogue()));
    case 'alliances.geojson':
      return pipeline(Readable.from(outlinesGeojson(sources.knex)), out);
  }
}

/**
 * The open-data files, each built once per alliances revision and data version (names and
 * populations of Comuni, the fees' tables) and kept in memory as it is sent: streamed from pages
 * of published alliances (the embedded database answers others between pages), never larger than
 * `maxBytes`, at most one build of a file at a time. Everyone asking during a build shares it.
 */
export class OpenDataFiles {
  private readonly built: KeyedPerRevision<BuiltFile | FileTooLarge>;
  private readonly builders = new Map<OpenDataFile, OneAtATime<BuiltFile | FileTooLarge>>();
  /** Builds started per file since the process started: for tests and diagnostics. */
  readonly builds = new Map<OpenDataFile, number>();

  constructor(
    private readonly knex: Knex,
    private readonly territory: () => Promise<{ version: number; value: TerritoryTables }>,
    revision: AlliancesRevision,
    private readonly maxBytes = OPEN_DATA_MAX_BYTES,
  ) {
    this.built = new KeyedPerRevision(revision, OPEN_DATA_FILES.length);
  }

  /** The file of the current revision, built now if it is not yet; an HTTP 503 if it is too large to keep. */
  async get(file: OpenDataFile): Promise<BuiltFile> {
    const { version } = await this.territory();
    const built = await this.built.get(`${file}|${version}`, () => this.builder(file).run(() => this.build(file)));
    if (built instanceof FileTooLarge) {
      throw new HttpError(
        503,
        'too_large',
        `Il file ${file} supera i ${built.maxBytes / 1024 / 1024} MB che questo server può preparare / The file ${file} exceeds the ${built.maxBytes / 1024 / 1024} MB this server can build`,
      );
    }
    return built;
  }

  private builder(file: OpenDataFile): OneAtATime<BuiltFile | FileTooLarge> {
    let builder = this.builders.get(file);
    if (!builder) this.builders.set(file, (builder = new OneAtATime()));
    return builder;
  }

  /**
   * Reads the reference tables as it starts (a build waiting for another may start after a new
   * import). A refusal (too large) is kept for the revision like a file: asking again does not build again.
   */
  private async build(file: OpenDataFile): Promise<BuiltFile | FileTooLarge> {
    this.builds.set(file, (this.builds.get(file) ?? 0) + 1);
    const { value: tables } = await this.territory();
    const sources: Sources = { knex: this.knex, tables, pages: () => publishedAlliancePages(this.knex) };
    try {
      return await buildFile((out) => writeFile(file, sources, out), { gzip: !file.endsWith('.xlsx'), maxBytes: this.maxBytes });
    } catch (error) {
      if (error instanceof FileTooLarge) return error;
      throw error;
    }
  }
}
