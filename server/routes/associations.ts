import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { notFound } from '../http/errors';
import { associationsQuery, numericId } from '../http/schemas';
import { associationDetails, listAssociations } from '../services/associations';

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
      const association = await associationDetails(ctx, id);
      if (!association) throw notFound(`Nessuna associazione con id ${id} / No association with id ${id}`);
      res.json(association);
    },
  ));

  return routes;
}
