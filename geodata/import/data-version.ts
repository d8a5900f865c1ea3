import type { Knex } from 'knex';

/** Records that a dataset was (re)imported; the newest id is the data version clients cache by. */
export async function recordDataVersion(trx: Knex.Transaction, dataset: string, summary: object): Promise<number> {
  const result = await trx.raw<{ rows: { id: number }[] }>(
    `INSERT INTO data_versions (dataset, summary) VALUES (?, ?::jsonb) RETURNING id`,
    [dataset, JSON.stringify(summary)],
  );
  const row = result.rows[0];
  if (!row) throw new Error('Could not record the data version');
  return row.id;
}
