import type { Knex } from 'knex';
import type { TerritoryTables } from '../data/territory-store';
import { associationOutline, findAssociation } from '../queries/associations';
import { analyzeTerritory } from './territory';

/** The existing associations (SQL in queries/associations.ts). */
export { listAssociations } from '../queries/associations';

/** An association with its members' totals, provinces, regions, contiguity and outline; null when there is none. */
export async function associationDetails(knex: Knex, tables: TerritoryTables, id: number) {
  const association = await findAssociation(knex, id);
  if (!association) return null;
  const analysis = analyzeTerritory(tables, association.members.map((m) => m.code));
  return {
    ...association,
    totals: analysis.totals,
    provinces: analysis.provinces,
    regions: analysis.regions,
    contiguity: analysis.contiguity,
    outline: await associationOutline(knex, id),
  };
}
