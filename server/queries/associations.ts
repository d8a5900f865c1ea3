import type { Geometry } from 'geojson';
import type { Knex } from 'knex';
import type { AssociationKind } from '../../domain/associations';
import type { AssociationSummary } from '../../domain/api-types';


export interface AssociationMember {
  code: string;
  name: string;
  role: string | null;
}

const SUMMARY = `SELECT a.id, a.kind, a.name, a.source, a.period,
                        to_char(a.valid_from, 'YYYY-MM-DD') AS "validFrom",
                        to_char(a.valid_to, 'YYYY-MM-DD') AS "validTo", a.status,
                        (SELECT count(*)::int FROM association_members m WHERE m.association_id = a.id) AS comuni
                 FROM associations a`;

export async function listAssociations(knex: Knex, kind?: AssociationKind): Promise<AssociationSummary[]> {
  const result = kind
    ? await knex.raw<{ rows: AssociationSummary[] }>(`${SUMMARY} WHERE a.kind = ? ORDER BY a.name, a.id`, [kind])
    : await knex.raw<{ rows: AssociationSummary[] }>(`${SUMMARY} ORDER BY a.kind, a.name, a.id`);
  return result.rows;
}

export async function findAssociation(
  knex: Knex,
  id: number,
): Promise<(AssociationSummary & { members: AssociationMember[] }) | null> {
  const found = await knex.raw<{ rows: AssociationSummary[] }>(`${SUMMARY} WHERE a.id = ?`, [id]);
  const association = found.rows[0];
  if (!association) return null;
  const members = await knex.raw<{ rows: AssociationMember[] }>(
    `SELECT c.code, c.name, m.role FROM association_members m JOIN comuni c ON c.code = m.comune_code
     WHERE m.association_id = ? ORDER BY c.name, c.code`,
    [id],
  );
  return { ...association, members: members.rows };
}

/** Dissolved outline of an association's members (computed on import), simplified to about 10 m. */
export async function associationOutline(knex: Knex, id: number): Promise<Geometry | null> {
  const result = await knex.raw<{ rows: { geometry: string | null }[] }>(
    `SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(outline, 0.0001)), 6) AS geometry FROM associations WHERE id = ?`,
    [id],
  );
  const geometry = result.rows[0]?.geometry;
  return geometry ? (JSON.parse(geometry) as Geometry) : null;
}

/** An Unione di comuni of the shipped list, with its members' ISTAT codes; null when there is no Unione with that id. */
export async function existingUnione(knex: Knex, id: number): Promise<{ id: number; name: string; members: string[] } | null> {
  const found = await knex.raw<{ rows: { id: number; name: string; members: string[] | null }[] }>(
    `SELECT a.id, a.name, (SELECT array_agg(m.comune_code ORDER BY m.comune_code) FROM association_members m WHERE m.association_id = a.id) AS members
     FROM associations a WHERE a.id = ? AND a.kind = 'unione'`,
    [id],
  );
  const row = found.rows[0];
  return row ? { id: row.id, name: row.name, members: row.members ?? [] } : null;
}
