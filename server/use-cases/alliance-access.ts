import type { AppContext } from '../context';
import { newEditToken } from '../services/secret-tokens';
import { recordHistory, swapEditTokenHash, type StoredAlliance } from '../queries/alliances';
import { partyOfRow, revokeInvitation as revokeRow, type InvitationRow, type InvitedParty } from '../queries/invitations';
import { partyIn } from '../services/adhesion';
import { draftOf } from '../../domain/alliance-summary';
import { issue, type IssuedInvitation } from '../services/invitations';
import { done, refused, type Outcome } from './refusals';
import { alliancesTransaction } from './alliances-transaction';

/**
 * Who may act on an alliance, once the caller is authorised: the founder rotates the edit link and
 * issues or revokes adhesion links; an administrator revokes a leaked one. Each change enters the
 * public history in the same transaction, and this instance's alliances revision moves on after it.
 * Secrets are returned once and stored hashed.
 */

type Context = Pick<AppContext, 'db' | 'alliancesRevision'>;

/**
 * A new edit token in place of `alliance.editTokenHash`, compare-and-swap on the token checked: of two
 * rotations at once, one wins, the other is refused.
 */
export async function rotateEditToken(ctx: Context, alliance: StoredAlliance): Promise<Outcome<{ editToken: string; editUrl: string }>> {
  const { token, hash } = newEditToken();
  const rotated = await alliancesTransaction(ctx, async (trx) => {
    const swapped = await swapEditTokenHash(trx, alliance.id, alliance.editTokenHash, hash);
    if (swapped) await recordHistory(trx, alliance.id, alliance.version, 'token_rotated', {}, { kind: 'founder' });
    return swapped;
  });
  if (!rotated) return refused({ reason: 'token_changed' });
  ctx.alliancesRevision.bump();
  return done({ editToken: token, editUrl: `/alleanze/${alliance.id}#edit=${token}` });
}

/** A new link for one member or body (its previous link stops working); on record in the public history. */
export async function issueInvitation(ctx: Context, alliance: StoredAlliance, party: InvitedParty): Promise<Outcome<IssuedInvitation>> {
  if (!partyIn(draftOf(alliance), party)) return refused({ reason: 'not_a_party', party });
  const issued = await alliancesTransaction(ctx, async (trx) => {
    const invitation = await issue(trx, alliance.id, party);
    await recordHistory(trx, alliance.id, alliance.version, 'invitation_issued', { invitation: { ...party, id: invitation.id } }, { kind: 'founder' });
    return invitation;
  });
  ctx.alliancesRevision.bump();
  return done(issued);
}

/** Revokes one link (already revoked: answered as it is, recorded once). */
export async function revokeInvitation(ctx: Context, alliance: StoredAlliance, invitationId: number, actor: 'founder' | 'administrator'): Promise<Outcome<InvitationRow>> {
  const result = await alliancesTransaction(ctx, async (trx) => {
    const found = await revokeRow(trx, alliance.id, invitationId, actor);
    if (found?.revokedNow) {
      await recordHistory(trx, alliance.id, alliance.version, 'invitation_revoked', { invitation: partyOfRow(found.invitation) }, { kind: actor });
    }
    return found;
  });
  if (!result) return refused({ reason: 'no_invitation', id: invitationId });
  if (result.revokedNow) ctx.alliancesRevision.bump();
  return done(result.invitation);
}
