import type { z } from 'zod';
import { sameAllianceContent } from '../../domain/alliance';
import { EMPTY_GOVERNANCE } from '../../domain/governance';
import type { AppContext } from '../context';
import { newEditToken } from '../services/secret-tokens';
import type { allianceBody, alliancePatch } from '../http/schemas';
import { deleteAlliance as softDelete, findAlliance, insertAlliance, updateAlliance, type StoredAlliance } from '../queries/alliances';
import { withMembersDecisions, withPartnersDecisions } from '../services/adhesion';
import { allianceCheckContext } from '../services/alliance-context';
import { draftOf, type AllianceDraft } from '../../domain/alliance-summary';
import { syncInvitations, type IssuedInvitation } from '../services/invitations';
import { recordConvenzioneVersion } from '../services/convenzione';
import { catalogueIndex } from '../queries/services';
import { done, refused, type Outcome } from './refusals';

/**
 * A change committed moves this instance's alliances revision on (its cached lists and pages) once
 * everything it writes is written, the convenzione's version too; a refused one leaves it be.
 */
type Context = Pick<AppContext, 'db' | 'tables' | 'alliancesRevision' | 'evaluationThread'>;

/**
 * Saves a new alliance with its members proposed (each adheres by its own act, through its
 * invitation): its id, the secret edit token (shown once) and the members' invitations.
 */
export async function createAlliance(ctx: Context, body: z.output<typeof allianceBody>): Promise<Outcome<{ id: number; editToken: string; invitations: IssuedInvitation[] }>> {
  const knex = ctx.db.knex;
  const draft: AllianceDraft = {
    ...body,
    members: withMembersDecisions(body.members, []),
    partners: withPartnersDecisions(body.partners, []),
    governance: { ...EMPTY_GOVERNANCE, ...body.governance },
  };
  const tables = await ctx.tables.get();
  // In the evaluation thread: the checks and the summary never hold the HTTP thread.
  const evaluation = await ctx.evaluationThread.evaluate(tables, draft, await allianceCheckContext(knex, undefined, draft.governance));
  if (!evaluation.ok) return refused({ reason: 'invalid_alliance', reasons: evaluation.reasons });
  const { summary } = evaluation;
  const { token, hash } = newEditToken();
  const { id, invitations } = await knex.transaction(async (trx) => {
    const newId = await insertAlliance(trx, draft, summary, hash);
    return { id: newId, invitations: await syncInvitations(trx, newId, draft) };
  });
  try {
    // Each distinct text of the convenzione gets its version (adhesions name the one they approved).
    await recordConvenzioneVersion(knex, (await findAlliance(knex, id))!, tables.value, await catalogueIndex(knex));
  } finally {
    ctx.alliancesRevision.bump();
  }
  return done({ id, editToken: token, invitations });
}

/**
 * How often a change asked for at any version (`If-Match: *`) is tried on the newest one: each round
 * of changes racing on one alliance lands at least one of them, so this many at once all land; a
 * crowd larger than that meets 409 and reads again, rather than keeping the server busy.
 */
const ANY_VERSION_ATTEMPTS = 10;

type Changed = { version: number; invitations: IssuedInvitation[] } | { version: null };

/**
 * The founder's change to `alliance` (at the version they saw): what is left out stays as it is. A
 * change that changes nothing makes no new version and no history entry (`version` null). With
 * `anyVersion` (`If-Match: *`), a version saved by someone else meanwhile is no conflict: the change
 * is applied again to it (a few times at most), as RFC 9110 has `*` match whatever is current.
 */
export async function changeAlliance(
  ctx: Context,
  alliance: StoredAlliance,
  change: z.output<typeof alliancePatch>,
  anyVersion = false,
): Promise<Outcome<Changed>> {
  let seen = alliance;
  for (let attempt = 1; ; attempt++) {
    const outcome = await changeAt(ctx, seen, change);
    if (outcome.ok || outcome.refusal.reason !== 'stale' || !anyVersion || attempt >= ANY_VERSION_ATTEMPTS) return outcome;
    const now = await findAlliance(ctx.db.knex, alliance.id);
    if (!now || now.deletedAt) return refused({ reason: 'alliance_deleted', id: alliance.id });
    seen = now;
  }
}

/** One attempt of changeAlliance, at the version `alliance` has. */
async function changeAt(ctx: Context, alliance: StoredAlliance, change: z.output<typeof alliancePatch>): Promise<Outcome<Changed>> {
  const knex = ctx.db.knex;
  const expected = alliance.version;
  const current = draftOf(alliance);
  const draft: AllianceDraft = {
    name: change.name ?? current.name,
    description: change.description ?? current.description,
    status: change.status ?? current.status,
    ruleSet: change.ruleSet ?? current.ruleSet,
    members: change.members ? withMembersDecisions(change.members, current.members) : current.members,
    partners: change.partners ? withPartnersDecisions(change.partners, current.partners) : current.partners,
    services: change.services ?? current.services,
    runningCostCents: change.runningCostCents ?? current.runningCostCents,
    legalForm: change.legalForm === undefined ? current.legalForm : change.legalForm,
    governance: change.governance ? { ...EMPTY_GOVERNANCE, ...change.governance } : current.governance,
  };
  if (sameAllianceContent(draft, current)) return done({ version: null });
  const tables = await ctx.tables.get();
  const evaluation = await ctx.evaluationThread.evaluate(tables, draft, await allianceCheckContext(knex, alliance, draft.governance));
  if (!evaluation.ok) return refused({ reason: 'invalid_alliance', reasons: evaluation.reasons });
  const { summary } = evaluation;
  const saved = await knex.transaction(async (trx) => {
    const newVersion = await updateAlliance(trx, alliance.id, expected, draft, summary, { action: 'updated', actor: { kind: 'founder' }, tokenHash: alliance.editTokenHash });
    return newVersion === null ? null : { version: newVersion, invitations: await syncInvitations(trx, alliance.id, draft) };
  });
  if (saved === null) return refused({ reason: 'stale', currentVersion: (await findAlliance(knex, alliance.id))?.version ?? expected });
  try {
    await recordConvenzioneVersion(knex, (await findAlliance(knex, alliance.id))!, tables.value, await catalogueIndex(knex));
  } finally {
    ctx.alliancesRevision.bump();
  }
  return done(saved);
}

/** Soft delete at the version the founder saw: the alliance leaves the lists, its record and history stay. */
export async function deleteAlliance(ctx: Context, alliance: StoredAlliance): Promise<Outcome<number>> {
  const version = await ctx.db.knex.transaction((trx) => softDelete(trx, alliance.id, alliance.version));
  if (version === null) return refused({ reason: 'stale', currentVersion: alliance.version });
  ctx.alliancesRevision.bump();
  return done(version);
}
