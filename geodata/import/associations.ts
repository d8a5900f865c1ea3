import type { Knex } from 'knex';
import type { AssociationKind } from '../../domain/associations';
import type { AssociationSource } from '../read/areas';
import { insertBatches } from './batches';
import { refreshOutlines } from './outlines';

export interface AssociationsReport {
  associations: number;
  memberships: number;
  /** Member codes that match no Comune, as "area: code". */
  unmatched: string[];
}

/**
 * Replaces every association of one kind from one source: upserts by source key (ids stay
 * stable across re-imports), replaces their members, removes the ones the source dropped.
 */
export async function writeAssociations(
  trx: Knex.Transaction,
  kind: AssociationKind,
  source: string,
  areas: readonly AssociationSource[],
  knownComuni: ReadonlySet<string>,
  /** Remove associations of this kind and source that the new list lacks (a full source file). */
  removeMissing: boolean,
): Promise<AssociationsReport> {
  const unmatched: string[] = [];
  const members: { sourceKey: string; code: string; role: string | null }[] = [];
  for (const area of areas) {
    const seen = new Set<string>();
    for (const m of area.members) {
      if (!knownComuni.has(m.code)) unmatched.push(`${area.name}: ${m.code || '(vuoto)'}`);
      else if (!seen.has(m.code)) members.push({ sourceKey: area.sourceKey, code: m.code, role: m.role });
      seen.add(m.code);
    }
  }

  await trx.raw(`DROP TABLE IF EXISTS staging_areas`);
  await trx.raw(`DROP TABLE IF EXISTS staging_members`);
  await trx.raw(`CREATE TEMP TABLE staging_areas (source_key text, name text, period text,
    valid_from date, valid_to date, status text) ON COMMIT DROP`);
  await trx.raw(`CREATE TEMP TABLE staging_members (source_key text, comune_code text, role text) ON COMMIT DROP`);
  await insertBatches(trx, areas, {
    into: 'INSERT INTO staging_areas (source_key, name, period, valid_from, valid_to, status)',
    tuple: '(?, ?, ?, ?::date, ?::date, ?)',
    values: (a) => [a.sourceKey, a.name, a.period, a.validFrom, a.validTo, a.status],
    batchSize: 200,
  });
  await insertBatches(trx, members, {
    into: 'INSERT INTO staging_members (source_key, comune_code, role)',
    tuple: '(?, ?, ?)',
    values: (m) => [m.sourceKey, m.code, m.role],
    batchSize: 500,
  });

  await trx.raw(
    `INSERT INTO associations (kind, source, source_key, name, period, valid_from, valid_to, status)
     SELECT ?, ?, source_key, name, period, valid_from, valid_to, status FROM staging_areas
     ON CONFLICT (kind, source, source_key) DO UPDATE SET name = EXCLUDED.name, period = EXCLUDED.period,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, status = EXCLUDED.status`,
    [kind, source],
  );
  if (removeMissing) {
    await trx.raw(
      `DELETE FROM associations WHERE kind = ? AND source = ?
         AND source_key NOT IN (SELECT source_key FROM staging_areas)`,
      [kind, source],
    );
  }
  await trx.raw(
    `DELETE FROM association_members WHERE association_id IN
       (SELECT a.id FROM associations a JOIN staging_areas s USING (source_key) WHERE a.kind = ? AND a.source = ?)`,
    [kind, source],
  );
  await trx.raw(
    `INSERT INTO association_members (association_id, comune_code, role)
     SELECT a.id, m.comune_code, m.role
     FROM staging_members m JOIN associations a ON a.kind = ? AND a.source = ? AND a.source_key = m.source_key`,
    [kind, source],
  );
  await refreshOutlines(trx, `a.kind = ? AND a.source = ? AND a.source_key IN (SELECT source_key FROM staging_areas)`, [
    kind,
    source,
  ]);
  return { associations: areas.length, memberships: members.length, unmatched };
}
