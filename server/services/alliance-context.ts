import type { Knex } from 'knex';
import type { StoredAlliance } from '../queries/alliances';
import type { AllianceCheckContext } from './alliances';

/** The catalogue and the stored state an alliance draft is checked against. */
export async function allianceCheckContext(knex: Knex, stored?: StoredAlliance): Promise<AllianceCheckContext> {
  const { rows } = await knex.raw<{ rows: { code: string; retired: boolean }[] }>(
    `SELECT code, retired_at IS NOT NULL AS retired FROM services`,
  );
  return {
    catalogue: new Map(rows.map((r) => [r.code, { retired: r.retired }])),
    previousServices: new Set(stored?.services.map((s) => s.code) ?? []),
    contiguityException: stored?.contiguityException ?? null,
  };
}
