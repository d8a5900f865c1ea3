import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { requireFounderOrAdmin } from '../http/admin';
import { requireEditToken } from '../http/edit-token';
import { resultOf } from '../http/refusals';
import { invitationBody, numericId } from '../http/schemas';
import { loadAlliance } from '../services/alliance-read';
import { listInvitations } from '../services/invitations';
import { issueInvitation, revokeInvitation, rotateEditToken } from '../use-cases/alliance-access';

/**
 * Who may act on an alliance: the founder rotates the edit link and issues or revokes members'
 * adhesion links; an administrator revokes a leaked one. Secrets are shown once and stored hashed.
 */
export function allianceAccessRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  routes.push(route(
    {
      method: 'post', path: '/api/alliances/:id/edit-token', tag: 'alliances', params: { id: numericId }, auth: 'edit',
      summary: { it: 'Cambia il link di modifica: quello vecchio smette di funzionare', en: 'Replaces the edit link: the old one stops working' },
      responses: { 200: '{ editToken, editUrl }, shown once', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      requireEditToken(req, alliance.editTokenHash);
      res.set('Cache-Control', 'no-store').json(resultOf(await rotateEditToken(ctx, alliance)));
    },
  ));

  /** The founder's (or an administrator's) view of the links: who holds one, since when, which were revoked. No secrets. */
  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/invitations', tag: 'alliances', params: { id: numericId }, auth: 'editOrAdmin',
      summary: { it: 'I link di adesione: a chi, da quando, quali revocati (senza segreti)', en: 'The adhesion links: for whom, since when, which were revoked (no secrets)' },
      responses: { 200: '{ invitations }', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      requireFounderOrAdmin(req, alliance.editTokenHash, ctx.adminToken);
      res.set('Cache-Control', 'no-store').json({ invitations: await listInvitations(knex, alliance.id) });
    },
  ));

  /** A new link for one member or body; its previous link stops working. */
  routes.push(route(
    {
      method: 'post', path: '/api/alliances/:id/invitations', tag: 'alliances', params: { id: numericId }, body: invitationBody, auth: 'edit',
      summary: { it: 'Un nuovo link di adesione per un membro o ente (il precedente smette di funzionare)', en: 'A new adhesion link for a member or body (its previous one stops working)' },
      responses: { 201: '{ code | partner, id, url } — the secret after #invito=, shown once', 404: 'no such alliance', 410: 'deleted', 422: 'not in the alliance' },
    },
    async (req, res, input) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      requireEditToken(req, alliance.editTokenHash);
      const invitation = resultOf(await issueInvitation(ctx, alliance, input.body));
      res.status(201).set('Cache-Control', 'no-store').json(invitation);
    },
  ));

  routes.push(route(
    {
      method: 'delete', path: '/api/alliances/:id/invitations/:invitation', tag: 'alliances', params: { id: numericId, invitation: numericId }, auth: 'editOrAdmin',
      summary: { it: 'Revoca un link di adesione (ad es. finito in mani sbagliate)', en: 'Revokes an adhesion link (e.g. a leaked one)' },
      responses: { 200: 'the invitation, revoked', 404: 'no such link for this alliance', 410: 'deleted' },
    },
    async (req, res, input) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      const actor = requireFounderOrAdmin(req, alliance.editTokenHash, ctx.adminToken);
      res.json(resultOf(await revokeInvitation(ctx, alliance, input.params.invitation, actor)));
    },
  ));

  return routes;
}
