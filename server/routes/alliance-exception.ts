import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { requireAdmin } from '../http/admin';
import { conflict, requireIfMatch } from '../http/edit-token';
import { contiguityExceptionBody, numericId } from '../http/schemas';
import { loadAlliance } from '../queries/alliance-load';
import { findAlliance, setContiguityException } from '../queries/alliances';
import { allianceCheckContext } from '../services/alliance-context';
import { evaluateAlliance } from '../services/alliances';

/**
 * An administrator records why a territory in separate parts is accepted (e.g. a ferry link),
 * or removes that exception. The rules are re-evaluated and the change enters the history.
 */
export function allianceExceptionRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  /**
   * Read-modify-write at the version the administrator saw (If-Match): the summary is computed from
   * the members of that version, and written only if no other change came in between (else 409).
   */
  const apply = async (idParam: unknown, matches: (version: number) => boolean, reason: string | null) => {
    const alliance = await loadAlliance(knex, idParam);
    if (!matches(alliance.version)) throw conflict(alliance.version);
    const expected = alliance.version;
    const { value: tables } = await ctx.tables.get();
    const context = { ...(await allianceCheckContext(knex, alliance)), contiguityException: reason };
    const { editTokenHash, summary: _old, history, ...draft } = alliance;
    const summary = evaluateAlliance(tables, { ...draft, status: 'draft', ruleSet: alliance.summary.ruleSet.id }, context);
    // A published alliance whose exception is removed stays published only if its rules still pass.
    const status = summary.rules.some((r) => r.level === 'problem') ? 'draft' : alliance.status;
    const version = await knex.transaction((trx) => setContiguityException(trx, alliance.id, expected, reason, summary, status));
    if (version === null) throw conflict((await findAlliance(knex, alliance.id))?.version ?? expected);
    const stored = (await findAlliance(knex, alliance.id))!;
    return { id: stored.id, version: stored.version, status: stored.status, contiguityException: stored.contiguityException, rules: stored.summary.rules };
  };

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
