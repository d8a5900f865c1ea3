import type { Knex } from 'knex';
import { DomainRefusal } from '../../domain/refusal';
import { findAlliance, type StoredAlliance } from '../queries/alliances';

/** The reads of saved alliances that routes answer with (SQL in queries/alliances.ts). */
export { allianceFingerprint, allianceOutline, allianceOutlines, findAlliance, listAlliances, memberFeatures } from '../queries/alliances';
export type { StoredAlliance } from '../queries/alliances';

/** The alliance with this id, refused when there is none (not found) or it was deleted (gone). */
export async function loadAlliance(knex: Knex, id: number): Promise<StoredAlliance> {
  const alliance = await findAlliance(knex, id);
  if (!alliance) throw new DomainRefusal('not_found', `Nessuna alleanza con id ${id} / No alliance with id ${id}`);
  if (alliance.deletedAt) throw new DomainRefusal('gone', `L'alleanza ${id} è stata eliminata / Alliance ${id} was deleted`);
  return alliance;
}
