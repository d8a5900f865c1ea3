import type { Knex } from 'knex';
import { ANY_FUNDAMENTAL } from '../../domain/services';

/** A Comune that receives the service through a published alliance. */
export interface AllianceProvision {
  code: string;
  allianceId: number;
  allianceName: string;
}

/** Which Comuni receive which service through a published alliance, held in memory per alliances revision. */
export interface ProvisionsIndex {
  /** Members receiving `service` (or, with ANY_FUNDAMENTAL, any fundamental function), by alliance id then code. */
  of(service: string): AllianceProvision[];
}

/**
 * Every provision of every published alliance, in one query: each member of the territory receives
 * each service unless the service lists its recipients.
 */
export async function readProvisions(knex: Knex): Promise<ProvisionsIndex> {
  const { rows } = await knex.raw<{ rows: (AllianceProvision & { service: string; fundamental: boolean })[] }>(
    `SELECT s.service_code AS service, c.kind = 'fundamental' AS fundamental,
            m.comune_code AS code, a.id AS "allianceId", a.name AS "allianceName"
     FROM alliances a
     JOIN alliance_services s ON s.alliance_id = a.id
     JOIN services c ON c.code = s.service_code
     JOIN alliance_members m ON m.alliance_id = a.id AND m.status <> 'withdrawn'
     WHERE a.deleted_at IS NULL AND a.status = 'published'
       AND (s.recipients IS NULL OR m.comune_code = ANY (s.recipients))
     ORDER BY a.id, code`,
  );
  const byService = new Map<string, AllianceProvision[]>();
  const fundamental: AllianceProvision[] = [];
  const seenFundamental = new Set<string>();
  for (const { service, fundamental: isFundamental, ...provision } of rows) {
    let list = byService.get(service);
    if (!list) byService.set(service, (list = []));
    list.push(provision);
    // Any fundamental function: each (alliance, Comune) once, however many functions it provides.
    const key = `${provision.allianceId}/${provision.code}`;
    if (isFundamental && !seenFundamental.has(key)) {
      seenFundamental.add(key);
      fundamental.push(provision);
    }
  }
  return { of: (service) => (service === ANY_FUNDAMENTAL ? fundamental : (byService.get(service) ?? [])) };
}
