import type { Knex } from 'knex';
import { HttpError, notFound } from '../http/errors';
import { numericId } from '../http/schemas';
import { findAlliance, type StoredAlliance } from './alliances';

/** The alliance named by a request's `:id`: 400 for a malformed id, 404 unknown, 410 deleted. */
export async function loadAlliance(knex: Knex, idParam: unknown): Promise<StoredAlliance> {
  const id = numericId.parse(idParam);
  const alliance = await findAlliance(knex, id);
  if (!alliance) throw notFound(`Nessuna alleanza con id ${id} / No alliance with id ${id}`);
  if (alliance.deletedAt) throw new HttpError(410, 'gone', `L'alleanza ${id} è stata eliminata / Alliance ${id} was deleted`);
  return alliance;
}
