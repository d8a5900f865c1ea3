import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { requireFounderOrAdmin } from '../http/admin';
import { newEditToken, requireEditToken } from '../http/edit-token';
import { HttpError, notFound } from '../http/errors';
import { invitationBody, numericId } from '../http/schemas';
import { loadAlliance } from '../queries/alliance-load';
import { recordHistory } from '../queries/alliances';
import { listInvitations, partyOfRow, revokeInvitation } from '../queries/invitations';
import { partyIn } from '../services/adhesion';
import { draftOf } from '../services/alliance-draft';
import { issue } from '../services/invitations';

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
      const alliance = await loadAlliance(knex, req.params.id);
      requireEditToken(req, alliance.editTokenHash);
      const { token, hash } = newEditToken();
      // Compare-and-swap on the token checked above: of two rotations at once, one wins, the other is told.
      const rotated = await knex.transaction(async (trx) => {
        const changed = await trx.raw<{ rows: unknown[] }>(`UPDATE alliances SET edit_token_hash = ? WHERE id = ? AND edit_token_hash = ? RETURNING id`, [hash, alliance.id, alliance.editTokenHash]);
        if (changed.rows.length > 0) await recordHistory(trx, alliance.id, alliance.version, 'token_rotated', {}, { kind: 'founder' });
        return changed.rows.length > 0;
      });
      if (!rotated) throw new HttpError(409, 'conflict', 'Il link di modifica è appena cambiato: usa quello nuovo / The edit link has just changed: use the new one');
      res.set('Cache-Control', 'no-store').json({ editToken: token, editUrl: `/alleanze/${alliance.id}#edit=${token}` });
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
      const alliance = await loadAlliance(knex, req.params.id);
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
      const alliance = await loadAlliance(knex, req.params.id);
      requireEditToken(req, alliance.editTokenHash);
      const party = input.body;
      if (!partyIn(draftOf(alliance), party)) {
        throw new HttpError(422, 'unprocessable', `Non è tra i membri o i partecipanti dell'alleanza / Not a member or participating body of the alliance: ${'code' in party ? party.code : party.partner}`);
      }
      // A link issued again enters the public history: whoever could have used it is on record.
      const invitation = await knex.transaction(async (trx) => {
        const issued = await issue(trx, alliance.id, party);
        await recordHistory(trx, alliance.id, alliance.version, 'invitation_issued', { invitation: { ...party, id: issued.id } }, { kind: 'founder' });
        return issued;
      });
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
      const alliance = await loadAlliance(knex, req.params.id);
      const actor = requireFounderOrAdmin(req, alliance.editTokenHash, ctx.adminToken);
      const invitationId = input.params.invitation;
      const revoked = await knex.transaction(async (trx) => {
        const result = await revokeInvitation(trx, alliance.id, invitationId, actor);
        if (result?.revokedNow) {
          await recordHistory(trx, alliance.id, alliance.version, 'invitation_revoked', { invitation: partyOfRow(result.invitation) }, { kind: actor });
        }
        return result?.invitation ?? null;
      });
      if (!revoked) throw notFound(`Nessun link di adesione ${invitationId} per questa alleanza / No adhesion link ${invitationId} for this alliance`);
      res.json(revoked);
    },
  ));

  return routes;
}
