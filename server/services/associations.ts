import type { AppContext } from '../context';
import { associationOutline, findAssociation } from '../queries/associations';
import { analyzeTerritory } from './territory';

/** The existing associations (SQL in queries/associations.ts). */
export { listAssociations } from '../queries/associations';

/** An association with its members' totals, provinces, regions, contiguity and outline; null when there is none. */
export async function associationDetails(ctx: Pick<AppContext, 'db' | 'tables'>, id: number) {
  const association = await findAssociation(ctx.db.knex, id);
  if (!association) return null;
  const { value: tables } = await ctx.tables.get();
  const analysis = analyzeTerritory(tables, association.members.map((m) => m.code));
  return {
    ...association,
    totals: analysis.totals,
    provinces: analysis.provinces,
    regions: analysis.regions,
    contiguity: analysis.contiguity,
    outline: await associationOutline(ctx.db.knex, id),
  };
}
