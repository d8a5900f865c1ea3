import type { Knex } from 'knex';
import { openDataModified } from '../queries/published-alliances';

const iso = (v: Date | string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

/** When the published alliances and the reference data last changed (ISO 8601), for the open-data catalogue. */
export async function openDataDates(knex: Knex): Promise<{ alliancesModified: string | null; referenceModified: string | null }> {
  const row = await openDataModified(knex);
  return { alliancesModified: iso(row?.alliances), referenceModified: iso(row?.reference) };
}
