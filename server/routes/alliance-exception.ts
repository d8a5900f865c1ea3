import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { requireAdmin } from '../http/admin';
import { requireIfMatch } from '../http/edit-token';
import { resultOf } from '../http/refusals';
import { contiguityExceptionBody, numericId } from '../http/schemas';
import { loadAlliance } from '../services/alliance-read';
import { setContiguityException } from '../use-cases/contiguity-exception';

/**
 * An administrator records why a territory in separate parts is accepted (e.g. a ferry link),
 * or removes that exception. The rules are re-evaluated and the change enters the history.
 */
export function allianceExceptionRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  const apply = async (idParam: unknown, matches: (version: number) => boolean, reason: string | null) =>
    resultOf(await setContiguityException(ctx, await loadAlliance(knex, numericId.parse(idParam)), matches, reason));

  routes.push(route(
    {
      method: 'put', path: '/api/alliances/:id/contiguity-exception', tag: 'alliances', params: { id: numericId }, body: contiguityExceptionBody, bodyName: 'ContiguityException', auth: 'admin', ifMatch: true, limit: 'read',
      summary: { it: 'Accetta un territorio in parti separate, con il motivo', en: 'Accepts a territory in separate parts, with the reason' },
      responses: { 200: '{ id, version, status, contiguityException, rules }', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res, input) => {
      requireAdmin(req, ctx.adminToken);
      const matches = requireIfMatch(req);
      const { reason } = input.body;
      const answer = await apply(req.params.id, matches, reason);
      res.set('ETag', `"${answer.version}"`).json(answer);
    },
  ));

  routes.push(route(
    {
      method: 'delete', path: '/api/alliances/:id/contiguity-exception', tag: 'alliances', params: { id: numericId }, auth: 'admin', ifMatch: true, limit: 'read',
      summary: { it: 'Toglie l\'eccezione di contiguità', en: 'Removes the contiguity exception' },
      responses: { 200: '{ id, version, status, contiguityException, rules }', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res) => {
      requireAdmin(req, ctx.adminToken);
      const matches = requireIfMatch(req);
      const answer = await apply(req.params.id, matches, null);
      res.set('ETag', `"${answer.version}"`).json(answer);
    },
  ));

  return routes;
}
