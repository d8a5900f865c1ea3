import type { Knex } from 'knex';

/**
 * `count` copies of a saved alliance (its row, members and services), written in two statements:
 * thousands of alliances in seconds, where saving each through the API would take minutes. The
 * copies are named "<seed name> <n>" and keep the seed's status; the triggers announce the change.
 */
export async function copyAlliance(knex: Knex, seed: number, count: number): Promise<void> {
  await knex.transaction(async (trx) => {
    await trx.raw(
      `WITH created AS (
         INSERT INTO alliances (name, description, status, version, edit_token_hash, rule_set, summary, outline, running_cost_cents)
         SELECT name || ' ' || n, description, status, version, edit_token_hash, rule_set, summary, outline, running_cost_cents
         FROM alliances, generate_series(1, ?) n WHERE id = ? RETURNING id)
       INSERT INTO alliance_members (alliance_id, comune_code, status, lead, act)
       SELECT c.id, m.comune_code, m.status, m.lead, m.act FROM created c CROSS JOIN alliance_members m WHERE m.alliance_id = ?`,
      [count, seed, seed],
    );
    await trx.raw(
      `INSERT INTO alliance_services (alliance_id, service_code, position, provider_kind, provider_ref, since, annual_cost_cents, charged_cents, equal_share, recipients, grants)
       SELECT a.id, s.service_code, s.position, s.provider_kind, s.provider_ref, s.since, s.annual_cost_cents, s.charged_cents, s.equal_share, s.recipients, s.grants
       FROM alliances a CROSS JOIN alliance_services s
       WHERE s.alliance_id = ? AND a.id <> ? AND NOT EXISTS (SELECT 1 FROM alliance_services x WHERE x.alliance_id = a.id)`,
      [seed, seed],
    );
  });
}
