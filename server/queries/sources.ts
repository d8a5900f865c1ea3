import type { Knex } from 'knex';
import type { DatasetId } from '../../geodata/datasets';

export interface DatasetState {
  /** What the database holds of the dataset, e.g. { comuni: 7899 }. */
  counts: Record<string, number>;
  importedAt: string | null;
}

/** Where the last import of the boundaries read from: the data pack or the full sources. */
export type ImportOrigin = { kind: 'pack' | 'sources'; manifestSha256?: string } | null;

const one = async (knex: Knex, sql: string, bindings: readonly string[] = []) =>
  (await knex.raw<{ rows: { n: number }[] }>(sql, bindings)).rows[0]?.n ?? 0;

async function associationCounts(knex: Knex, kinds: readonly string[], source?: string): Promise<Record<string, number>> {
  const where = `a.kind IN (${kinds.map(() => '?').join(', ')})${source ? ' AND a.source = ?' : ''}`;
  const bindings = source ? [...kinds, source] : [...kinds];
  return {
    associations: await one(knex, `SELECT count(*)::int AS n FROM associations a WHERE ${where}`, bindings),
    memberships: await one(knex, `SELECT count(*)::int AS n FROM association_members m JOIN associations a ON a.id = m.association_id WHERE ${where}`, bindings),
  };
}

/** What each dataset contributed to the database, and when it was last imported. */
export async function datasetStates(knex: Knex, unioniSource: string): Promise<{ origin: ImportOrigin; datasets: Record<DatasetId, DatasetState> }> {
  const versions = await knex.raw<{ rows: { dataset: string; imported_at: Date | string; summary: unknown }[] }>(
    `SELECT DISTINCT ON (dataset) dataset, imported_at, summary FROM data_versions ORDER BY dataset, id DESC`,
  );
  const latest = new Map(versions.rows.map((r) => [r.dataset, r]));
  const at = (dataset: string) => {
    const row = latest.get(dataset);
    return row ? new Date(row.imported_at).toISOString() : null;
  };
  const summary = latest.get('boundaries')?.summary;
  const parsed = (typeof summary === 'string' ? JSON.parse(summary) : summary) as { origin?: ImportOrigin } | undefined;
  return {
    origin: parsed?.origin ?? null,
    datasets: {
      boundaries: {
        counts: {
          comuni: await one(knex, `SELECT count(*)::int AS n FROM comuni`),
          provinces: await one(knex, `SELECT count(*)::int AS n FROM provinces`),
          regions: await one(knex, `SELECT count(*)::int AS n FROM regions`),
        },
        importedAt: at('boundaries'),
      },
      figures: {
        counts: {
          withPopulation: await one(knex, `SELECT count(*)::int AS n FROM comuni WHERE population IS NOT NULL`),
          withInnerAreaClass: await one(knex, `SELECT count(*)::int AS n FROM comuni WHERE inner_area_class IS NOT NULL`),
        },
        importedAt: at('boundaries'),
      },
      snai: { counts: await associationCounts(knex, ['snai']), importedAt: at('snai') },
      sll: { counts: await associationCounts(knex, ['sll']), importedAt: at('sll') },
      unioni: { counts: await associationCounts(knex, ['unione', 'comunita_montana', 'other'], unioniSource), importedAt: at('unioni') },
    },
  };
}
