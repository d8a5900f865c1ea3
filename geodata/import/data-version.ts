import type { Knex } from 'knex';
import { DATA_VERSION_CHANNEL } from '../../infra/db/channels';

/** Records that a dataset was (re)imported, and announces it; the newest id is the data version clients cache by. */
export async function recordDataVersion(trx: Knex.Transaction, dataset: string, summary: object): Promise<number> {
  const result = await trx.raw<{ rows: { id: number }[] }>(
    `INSERT INTO data_versions (dataset, summary) VALUES (?, ?::jsonb) RETURNING id`,
    [dataset, JSON.stringify(summary)],
  );
  const row = result.rows[0];
  if (!row) throw new Error('Could not record the data version');
  // Delivered at commit to every app instance listening on this database: they rebuild from it.
  await trx.raw(`SELECT pg_notify(?, ?)`, [DATA_VERSION_CHANNEL, String(row.id)]);
  return row.id;
}
