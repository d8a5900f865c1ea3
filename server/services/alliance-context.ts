import type { Knex } from 'knex';
import type { StoredAlliance } from '../queries/alliances';
import { catalogueIndex } from '../queries/services';
import type { AllianceCheckContext } from './alliances';

/** The catalogue and the stored state an alliance draft is checked against. */
export async function allianceCheckContext(knex: Knex, stored?: StoredAlliance): Promise<AllianceCheckContext> {
  return {
    catalogue: await catalogueIndex(knex),
    previousServices: new Set(stored?.services.map((s) => s.code) ?? []),
    contiguityException: stored?.contiguityException ?? null,
  };
}
