import type { Knex } from 'knex';
import { partnerKey } from '../../domain/alliance';

/** Who an invitation is for: a member Comune (ISTAT code) or a participating body (its name). */
export type InvitedParty = { code: string } | { partner: string };

export interface InvitationRow {
  id: number;
  allianceId: number;
  code: string | null;
  partner: string | null;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: 'founder' | 'administrator' | 'removed' | null;
}

const COLUMNS = `id, alliance_id AS "allianceId", comune_code AS code, partner_name AS partner,
  created_at AS "createdAt", revoked_at AS "revokedAt", revoked_by AS "revokedBy"`;

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
const toRow = (r: InvitationRow): InvitationRow => ({ ...r, createdAt: iso(r.createdAt) as string, revokedAt: iso(r.revokedAt) });

/** SQL condition and bindings naming one party's invitations (partners by their name's key). */
function partyWhere(party: InvitedParty): [string, string[]] {
  return 'code' in party ? ['comune_code = ?', [party.code]] : ['partner_key = ?', [partnerKey(party.partner)]];
}

/** Every invitation of an alliance, live ones first, newest first. */
export async function listInvitations(knex: Knex, allianceId: number): Promise<InvitationRow[]> {
  const result = await knex.raw<{ rows: InvitationRow[] }>(
    `SELECT ${COLUMNS} FROM alliance_invitations WHERE alliance_id = ? ORDER BY revoked_at IS NOT NULL, id DESC`,
    [allianceId],
  );
  return result.rows.map(toRow);
}

/**
 * The live invitation a token hash belongs to, for this alliance and party; null if none. Inside a
 * transaction the row is locked for share: a revocation waits until the decision is stored.
 */
export async function findLiveInvitation(knex: Knex | Knex.Transaction, allianceId: number, party: InvitedParty, tokenHash: string): Promise<InvitationRow | null> {
  const [where, bindings] = partyWhere(party);
  const result = await knex.raw<{ rows: InvitationRow[] }>(
    `SELECT ${COLUMNS} FROM alliance_invitations WHERE alliance_id = ? AND ${where} AND token_hash = ? AND revoked_at IS NULL FOR SHARE`,
    [allianceId, ...bindings, tokenHash],
  );
  return result.rows[0] ? toRow(result.rows[0]) : null;
}

/** The member or body an invitation row is for. */
export const partyOfRow = (row: Pick<InvitationRow, 'code' | 'partner'>): InvitedParty => (row.code !== null ? { code: row.code } : { partner: row.partner! });

/**
 * Stores new invitations for parties that hold no live one, in one statement; returns their ids in
 * the order given. The caller holds the alliance's row lock (lockAlliance), so issues never race.
 */
export async function insertInvitations(trx: Knex.Transaction, allianceId: number, links: readonly { party: InvitedParty; tokenHash: string }[]): Promise<number[]> {
  if (links.length === 0) return [];
  const ids: number[] = [];
  // Batches keep each statement's bindings well under PostgreSQL's limit.
  for (let i = 0; i < links.length; i += 500) {
    const batch = links.slice(i, i + 500);
    const inserted = await trx.raw<{ rows: { id: number; token_hash: string }[] }>(
      `INSERT INTO alliance_invitations (alliance_id, comune_code, partner_name, partner_key, token_hash) VALUES ${batch.map(() => '(?, ?, ?, ?, ?)').join(', ')} RETURNING id, token_hash`,
      batch.flatMap(({ party, tokenHash }) => {
        const partner = 'partner' in party ? party.partner : null;
        return [allianceId, 'code' in party ? party.code : null, partner, partner === null ? null : partnerKey(partner), tokenHash];
      }),
    );
    // Matched by token hash (unique), not by the order RETURNING happens to give.
    const byHash = new Map(inserted.rows.map((r) => [r.token_hash, r.id]));
    ids.push(...batch.map((l) => byHash.get(l.tokenHash)!));
  }
  return ids;
}

/** Revokes a party's live invitation; returns how many were revoked (0 or 1). */
export async function revokeParty(trx: Knex | Knex.Transaction, allianceId: number, party: InvitedParty, by: 'founder' | 'administrator' | 'removed'): Promise<number> {
  const [where, bindings] = partyWhere(party);
  const result = await trx.raw<{ rows: { id: number }[] }>(
    `UPDATE alliance_invitations SET revoked_at = now(), revoked_by = ? WHERE alliance_id = ? AND ${where} AND revoked_at IS NULL RETURNING id`,
    [by, allianceId, ...bindings],
  );
  return result.rows.length;
}

/**
 * Revokes one invitation by id; returns it as it now is and whether this call revoked it (false
 * when it already was), or null if it is not this alliance's.
 */
export async function revokeInvitation(
  trx: Knex | Knex.Transaction,
  allianceId: number,
  invitationId: number,
  by: 'founder' | 'administrator',
): Promise<{ invitation: InvitationRow; revokedNow: boolean } | null> {
  const changed = await trx.raw<{ rows: { id: number }[] }>(
    `UPDATE alliance_invitations SET revoked_at = now(), revoked_by = ? WHERE id = ? AND alliance_id = ? AND revoked_at IS NULL RETURNING id`,
    [by, invitationId, allianceId],
  );
  const result = await trx.raw<{ rows: InvitationRow[] }>(`SELECT ${COLUMNS} FROM alliance_invitations WHERE id = ? AND alliance_id = ?`, [invitationId, allianceId]);
  return result.rows[0] ? { invitation: toRow(result.rows[0]), revokedNow: changed.rows.length > 0 } : null;
}

/** Serialises changes to one alliance's links (and its edit token) until the transaction ends. */
export async function lockAlliance(trx: Knex.Transaction, allianceId: number): Promise<void> {
  await trx.raw(`SELECT id FROM alliances WHERE id = ? FOR UPDATE`, [allianceId]);
}
