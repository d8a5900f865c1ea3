import type { Knex } from 'knex';
import type { CoverageSource } from '../../domain/coverage';

/** A Comune that receives the service through a published alliance. */
export interface AllianceProvision {
  code: string;
  allianceId: number;
  allianceName: string;
  /** The alliance as a coverage source: one object per alliance, shared by its provisions. */
  via: CoverageSource;
}

/** One published alliance's provisions, by service and for any fundamental function (each Comune once), in code order. */
export interface AllianceEntry {
  id: number;
  byService: ReadonlyMap<string, readonly AllianceProvision[]>;
  fundamental: readonly AllianceProvision[];
}

/** Which Comuni receive which service through published alliances, as of one alliances revision. */
export interface ProvisionsIndex {
  /** Members receiving `service` (or, with ANY_FUNDAMENTAL, any fundamental function), by alliance id then code. */
  of(service: string): readonly AllianceProvision[];
  /** Every alliance providing something, by id. */
  alliances(): readonly AllianceEntry[];
  /** Grows with every read that changed something. */
  generation: number;
  /**
   * The alliances changed after `generation` up to this index's, each once as it is here (undefined:
   * it provides nothing now); undefined when that is no longer known (read afresh, or long ago).
   */
  changedSince(generation: number): { id: number; entry: AllianceEntry | undefined }[] | undefined;
}

/** One alliance changed since the last read: its provisions now (none when deleted, a draft, or providing nothing). */
export interface ChangedAlliance {
  id: number;
  name: string;
  /** The transaction that last changed it, as read with its provisions. */
  changedXid: string;
  provisions: { service: string; fundamental: boolean; code: string }[];
}

export interface ProvisionChanges {
  /** Every alliance changed since `since`, whatever it became (when `since` is null: every published one). */
  alliances: ChangedAlliance[];
  /** Where the next read starts: the oldest transaction still running at this read (pg_snapshot_xmin). */
  next: string;
  /** The service catalogue's codes and kinds, hashed: when it changes, every provision may have. */
  catalogue: string;
}

interface ChangeRow {
  id: number;
  name: string;
  changed_xid: string;
  service: string | null;
  fundamental: boolean | null;
  code: string | null;
}

/**
 * The alliances changed since `since` (a transaction id from the previous read's `next`; null: all),
 * with their provisions — each member of the territory receives each service unless the service
 * lists its recipients. A transaction that changed an alliance marked it with its id (migration
 * 012); every transaction not yet finished at this read has an id ≥ `next`, so the next read finds
 * what it commits later, in whatever order writers commit. Two queries: which changed (an index
 * range), then the rows of those not `known` already in that state (read a moment later: never
 * older than the marks). Marks found again while an older transaction runs on (anywhere on the
 * server: ids are shared) are the known ones: their rows are not read again.
 */
export async function readProvisionChanges(knex: Knex, since: string | null, known: (id: number, changedXid: string) => boolean = () => false): Promise<ProvisionChanges> {
  const { rows: [marks] } = await knex.raw<{ rows: { next: string; catalogue: string | null; ids: number[] | null; xids: string[] | null }[] }>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS next,
            (SELECT md5(string_agg(code || ':' || kind, ',' ORDER BY code)) FROM services) AS catalogue,
            ${since === null ? 'NULL AS ids, NULL AS xids' : 'm.ids, m.xids'}
     ${since === null ? '' : 'FROM (SELECT array_agg(id) AS ids, array_agg(changed_xid::text) AS xids FROM alliances WHERE changed_xid >= ?::xid8) m'}`,
    since === null ? [] : [since],
  );
  const { next, catalogue: hash, ids, xids } = marks as { next: string; catalogue: string | null; ids: number[] | null; xids: string[] | null };
  const catalogue = hash ?? '';
  const wanted = ids?.filter((id, i) => !known(id, xids?.[i] as string));
  if (since !== null && !wanted?.length) return { alliances: [], next, catalogue };
  const { rows } = await knex.raw<{ rows: ChangeRow[] }>(
    `SELECT a.id, a.name, a.changed_xid::text AS changed_xid, p.service, p.fundamental, p.code
     FROM alliances a
     LEFT JOIN LATERAL (
       SELECT s.service_code AS service, c.kind = 'fundamental' AS fundamental, m.comune_code AS code
       FROM alliance_services s
       JOIN services c ON c.code = s.service_code
       JOIN alliance_members m ON m.alliance_id = s.alliance_id AND m.status <> 'withdrawn'
       WHERE s.alliance_id = a.id AND (s.recipients IS NULL OR m.comune_code = ANY (s.recipients))
     ) p ON a.deleted_at IS NULL AND a.status = 'published'
     ${wanted ? 'WHERE a.id = ANY (?::int[])' : `WHERE a.deleted_at IS NULL AND a.status = 'published'`}
     ORDER BY a.id, p.code`,
    wanted ? [wanted] : [],
  );
  const alliances: ChangedAlliance[] = [];
  for (const row of rows) {
    let last = alliances[alliances.length - 1];
    if (last?.id !== row.id) alliances.push((last = { id: row.id, name: row.name, changedXid: row.changed_xid, provisions: [] }));
    if (row.service !== null) last.provisions.push({ service: row.service, fundamental: row.fundamental === true, code: row.code as string });
  }
  return { alliances, next, catalogue };
}
