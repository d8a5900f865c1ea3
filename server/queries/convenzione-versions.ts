import type { Knex } from 'knex';

/** A version of an alliance's generated convenzione: its number and the SHA-256 of its text. */
export interface ConvenzioneVersion {
  version: number;
  sha256: string;
  createdAt: string;
}

/**
 * The version number of this text of the alliance's convenzione: the one it already has, or the
 * next one (one row per distinct text, so repeated reads add nothing; two at once agree).
 */
export async function convenzioneVersion(knex: Knex, allianceId: number, sha256: string): Promise<ConvenzioneVersion> {
  const read = async () =>
    (await knex.raw<{ rows: { version: number; sha256: string; createdAt: Date | string }[] }>(
      `SELECT version, sha256, created_at AS "createdAt" FROM alliance_convenzione_versions WHERE alliance_id = ? AND sha256 = ?`,
      [allianceId, sha256],
    )).rows[0];
  let found = await read();
  for (let attempt = 0; !found && attempt < 3; attempt++) {
    await knex.raw(
      `INSERT INTO alliance_convenzione_versions (alliance_id, version, sha256)
       SELECT ?, coalesce(max(version), 0) + 1, ? FROM alliance_convenzione_versions WHERE alliance_id = ?
       ON CONFLICT DO NOTHING`,
      [allianceId, sha256, allianceId],
    );
    found = await read();
  }
  if (!found) throw new Error(`No convenzione version recorded for alliance ${allianceId}`);
  return { version: found.version, sha256: found.sha256, createdAt: new Date(found.createdAt).toISOString() };
}

/** Every version of an alliance's convenzione, oldest first. */
export async function convenzioneVersions(knex: Knex, allianceId: number): Promise<ConvenzioneVersion[]> {
  const rows = await knex.raw<{ rows: { version: number; sha256: string; createdAt: Date | string }[] }>(
    `SELECT version, sha256, created_at AS "createdAt" FROM alliance_convenzione_versions WHERE alliance_id = ? ORDER BY version`,
    [allianceId],
  );
  return rows.rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}
