import type { Knex } from 'knex';

/**
 * Recomputes the dissolved outline of the associations matched by `where` (a condition on
 * `associations a`), from their members' current boundaries.
 */
export async function refreshOutlines(trx: Knex.Transaction, where: string, bindings: Knex.RawBinding[]): Promise<void> {
  await trx.raw(
    `UPDATE associations SET outline = u.outline
     FROM (SELECT m.association_id, ST_Multi(ST_CollectionExtract(ST_Union(c.geom), 3)) AS outline
           FROM association_members m JOIN comuni c ON c.code = m.comune_code
           WHERE m.association_id IN (SELECT a.id FROM associations a WHERE ${where})
           GROUP BY m.association_id) u
     WHERE u.association_id = associations.id`,
    bindings,
  );
}
