import type { Knex } from 'knex';
import { partnerKey } from '../../domain/alliance';
import { newEditToken } from '../http/edit-token';
import { issueInvitation, listInvitations, lockAlliance, revokeParty, type InvitedParty } from '../queries/invitations';
import { partiesOf } from './adhesion';
import type { AllianceDraft } from './alliances';

/** A new adhesion link, shown once to the founder: the secret travels in the URL's fragment only. */
export type IssuedInvitation = ({ code: string } | { partner: string }) & { id: number; url: string };

/** The page where a member Comune or body decides, with its secret after `#`. */
export function invitationUrl(allianceId: number, party: InvitedParty, token: string): string {
  const who = 'code' in party ? `comune=${party.code}` : `ente=${encodeURIComponent(party.partner)}`;
  return `/alleanze/${allianceId}/adesione?${who}#invito=${token}`;
}

/** Stores a new link for a party (revoking its previous one) and returns it with its secret. */
export async function issue(trx: Knex.Transaction, allianceId: number, party: InvitedParty): Promise<IssuedInvitation> {
  await lockAlliance(trx, allianceId);
  const { token, hash } = newEditToken();
  const id = await issueInvitation(trx, allianceId, party, hash);
  return { ...party, id, url: invitationUrl(allianceId, party, token) };
}

const keyOf = (party: InvitedParty) => ('code' in party ? `c:${party.code}` : `p:${partnerKey(party.partner)}`);

/**
 * After a save: every member and body without a live link gets one (returned, with its secret),
 * and the links of those no longer in the alliance stop working.
 */
export async function syncInvitations(trx: Knex.Transaction, allianceId: number, draft: AllianceDraft): Promise<IssuedInvitation[]> {
  await lockAlliance(trx, allianceId);
  const live = (await listInvitations(trx, allianceId)).filter((i) => i.revokedAt === null);
  const liveKeys = new Set(live.map((i) => keyOf(i.code !== null ? { code: i.code } : { partner: i.partner! })));
  const wanted = partiesOf(draft);
  const wantedKeys = new Set(wanted.map(keyOf));
  for (const i of live) {
    const party: InvitedParty = i.code !== null ? { code: i.code } : { partner: i.partner! };
    if (!wantedKeys.has(keyOf(party))) await revokeParty(trx, allianceId, party, 'removed');
  }
  const issued: IssuedInvitation[] = [];
  for (const party of wanted) if (!liveKeys.has(keyOf(party))) issued.push(await issue(trx, allianceId, party));
  return issued;
}
