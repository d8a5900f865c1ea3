import type { Knex } from 'knex';
import { ANY_FUNDAMENTAL } from '../../domain/services';

/** A Comune that receives the service through a published alliance. */
export interface AllianceProvision {
  code: string;
  allianceId: number;
  allianceName: string;
}

/**
 * Members of published alliances that receive `service` (or, with ANY_FUNDAMENTAL, any
 * fundamental function): every member of the territory unless the service lists its recipients.
 */
export async function allianceProvisions(knex: Knex, service: string): Promise<AllianceProvision[]> {
  const { rows } = await knex.raw<{ rows: AllianceProvision[] }>(
    `SELECT DISTINCT m.comune_code AS code, a.id AS "allianceId", a.name AS "allianceName"
     FROM alliances a
     JOIN alliance_services s ON s.alliance_id = a.id
     JOIN services c ON c.code = s.service_code
     JOIN alliance_members m ON m.alliance_id = a.id AND m.status <> 'withdrawn'
     WHERE a.deleted_at IS NULL AND a.status = 'published'
       AND (s.recipients IS NULL OR m.comune_code = ANY (s.recipients))
       AND (s.service_code = ? OR (? AND c.kind = 'fundamental'))
     ORDER BY a.id, code`,
    [service, service === ANY_FUNDAMENTAL],
  );
  return rows;
}
