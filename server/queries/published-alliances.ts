import type { Knex } from 'knex';
import { ALLIANCE_GOVERNANCE_FIELDS, ALLIANCE_MEMBERS_JSON, ALLIANCE_UPDATED_ISO, toService, type ServiceRow, type StoredAlliance } from './alliances';

/** A published alliance as the open data describe it: who is in it, which services it shares, its legal form and phase. */
export type PublishedAlliance = Pick<StoredAlliance, 'id' | 'name' | 'version' | 'runningCostCents' | 'members' | 'services' | 'legalForm'> & {
  /** The phase it has reached (the last of its timeline), if any. */
  phase: string | null;
};

/** How much one page of published alliances may hold: few alliances, or as many members. */
export interface PageBudget {
  alliances: number;
  /** Members summed over the page's alliances (one alliance is always read whole, however large). */
  members: number;
}

export const PAGE_BUDGET: PageBudget = { alliances: 100, members: 1_000 };

/**
 * Every published alliance, oldest first, a page at a time: each page is one short statement (one
 * snapshot of its alliances), so that a whole export never holds the embedded database for more
 * than one page and other requests run between pages. A change between pages announces itself
 * (alliances revision): what was built from the pages is then built again.
 */
export async function* publishedAlliancePages(knex: Knex, budget: PageBudget = PAGE_BUDGET): AsyncGenerator<PublishedAlliance[]> {
  for (let after = 0; ; ) {
    const page = await publishedAlliancePage(knex, after, budget);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}

interface PageRow {
  id: number;
  name: string;
  version: number;
  runningCostCents: string | number;
  legalForm: StoredAlliance['legalForm'];
  phase: string | null;
  members: StoredAlliance['members'] | string;
  services: ServiceRow[] | string;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The published alliances after id `after` that fit in `budget` (at least one), members in the order findAlliance gives them. */
async function publishedAlliancePage(knex: Knex, after: number, budget: PageBudget): Promise<PublishedAlliance[]> {
  const { rows } = await knex.raw<{ rows: PageRow[] }>(
    // The ids first (the page's few, whatever plan finds them): members are counted for those alone.
    `WITH ids AS MATERIALIZED (
       SELECT a.id FROM alliances a WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.id > ? ORDER BY a.id LIMIT ?),
     next AS (SELECT ids.id, (SELECT count(*) FROM alliance_members m WHERE m.alliance_id = ids.id) AS members FROM ids),
     page AS (
       SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS nth, sum(members) OVER (ORDER BY id) AS upto FROM next) n
       WHERE nth = 1 OR upto <= ?)
     SELECT a.id, a.name, a.version, a.running_cost_cents AS "runningCostCents",
       a.legal_form AS "legalForm", a.governance->'phases'->-1->>'phase' AS phase,
       (SELECT coalesce(json_agg(json_build_object('code', m.comune_code, 'name', c.name, 'population', c.population, 'status', m.status, 'lead', m.lead, 'act', m.act)
                                 ORDER BY m.lead DESC, c.name, m.comune_code), '[]')
        FROM alliance_members m LEFT JOIN comuni c ON c.code = m.comune_code WHERE m.alliance_id = a.id) AS members,
       (SELECT coalesce(json_agg(json_build_object('code', s.service_code, 'provider_kind', s.provider_kind, 'provider_ref', s.provider_ref,
                                                   'since', to_char(s.since, 'YYYY-MM-DD'), 'annual_cost_cents', s.annual_cost_cents,
                                                   'charged_cents', s.charged_cents, 'equal_share', s.equal_share,
                                                   'recipients', s.recipients, 'grants', s.grants) ORDER BY s.position), '[]')
        FROM alliance_services s WHERE s.alliance_id = a.id) AS services
     FROM alliances a JOIN page USING (id) ORDER BY a.id`,
    [after, budget.alliances, budget.members],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    runningCostCents: Number(r.runningCostCents),
    legalForm: r.legalForm,
    phase: r.phase,
    members: parsed(r.members),
    services: parsed(r.services).map(toService),
  }));
}

/** A published alliance's outline (simplified, GeoJSON text), with its members as the open data list them. */
export interface PublishedOutline {
  id: number;
  name: string;
  updated: string;
  members: unknown;
  /** Legal form, current phase, the RTD office and its role address (ALLIANCE_GOVERNANCE_FIELDS). */
  governance: Record<string, unknown>;
  geometry: string;
}

/** Every published alliance that has an outline, oldest first, `pageSize` at a time (see publishedAlliancePages). */
export async function* publishedOutlinePages(knex: Knex, pageSize = 100): AsyncGenerator<PublishedOutline[]> {
  for (let after = 0; ; ) {
    const { rows } = await knex.raw<{ rows: PublishedOutline[] }>(
      // The ids first: outlines are simplified and members gathered for the page's alliances alone.
      `WITH ids AS MATERIALIZED (
         SELECT id FROM alliances WHERE status = 'published' AND deleted_at IS NULL AND outline IS NOT NULL AND id > ? ORDER BY id LIMIT ?)
       SELECT a.id, a.name, ${ALLIANCE_UPDATED_ISO} AS updated, ${ALLIANCE_MEMBERS_JSON} AS members,
              json_build_object(${ALLIANCE_GOVERNANCE_FIELDS}) AS governance,
              ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(a.outline, 0.0001)), 6) AS geometry
       FROM alliances a JOIN ids USING (id) ORDER BY a.id`,
      [after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, members: parsed(r.members), governance: parsed(r.governance) }));
    after = rows[rows.length - 1]!.id;
  }
}

/** When the published alliances and the reference data last changed (for the open-data catalogue). */
export async function openDataModified(knex: Knex): Promise<{ alliances: Date | string | null; reference: Date | string | null } | undefined> {
  const modified = await knex.raw<{ rows: { alliances: Date | string | null; reference: Date | string | null }[] }>(
    `SELECT (SELECT max(updated_at) FROM alliances WHERE status = 'published') AS alliances,
            (SELECT max(imported_at) FROM data_versions) AS reference`,
  );
  return modified.rows[0];
}
