import type { Knex } from 'knex';
import type { Governance } from '../../domain/governance';
import type { StoredAlliance } from '../queries/alliances';
import { existingUnione } from '../queries/associations';
import { catalogueIndex } from '../queries/services';
import type { AllianceCheckContext } from '../../domain/alliance-summary';

/**
 * The catalogue and the stored state an alliance draft is checked against, and the existing Unione
 * its governance names (the draft's, else the stored one's).
 */
export async function allianceCheckContext(knex: Knex, stored?: StoredAlliance, governance: Governance | undefined = stored?.governance): Promise<AllianceCheckContext> {
  const unioneId = governance?.existingUnione ?? null;
  return {
    catalogue: await catalogueIndex(knex),
    previousServices: new Set(stored?.services.map((s) => s.code) ?? []),
    contiguityException: stored?.contiguityException ?? null,
    existingUnione: unioneId === null ? null : await existingUnione(knex, unioneId),
    today: new Date().toISOString().slice(0, 10),
  };
}
