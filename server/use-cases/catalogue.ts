import type { AppContext } from '../context';
import type { ServiceDefinition } from '../../domain/services';
import { findService, insertService, updateService, type StoredService } from '../queries/services';
import { done, refused, type Outcome } from './refusals';
import { alliancesTransaction } from './alliances-transaction';

/** The catalogue edits change what alliances provide: this instance's alliances revision moves on after each. */
type Context = Pick<AppContext, 'db' | 'alliancesRevision'>;

/** The editable fields of a catalogue entry, and `retired` to retire (true) or restore (false) it. */
export interface ServiceChange {
  name?: ServiceDefinition['name'];
  description?: ServiceDefinition['description'];
  reference?: string;
  obligation?: boolean;
  retired?: boolean;
}

/** Adds a service to the catalogue (with its history entry): the entry as stored. */
export async function addService(ctx: Context, definition: ServiceDefinition): Promise<Outcome<StoredService>> {
  const knex = ctx.db.knex;
  const created = await alliancesTransaction(ctx, (trx) => insertService(trx, definition));
  if (!created) return refused({ reason: 'service_taken', code: definition.code });
  ctx.alliancesRevision.bump();
  return done((await findService(knex, definition.code))!);
}

/**
 * Changes a catalogue entry: read and written in one transaction with the row locked, so two
 * administrators editing different fields at once both keep their change. Retiring keeps the
 * service, its history and the alliances that provide it.
 */
export async function changeService(ctx: Context, code: string, change: ServiceChange): Promise<Outcome<StoredService>> {
  const knex = ctx.db.knex;
  const found = await alliancesTransaction(ctx, async (trx) => {
    await trx.raw(`SELECT 1 FROM services WHERE code = ? FOR UPDATE`, [code]);
    const current = await findService(trx, code);
    if (!current) return false;
    const { retiredAt, ...definition } = current;
    const { retired, ...fields } = change;
    await updateService(trx, { ...definition, ...fields }, retired);
    return true;
  });
  if (!found) return refused({ reason: 'no_service', code });
  ctx.alliancesRevision.bump();
  return done((await findService(knex, code))!);
}
