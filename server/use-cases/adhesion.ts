import type { AppContext } from '../context';
import type { DecisionInput } from '../services/adhesion';
import { findAlliance, updateAlliance, type HistoryActor, type StoredAlliance } from '../queries/alliances';
import { findLiveInvitation, lockAlliance, type InvitedParty } from '../queries/invitations';
import { applyDecision, partyEntry, partyIn } from '../services/adhesion';
import { allianceCheckContext } from '../services/alliance-context';
import { draftOf } from '../../domain/alliance-summary';
import { summarizeAlliance } from '../../domain/alliance-evaluation';
import { recordConvenzioneVersion } from '../services/convenzione';
import { convenzioneVersions } from '../queries/convenzione-versions';
import { catalogueIndex } from '../queries/services';
import { done, refused, type Outcome } from './refusals';

/** Saves racing a decision are retried this many times before giving up (busy). */
const ATTEMPTS = 5;

/** A participating body's name as stored (the link's address may spell it in another case). */
const partyName = (alliance: StoredAlliance, name: string) => (partyEntry(alliance, { partner: name }) as StoredAlliance['partners'][number] | undefined)?.name ?? name;

/**
 * A member Comune's (or body's) decision on `alliance` through its own link (`tokenHash`): adhere,
 * decline or withdraw, with its act. It applies to whatever version is current: a founder's save
 * in between is retried, never lost. The alliance as saved, and its new version.
 */
export async function decideAdhesion(
  ctx: Pick<AppContext, 'db' | 'tables' | 'alliancesRevision'>,
  alliance: StoredAlliance,
  party: InvitedParty,
  tokenHash: string,
  decision: DecisionInput,
): Promise<Outcome<{ version: number; alliance: StoredAlliance }>> {
  const knex = ctx.db.knex;
  if (decision.convenzioneVersion && !(await convenzioneVersions(knex, alliance.id)).some((v) => v.version === decision.convenzioneVersion)) {
    return refused({ reason: 'unknown_convenzione_version', version: decision.convenzioneVersion });
  }
  let current = alliance;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const draft = applyDecision(draftOf(current), party, decision, new Date());
    const { value: tables } = await ctx.tables.get();
    // A member's own decision is never refused for the founder's sake: only statuses changed, the
    // rest was checked when the founder saved it; a published alliance then shows its problems.
    const summary = summarizeAlliance(tables, draft, await allianceCheckContext(knex, current));
    const stored = current;
    const written = await knex.transaction(async (trx) => {
      // The alliance's row first, as a founder's save and a new invitation take it: the invitation's
      // lock after it, never before (that order deadlocked against them on PostgreSQL, 40P01).
      await lockAlliance(trx, stored.id);
      // Checked again with the write: a link revoked (or a member removed) meanwhile decides nothing.
      const invitation = await findLiveInvitation(trx, stored.id, party, tokenHash);
      if (!invitation) return 'invalid' as const;
      const actor: HistoryActor =
        'code' in party ? { kind: 'member', code: party.code, invitation: invitation.id } : { kind: 'partner', name: partyName(stored, party.partner), invitation: invitation.id };
      return updateAlliance(trx, stored.id, stored.version, draft, summary, { action: 'adhesion', actor });
    });
    if (written === 'invalid') return refused({ reason: 'invalid_link' });
    try {
      const now = await findAlliance(knex, current.id);
      if (!now || now.deletedAt) return refused({ reason: 'alliance_deleted', id: current.id });
      if (written !== null) {
        await recordConvenzioneVersion(knex, now, tables, await catalogueIndex(knex));
        return done({ version: written, alliance: now });
      }
      if (!partyIn(draftOf(now), party)) return refused({ reason: 'party_removed' });
      current = now;
    } finally {
      // Once written (and its convenzione version recorded), this instance's caches move on.
      if (written !== null) ctx.alliancesRevision.bump();
    }
  }
  return refused({ reason: 'busy' });
}
