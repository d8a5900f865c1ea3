import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { transactionId } from '../queries/transaction-id';

/**
 * `write` in one transaction that may change the alliances, recorded as this instance's own before
 * it commits: its NOTIFY then moves nothing here, since the use case moves this instance's
 * alliances revision itself once all is written (`ctx.alliancesRevision.bump()`), before its answer
 * leaves. One change, one move (see server/data/alliances-revision.ts); other instances follow the NOTIFY.
 */
export function alliancesTransaction<T>(ctx: Pick<AppContext, 'db' | 'alliancesRevision'>, write: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return ctx.db.knex.transaction(async (trx) => {
    const result = await write(trx);
    ctx.alliancesRevision.ownTransaction(await transactionId(trx));
    return result;
  });
}
