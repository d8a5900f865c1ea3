import type { Knex } from 'knex';

/** The id of the transaction `trx` (assigned now if it wrote nothing yet): the payload of its NOTIFY (migration 013). */
export async function transactionId(trx: Knex.Transaction): Promise<string> {
  const { rows } = await trx.raw<{ rows: { id: string }[] }>(`SELECT pg_current_xact_id()::text AS id`);
  return rows[0]!.id;
}
