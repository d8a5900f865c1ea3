import type { Knex } from 'knex';
import { partnerKey } from '../../domain/alliance';
import { newEditToken } from './secret-tokens';
import { insertInvitations, listInvitations, lockAlliance, partyOfRow, revokeParty, type InvitedParty } from '../queries/invitations';
import { partiesOf } from './adhesion';
import type { AllianceDraft } from '../../domain/alliance-summary';

/** The reads of adhesion links that routes answer with (SQL in queries/invitations.ts). */
export { findLiveInvitation, listInvitations } from '../queries/invitations';
export type { InvitedParty } from '../queries/invitations';

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
  await revokeParty(trx, allianceId, party, 'founder');
  const [issued] = await insertLinks(trx, allianceId, [party]);
  return issued!;
}

/** New links, with their secrets, for parties that hold none (the caller holds the lock). */
async function insertLinks(trx: Knex.Transaction, allianceId: number, parties: readonly InvitedParty[]): Promise<IssuedInvitation[]> {
  const links = parties.map((party) => ({ party, ...newEditToken() }));
  const ids = await insertInvitations(trx, allianceId, links.map(({ party, hash }) => ({ party, tokenHash: hash })));
  return links.map(({ party, token }, i) => ({ ...party, id: ids[i]!, url: invitationUrl(allianceId, party, token) }));
}

const keyOf = (party: InvitedParty) => ('code' in party ? `c:${party.code}` : `p:${partnerKey(party.partner)}`);

/**
 * After a save: every member and body without a live link gets one (returned, with its secret),
 * and the links of those no longer in the alliance stop working.
 */
export async function syncInvitations(trx: Knex.Transaction, allianceId: number, draft: AllianceDraft): Promise<IssuedInvitation[]> {
  await lockAlliance(trx, allianceId);
  const live = (await listInvitations(trx, allianceId)).filter((i) => i.revokedAt === null).map(partyOfRow);
  const liveKeys = new Set(live.map(keyOf));
  const wanted = partiesOf(draft);
  const wantedKeys = new Set(wanted.map(keyOf));
  for (const party of live) if (!wantedKeys.has(keyOf(party))) await revokeParty(trx, allianceId, party, 'removed');
  return insertLinks(trx, allianceId, wanted.filter((party) => !liveKeys.has(keyOf(party))));
}
