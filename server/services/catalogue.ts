import type { Knex } from 'knex';
import { findService, serviceHistory, type StoredService } from '../queries/services';

/** The reads of the services catalogue that routes answer with (SQL in queries/services.ts; edits in use-cases/catalogue.ts). */
export { catalogueIndex, findService, listServices } from '../queries/services';
export type { CatalogueIndex, StoredService } from '../queries/services';

/** A catalogue entry with its history, or null when there is no service with that code. */
export async function serviceWithHistory(knex: Knex, code: string): Promise<(StoredService & { history: Awaited<ReturnType<typeof serviceHistory>> }) | null> {
  const service = await findService(knex, code);
  return service ? { ...service, history: await serviceHistory(knex, code) } : null;
}
