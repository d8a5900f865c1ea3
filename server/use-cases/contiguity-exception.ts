import type { AppContext } from '../context';
import { findAlliance, setContiguityException as storeException, type StoredAlliance } from '../queries/alliances';
import { allianceCheckContext } from '../services/alliance-context';
import { done, refused, type Outcome } from './refusals';

export interface ExceptionAnswer {
  id: number;
  version: number;
  status: StoredAlliance['status'];
  contiguityException: StoredAlliance['contiguityException'];
  rules: StoredAlliance['summary']['rules'];
}

/**
 * An administrator records why a territory in separate parts is accepted (e.g. a ferry link), or
 * with `reason` null removes that exception. Read-modify-write at the version the administrator saw
 * (`matches`, from If-Match): the rules are re-evaluated from the members of that version and
 * written only if no other change came in between; the change enters the history.
 */
export async function setContiguityException(
  ctx: Pick<AppContext, 'db' | 'tables' | 'alliancesRevision' | 'evaluationThread'>,
  alliance: StoredAlliance,
  matches: (version: number) => boolean,
  reason: string | null,
): Promise<Outcome<ExceptionAnswer>> {
  const knex = ctx.db.knex;
  if (!matches(alliance.version)) return refused({ reason: 'stale', currentVersion: alliance.version });
  const expected = alliance.version;
  const tables = await ctx.tables.get();
  const context = { ...(await allianceCheckContext(knex, alliance)), contiguityException: reason };
  const { editTokenHash, summary: _old, history, ...draft } = alliance;
  const evaluation = await ctx.evaluationThread.evaluate(tables, { ...draft, status: 'draft', ruleSet: alliance.summary.ruleSet.id }, context);
  if (!evaluation.ok) return refused({ reason: 'invalid_alliance', reasons: evaluation.reasons });
  const summary = evaluation.summary;
  // A published alliance whose exception is removed stays published only if its rules still pass.
  const status = summary.rules.some((r) => r.level === 'problem') ? 'draft' : alliance.status;
  const version = await knex.transaction((trx) => storeException(trx, alliance.id, expected, reason, summary, status));
  if (version === null) return refused({ reason: 'stale', currentVersion: (await findAlliance(knex, alliance.id))?.version ?? expected });
  ctx.alliancesRevision.bump();
  const stored = (await findAlliance(knex, alliance.id))!;
  return done({ id: stored.id, version: stored.version, status: stored.status, contiguityException: stored.contiguityException, rules: stored.summary.rules });
}
