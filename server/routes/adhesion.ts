import type { Request, Response } from 'express';
import type { z } from 'zod';
import { statusAfterDecision, ADHESION_DECISIONS } from '../../domain/adhesion';
import type { AppContext } from '../context';
import { bearerToken } from '../http/edit-token';
import { hashToken } from '../services/secret-tokens';
import { HttpError, notFound } from '../http/errors';
import { invalidLink, resultOf } from '../http/refusals';
import { route, type Route } from '../http/route';
import { adhesionBody, comuneCode, numericId } from '../http/schemas';
import { loadAlliance, type StoredAlliance } from '../services/alliance-read';
import { findLiveInvitation, type InvitedParty } from '../services/invitations';
import { partyEntry, partyIn } from '../services/adhesion';
import { draftOf } from '../../domain/alliance-summary';
import { decideAdhesion } from '../use-cases/adhesion';

/**
 * Each member Comune (or participating body) decides on the alliance through its own secret link:
 * adhere, decline or withdraw, with the act that records it. Only that link can change its status.
 */
export function adhesionRoutes(ctx: AppContext): Route[] {
  const knex = ctx.db.knex;

  const partyOf = (req: Request): InvitedParty => {
    if (req.params.code !== undefined) return { code: comuneCode.parse(req.params.code) };
    const name = String(req.params.name ?? '').trim();
    if (!name || name.length > 120) throw new HttpError(400, 'bad_request', 'Nome del partecipante non valido / Invalid participating body name');
    return { partner: name };
  };

  /** The alliance and party a request names, once its bearer token is that party's live invitation. */
  const authorised = async (req: Request): Promise<{ alliance: StoredAlliance; party: InvitedParty; tokenHash: string }> => {
    const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
    const party = partyOf(req);
    if (!partyIn(draftOf(alliance), party)) throw notFound(`Non è tra i membri di questa alleanza / Not a member of this alliance: ${'code' in party ? party.code : party.partner}`);
    const token = bearerToken(req);
    if (!token) throw new HttpError(401, 'unauthorized', "Serve il link di adesione (Authorization: Bearer <token>) / The adhesion link's token is required");
    if (!(await findLiveInvitation(knex, alliance.id, party, hashToken(token)))) throw invalidLink();
    return { alliance, party, tokenHash: hashToken(token) };
  };

  /** What the invited party sees: the alliance, its own status and act, and the decisions open to it. */
  const describe = (alliance: StoredAlliance, party: InvitedParty) => {
    const entry = partyEntry(alliance, party);
    const status = entry?.status ?? 'proposed';
    return {
      alliance: { id: alliance.id, name: alliance.name, status: alliance.status, version: alliance.version, constituted: alliance.summary.constituted ?? null },
      party: 'code' in party ? { code: party.code, name: (entry as StoredAlliance['members'][number] | undefined)?.name ?? party.code } : { partner: (entry as StoredAlliance['partners'][number] | undefined)?.name ?? party.partner },
      status,
      act: entry?.act ?? null,
      decisions: ADHESION_DECISIONS.filter((d) => 'status' in statusAfterDecision(status, d)),
    };
  };

  const read = async (req: Request, res: Response) => {
    const { alliance, party } = await authorised(req);
    res.set('Cache-Control', 'no-store').json(describe(alliance, party));
  };

  const decide = async (req: Request, res: Response, input: { readonly body: z.output<typeof adhesionBody> }) => {
    const { alliance, party, tokenHash } = await authorised(req);
    const saved = resultOf(await decideAdhesion(ctx, alliance, party, tokenHash, input.body));
    res.set('ETag', `"${saved.version}"`).set('Cache-Control', 'no-store').json(describe(saved.alliance, party));
  };

  const member = { id: numericId, code: comuneCode };
  return [
    route(
      {
        method: 'get', path: '/api/alliances/:id/members/:code/adhesion', tag: 'alliances', params: member, auth: 'member',
        summary: { it: 'Ciò che un comune invitato vede: l\'alleanza, il suo stato e atto, le decisioni possibili', en: 'What an invited Comune sees: the alliance, its status and act, the decisions open to it' },
        responses: { 200: '{ alliance, party, status, act, decisions }', 404: 'not a member', 410: 'deleted' },
      },
      read,
    ),
    route(
      {
        method: 'post', path: '/api/alliances/:id/members/:code/adhesion', tag: 'alliances', params: member, body: adhesionBody, auth: 'member',
        summary: { it: 'Il comune aderisce, declina o recede, con il proprio atto', en: 'The Comune adheres, declines or withdraws, with its own act' },
        responses: { 200: 'its new status, a new version of the alliance', 404: 'not a member', 410: 'deleted', 422: 'not possible from its current status' },
      },
      decide,
    ),
    route(
      {
        method: 'get', path: '/api/alliances/:id/partners/:name/adhesion', tag: 'alliances', params: { id: numericId }, auth: 'member',
        summary: { it: 'Come sopra, per un ente partecipante (per nome)', en: 'As above, for a participating body (by name)' },
        responses: { 200: '{ alliance, party, status, act, decisions }', 404: 'not a participating body', 410: 'deleted' },
      },
      read,
    ),
    route(
      {
        method: 'post', path: '/api/alliances/:id/partners/:name/adhesion', tag: 'alliances', params: { id: numericId }, body: adhesionBody, auth: 'member',
        summary: { it: 'L\'ente partecipante aderisce, declina o recede, con il proprio atto', en: 'The participating body adheres, declines or withdraws, with its own act' },
        responses: { 200: 'its new status', 404: 'not a participating body', 410: 'deleted', 422: 'not possible from its current status' },
      },
      decide,
    ),
  ];
}
