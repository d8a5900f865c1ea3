import type { Knex } from 'knex';
import type { AssociationKind } from '../../domain/associations';
import { parseComuneCode } from '../../domain/codes';
import { foldName } from '../../domain/text';
import { UNIONI_SOURCE } from '../datasets';
import { GeodataError } from '../errors';
import type { AssociationSource } from '../read/areas';
import { readCsv } from '../read/files';
import { writeAssociations, type AssociationsReport } from './associations';
import { recordDataVersion } from './data-version';

/** Kinds a membership CSV may register (SNAI areas, SLL and alliances have their own sources). */
export const CSV_KINDS: readonly AssociationKind[] = ['unione', 'comunita_montana', 'convenzione', 'other'];
export const CSV_SOURCE = 'csv';

export interface AssociationsCsvOptions {
  /** Import the rest and report codes that are not in the boundaries (Comuni merged since), instead of refusing the file. */
  skipUnknown?: boolean;
  /**
   * Replace every association of the kinds the file has (those of an earlier CSV and the default
   * ANCI 2023 list) by the file's, in one transaction: a newer list supersedes the old one.
   */
  replaceKinds?: boolean;
}

export interface AssociationsCsvReport extends AssociationsReport {
  /** Rows skipped with --skip-unknown, as "riga N: code". */
  skipped: string[];
  /** Associations removed by --replace. */
  replaced: number;
}

/**
 * Registers Unioni di Comuni, Comunità Montane or conventions from a CSV with the columns
 * `kind,name,istat_code[,role]`. Every row is checked first: with any unknown kind or code,
 * or a malformed row, a GeodataError lists them all and nothing is written. An association
 * already imported under the same kind and name gets the new member list.
 */
export async function importAssociationsCsv(
  knex: Knex,
  dir: string,
  file: string,
  options: AssociationsCsvOptions = {},
): Promise<AssociationsCsvReport> {
  const rows = await readCsv(dir, file, ['kind', 'name', 'istat_code']);
  const known = new Set(
    (await knex.raw<{ rows: { code: string }[] }>(`SELECT code FROM comuni`)).rows.map((r) => r.code),
  );
  const problems: string[] = [];
  const skipped: string[] = [];
  const byKey = new Map<string, { kind: AssociationKind; source: AssociationSource }>();

  rows.forEach((row, index) => {
    const line = `riga ${index + 2}`;
    const kind = (row.kind ?? '').toLowerCase() as AssociationKind;
    const name = (row.name ?? '').trim();
    const code = parseComuneCode(row.istat_code ?? '');
    if (!CSV_KINDS.includes(kind)) problems.push(`${line}: tipo "${row.kind}" sconosciuto (ammessi: ${CSV_KINDS.join(', ')})`);
    if (name === '') problems.push(`${line}: manca il nome dell'associazione`);
    if (code === null) problems.push(`${line}: "${row.istat_code}" non è un codice ISTAT di comune (6 cifre)`);
    else if (!known.has(code)) {
      if (options.skipUnknown) skipped.push(`${line}: ${code}`);
      else problems.push(`${line}: codice ISTAT ${code} sconosciuto`);
    }
    if (problems.length > 0 || code === null || !known.has(code)) return;
    const key = `${kind}:${foldName(name)}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        kind,
        source: { sourceKey: foldName(name), name, period: null, validFrom: null, validTo: null, status: null, members: [] },
      };
      byKey.set(key, entry);
    }
    entry.source.members.push({ code, role: row.role?.trim() || null });
  });
  if (rows.length === 0) problems.push('il file non contiene righe');
  if (problems.length > 0) {
    throw new GeodataError(`${file}: ${problems.length} problemi, nessuna associazione importata`, problems);
  }

  return knex.transaction(async (trx) => {
    const total: AssociationsCsvReport = { associations: 0, memberships: 0, unmatched: [], skipped, replaced: 0 };
    for (const kind of CSV_KINDS) {
      const sources = [...byKey.values()].filter((e) => e.kind === kind).map((e) => e.source);
      if (sources.length === 0) continue;
      if (options.replaceKinds) {
        const removed = await trx.raw<{ rows: unknown[] }>(
          `DELETE FROM associations WHERE kind = ? AND source IN (?, ?) RETURNING id`,
          [kind, CSV_SOURCE, UNIONI_SOURCE],
        );
        total.replaced += removed.rows.length;
      }
      const report = await writeAssociations(trx, kind, CSV_SOURCE, sources, known, false);
      total.associations += report.associations;
      total.memberships += report.memberships;
    }
    await recordDataVersion(trx, 'associations-csv', { file, ...total, skipped: skipped.length });
    return total;
  });
}
