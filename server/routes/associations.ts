import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { notFound } from '../http/errors';
import { associationsQuery, numericId } from '../http/schemas';
import { associationOutline, findAssociation, listAssociations } from '../queries/associations';
import { analyzeTerritory } from '../services/territory';

export function associationRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];

  routes.push(route(
    {
      method: 'get', path: '/api/associations', tag: 'associations', query: associationsQuery,
      summary: { it: 'Aree SNAI, SLL, Unioni e Comunità Montane', en: 'SNAI areas, SLL, Unioni and Comunità Montane' },
      responses: { 200: '{ associations }' },
    },
    async (_req, res, input) => {
      const { kind } = input.query;
      res.json({ associations: await listAssociations(ctx.db.knex, kind) });
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/associations/:id', tag: 'associations', params: { id: numericId },
      summary: { it: 'Un\'associazione: membri, totali, contiguità, contorno', en: 'An association: members, totals, contiguity, outline' },
      responses: { 200: 'the association', 404: 'no such association' },
    },
    async (_req, res, input) => {
      const { id } = input.params;
      const association = await findAssociation(ctx.db.knex, id);
      if (!association) throw notFound(`Nessuna associazione con id ${id} / No association with id ${id}`);
      const { value: tables } = await ctx.tables.get();
      const analysis = analyzeTerritory(tables, association.members.map((m) => m.code));
      res.json({
        ...association,
        totals: analysis.totals,
        provinces: analysis.provinces,
        regions: analysis.regions,
        contiguity: analysis.contiguity,
        outline: await associationOutline(ctx.db.knex, id),
      });
    },
  ));

  return routes;
}
