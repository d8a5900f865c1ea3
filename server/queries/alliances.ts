import type { Geometry } from 'geojson';
import type { Knex } from 'knex';
import { territoryMembers, type AllianceServiceInput, type AllianceStatus } from '../../domain/alliance';
import type { ComuneAllianceRef } from '../../domain/api-types';
import { currentPhase, type Governance, type LegalForm } from '../../domain/governance';
import type { AllianceDraft, AllianceSummary, StoredMember, StoredPartner } from '../../domain/alliance-summary';

export interface AllianceRow {
  id: number;
  name: string;
  description: string;
  status: AllianceStatus;
  version: number;
  editTokenHash: string;
  summary: AllianceSummary;
  contiguityException: string | null;
  runningCostCents: number;
  /** Null while not chosen. */
  legalForm: LegalForm | null;
  governance: Governance;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Who made a change: the founder (edit link), a member Comune or body (its invitation), an administrator. */
export type HistoryActor =
  | { kind: 'founder' }
  | { kind: 'administrator' }
  /** `invitation`: the id of the adhesion link the decision came through. */
  | { kind: 'member'; code: string; invitation?: number }
  | { kind: 'partner'; name: string; invitation?: number };

export type HistoryAction = 'created' | 'updated' | 'deleted' | 'adhesion' | 'exception' | 'token_rotated' | 'invitation_issued' | 'invitation_revoked';

export interface StoredAlliance extends AllianceRow {
  members: StoredMember[];
  partners: StoredPartner[];
  services: AllianceServiceInput[];
  history: { version: number; action: HistoryAction; at: string; actor: HistoryActor }[];
}

const ROW = `SELECT id, name, description, status, version, edit_token_hash AS "editTokenHash", summary,
                    contiguity_exception AS "contiguityException", running_cost_cents AS "runningCostCents",
                    legal_form AS "legalForm", governance,
                    created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"
             FROM alliances`;

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
const summaryOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as AllianceSummary;

function toRow(r: AllianceRow): AllianceRow {
  const governance = (typeof r.governance === 'string' ? JSON.parse(r.governance) : r.governance) as Governance;
  return { ...r, summary: summaryOf(r.summary), governance, runningCostCents: Number(r.runningCostCents), createdAt: iso(r.createdAt) as string, updatedAt: iso(r.updatedAt) as string, deletedAt: iso(r.deletedAt) };
}

/**
 * An alliance with its members, partners, services and history, read as one snapshot (a
 * repeatable-read transaction), so that one answer never mixes two versions under one ETag.
 */
export function findAlliance(knex: Knex, id: number): Promise<StoredAlliance | null> {
  return knex.transaction((trx) => readAlliance(trx, id), { isolationLevel: 'repeatable read' });
}

async function readAlliance(knex: Knex.Transaction, id: number): Promise<StoredAlliance | null> {
  const found = (await knex.raw<{ rows: AllianceRow[] }>(`${ROW} WHERE id = ?`, [id])).rows[0];
  if (!found) return null;
  const members = await knex.raw<{ rows: StoredAlliance['members'] }>(
    `SELECT m.comune_code AS code, c.name, c.population, m.status, m.lead, m.act
     FROM alliance_members m LEFT JOIN comuni c ON c.code = m.comune_code
     WHERE m.alliance_id = ? ORDER BY m.lead DESC, c.name, m.comune_code`,
    [id],
  );
  const partners = await knex.raw<{ rows: StoredAlliance['partners'] }>(
    `SELECT kind, name, role, status, act FROM alliance_partners WHERE alliance_id = ? ORDER BY position`,
    [id],
  );
  const services = await knex.raw<{ rows: ServiceRow[] }>(
    `SELECT service_code AS code, provider_kind, provider_ref, to_char(since, 'YYYY-MM-DD') AS since,
            annual_cost_cents, charged_cents, equal_share, recipients, grants
     FROM alliance_services WHERE alliance_id = ? ORDER BY position`,
    [id],
  );
  const history = await knex.raw<{ rows: StoredAlliance['history'] }>(
    `SELECT version, action, at, actor FROM alliance_history WHERE alliance_id = ? ORDER BY id`,
    [id],
  );
  return {
    ...toRow(found),
    members: members.rows,
    partners: partners.rows,
    services: services.rows.map(toService),
    history: history.rows.map((h) => ({ ...h, at: iso(h.at) as string })),
  };
}

export interface ServiceRow {
  code: string;
  provider_kind: AllianceServiceInput['provider']['kind'];
  provider_ref: string | null;
  since: string | null;
  annual_cost_cents: string | number;
  charged_cents: string | number | null;
  equal_share: string | number;
  recipients: string[] | null;
  grants: AllianceServiceInput['grants'] | string;
}

// bigint and numeric columns arrive as strings from node-postgres.
export function toService(r: ServiceRow): AllianceServiceInput {
  return {
    code: r.code,
    provider: { kind: r.provider_kind, ref: r.provider_ref },
    since: r.since,
    annualCostCents: Number(r.annual_cost_cents),
    chargedCents: r.charged_cents === null ? null : Number(r.charged_cents),
    equalShare: Number(r.equal_share),
    recipients: r.recipients,
    grants: typeof r.grants === 'string' ? (JSON.parse(r.grants) as AllianceServiceInput['grants']) : (r.grants ?? null),
  };
}

/** Where a page of the alliance list ends: the last row's change time and id (newest first). */
export interface ListCursor {
  updatedAt: string;
  id: number;
}

/** A name folded in SQL as foldName does in JS for Italian text: lower case, no accents, punctuation as spaces. */
const FOLDED_NAME = `trim(regexp_replace(translate(lower(a.name), 'àáâäèéêëìíîïòóôöùúûüç', 'aaaaeeeeiiiioooouuuuc'), '[^a-z0-9]+', ' ', 'g'))`;

/**
 * One page of published alliances, newest change first, after `cursor`. With `folded` (a query folded
 * by foldName), only those whose name contains it or with a member Comune whose name has a word
 * starting with it ("lugo" → Lugo). Returns one row more than `limit` when there is a next page.
 */
export async function listAlliances(
  knex: Knex,
  options: { folded?: string; limit: number; cursor?: ListCursor | undefined },
): Promise<AllianceListRow[]> {
  // Drafts are unlisted: reachable by their link only (see the glossary's «Bozza / pubblicata»).
  const where = [`a.deleted_at IS NULL AND a.status = 'published'`];
  const bindings: (string | number)[] = [];
  if (options.folded) {
    // foldName leaves only letters, digits and spaces: nothing LIKE would read as a wildcard.
    where.push(`(${FOLDED_NAME} LIKE ? OR EXISTS (SELECT 1 FROM alliance_members m JOIN comuni c ON c.code = m.comune_code
       WHERE m.alliance_id = a.id AND (' ' || c.name_search) LIKE ?))`);
    bindings.push(`%${options.folded}%`, `% ${options.folded}%`);
  }
  if (options.cursor) {
    // The cursor holds the time to the microsecond (as stored): no row is skipped or repeated.
    where.push(`(a.updated_at, a.id) < (?::timestamptz, ?)`);
    bindings.push(options.cursor.updatedAt, options.cursor.id);
  }
  // Only what the list shows (not the whole summary of every alliance), in the order of an index.
  const rows = await knex.raw<{ rows: (AllianceListRow & { cursorAt: string })[] }>(
    `SELECT a.id, a.name, a.status, a.version, a.updated_at AS "updatedAt", a.summary->'totals' AS totals,
            (a.summary->'contiguity'->>'contiguous')::boolean AS contiguous, a.summary->'ruleSet'->>'id' AS "ruleSet",
            to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
     FROM alliances a WHERE ${where.join(' AND ')}
     ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`,
    [...bindings, options.limit + 1],
  );
  return rows.rows.map((r) => ({ ...r, totals: typeof r.totals === 'string' ? (JSON.parse(r.totals) as AllianceSummary['totals']) : r.totals, updatedAt: iso(r.updatedAt) as string }));
}

/** One row of the list of alliances (and `cursorAt`, its change time to the microsecond, for the next page's cursor). */
export interface AllianceListRow {
  cursorAt?: string;
  id: number;
  name: string;
  status: string;
  version: number;
  updatedAt: string;
  totals: AllianceSummary['totals'];
  contiguous: boolean;
  ruleSet: string;
}

/** Creates an alliance with its members, partners, outline and first history entry; returns its id. */
export async function insertAlliance(trx: Knex.Transaction, draft: AllianceDraft, summary: AllianceSummary, tokenHash: string): Promise<number> {
  const inserted = await trx.raw<{ rows: { id: number }[] }>(
    `INSERT INTO alliances (name, description, status, edit_token_hash, rule_set, summary, running_cost_cents, legal_form, governance)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) RETURNING id`,
    [draft.name, draft.description, draft.status, tokenHash, summary.ruleSet.id, JSON.stringify(summary), draft.runningCostCents, draft.legalForm, JSON.stringify(draft.governance)],
  );
  const id = inserted.rows[0]!.id;
  await writeParts(trx, id, draft);
  await recordHistory(trx, id, 1, 'created', snapshot(draft, summary), { kind: 'founder' });
  return id;
}

/**
 * Applies a change if the alliance is still at `expectedVersion`; returns the new version, or
 * null when someone else saved first (the caller answers 409).
 */
export async function updateAlliance(
  trx: Knex.Transaction,
  id: number,
  expectedVersion: number,
  draft: AllianceDraft,
  summary: AllianceSummary,
  by: { action: HistoryAction; actor: HistoryActor; /** The edit token's hash the founder was checked with: a rotation in between wins. */ tokenHash?: string } = {
    action: 'updated',
    actor: { kind: 'founder' },
  },
): Promise<number | null> {
  const sameToken = by.tokenHash === undefined ? '' : 'AND edit_token_hash = ?';
  const updated = await trx.raw<{ rows: { version: number }[] }>(
    `UPDATE alliances SET name = ?, description = ?, status = ?, rule_set = ?, summary = ?::jsonb, running_cost_cents = ?,
            legal_form = ?, governance = ?::jsonb, version = version + 1, updated_at = now()
     WHERE id = ? AND version = ? AND deleted_at IS NULL ${sameToken} RETURNING version`,
    [draft.name, draft.description, draft.status, summary.ruleSet.id, JSON.stringify(summary), draft.runningCostCents, draft.legalForm, JSON.stringify(draft.governance), id, expectedVersion, ...(by.tokenHash === undefined ? [] : [by.tokenHash])],
  );
  const version = updated.rows[0]?.version;
  if (version === undefined) return null;
  await trx.raw(`DELETE FROM alliance_members WHERE alliance_id = ?`, [id]);
  await trx.raw(`DELETE FROM alliance_partners WHERE alliance_id = ?`, [id]);
  await trx.raw(`DELETE FROM alliance_services WHERE alliance_id = ?`, [id]);
  await writeParts(trx, id, draft);
  await recordHistory(trx, id, version, by.action, snapshot(draft, summary), by.actor);
  return version;
}

/** An administrator records (or with null removes) the reason a separated territory is accepted. */
/** Records (or removes) the exception if the alliance is still at `expectedVersion`; null if it is not. */
export async function setContiguityException(
  trx: Knex.Transaction,
  id: number,
  expectedVersion: number,
  reason: string | null,
  summary: AllianceSummary,
  status: AllianceStatus,
): Promise<number | null> {
  const updated = await trx.raw<{ rows: { version: number }[] }>(
    `UPDATE alliances SET contiguity_exception = ?, summary = ?::jsonb, status = ?, version = version + 1, updated_at = now()
     WHERE id = ? AND version = ? AND deleted_at IS NULL RETURNING version`,
    [reason, JSON.stringify(summary), status, id, expectedVersion],
  );
  const version = updated.rows[0]?.version;
  if (version === undefined) return null;
  await recordHistory(trx, id, version, 'exception', { contiguityException: reason, status, constituted: summary.constituted.constituted }, { kind: 'administrator' });
  return version;
}

/** Soft delete: the alliance disappears from lists, its record and history stay. */
export async function deleteAlliance(trx: Knex.Transaction, id: number, expectedVersion: number): Promise<number | null> {
  const updated = await trx.raw<{ rows: { version: number }[] }>(
    `UPDATE alliances SET deleted_at = now(), version = version + 1, updated_at = now()
     WHERE id = ? AND version = ? AND deleted_at IS NULL RETURNING version`,
    [id, expectedVersion],
  );
  const version = updated.rows[0]?.version;
  if (version === undefined) return null;
  await recordHistory(trx, id, version, 'deleted', {}, { kind: 'founder' });
  return version;
}

/** One entry of an alliance's history: who, and what the version looked like (or what changed). */
export async function recordHistory(trx: Knex.Transaction, id: number, version: number, action: HistoryAction, what: object, actor: HistoryActor): Promise<void> {
  await trx.raw(`INSERT INTO alliance_history (alliance_id, version, action, snapshot, actor) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)`, [
    id, version, action, JSON.stringify(what), JSON.stringify(actor),
  ]);
}

async function writeParts(trx: Knex.Transaction, id: number, draft: AllianceDraft): Promise<void> {
  for (let i = 0; i < draft.members.length; i += 500) {
    const batch = draft.members.slice(i, i + 500);
    await trx.raw(
      `INSERT INTO alliance_members (alliance_id, comune_code, status, lead, act) VALUES ${batch.map(() => '(?, ?, ?, ?, ?::jsonb)').join(', ')}`,
      batch.flatMap((m) => [id, m.code, m.status, m.lead, m.act ? JSON.stringify(m.act) : null]),
    );
  }
  if (draft.partners.length > 0) {
    await trx.raw(
      `INSERT INTO alliance_partners (alliance_id, position, kind, name, role, status, act) VALUES ${draft.partners.map(() => '(?, ?, ?, ?, ?, ?, ?::jsonb)').join(', ')}`,
      draft.partners.flatMap((p, position) => [id, position, p.kind, p.name, p.role ?? null, p.status ?? 'proposed', p.act ? JSON.stringify(p.act) : null]),
    );
  }
  if (draft.services.length > 0) {
    await trx.raw(
      `INSERT INTO alliance_services (alliance_id, service_code, position, provider_kind, provider_ref, since, annual_cost_cents, charged_cents, equal_share, recipients, grants)
       VALUES ${draft.services.map(() => '(?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?::text[], ?::jsonb)').join(', ')}`,
      draft.services.flatMap((s, position) => [
        id, s.code, position, s.provider.kind, s.provider.ref ?? null, s.since ?? null,
        s.annualCostCents, s.chargedCents ?? null, s.equalShare, s.recipients ?? null, s.grants?.length ? JSON.stringify(s.grants) : null,
      ]),
    );
  }
  const territory = territoryMembers(draft.members);
  await trx.raw(
    `UPDATE alliances SET outline = (
       SELECT ST_Multi(ST_CollectionExtract(ST_Union(geom), 3)) FROM comuni WHERE code IN (SELECT unnest(?::text[])))
     WHERE id = ?`,
    [territory, id],
  );
}

function snapshot(draft: AllianceDraft, summary: AllianceSummary): object {
  // The phase is written beside the timeline so that the history and the feeds tell a phase change.
  return { ...draft, totals: summary.totals, ruleSet: summary.ruleSet.id, constituted: summary.constituted.constituted, phase: currentPhase(draft.governance.phases) };
}

/** SQL: the members of alliance `a` as JSON ({ code, status, lead } by code), for open-data outputs. */
export const ALLIANCE_MEMBERS_JSON = `(SELECT json_agg(json_build_object('code', m.comune_code, 'status', m.status, 'lead', m.lead, 'act', m.act) ORDER BY m.comune_code)
   FROM alliance_members m WHERE m.alliance_id = a.id)`;

/** SQL: the governance of alliance `a` for open data: legal form, current phase, the RTD office and its role address. */
export const ALLIANCE_GOVERNANCE_FIELDS = `'legalForm', a.legal_form, 'phase', a.governance->'phases'->-1->>'phase',
   'rtdOffice', a.governance->'rtd'->>'office', 'rtdEmail', a.governance->'rtd'->>'email'`;

/** SQL: when alliance `a` last changed, as an ISO 8601 UTC text. */
export const ALLIANCE_UPDATED_ISO = `to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * What an alliance's public page is built from, as one short text that changes whenever the page
 * would: its row's version in the database (xmin: any update of the row, a save, an exception, a
 * deletion, a restore), its history's last entry (invitations and token rotations write only
 * there), its convenzione's last version, and the data version (its members' names and figures).
 * Null when there is no such alliance.
 */
export async function allianceFingerprint(knex: Knex, id: number): Promise<string | null> {
  const result = await knex.raw<{ rows: { fingerprint: string }[] }>(
    `SELECT concat_ws('/', a.xmin::text,
              (SELECT max(h.id) FROM alliance_history h WHERE h.alliance_id = a.id),
              (SELECT max(v.version) FROM alliance_convenzione_versions v WHERE v.alliance_id = a.id),
              (SELECT max(d.id) FROM data_versions d)) AS fingerprint
     FROM alliances a WHERE a.id = ?`,
    [id],
  );
  return result.rows[0]?.fingerprint ?? null;
}

export async function allianceOutline(knex: Knex, id: number, toleranceDeg = 0.0001): Promise<Geometry | null> {
  const result = await knex.raw<{ rows: { geometry: string | null }[] }>(
    `SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(outline, ?)), 6) AS geometry FROM alliances WHERE id = ?`,
    [toleranceDeg, id],
  );
  const geometry = result.rows[0]?.geometry;
  return geometry ? (JSON.parse(geometry) as Geometry) : null;
}

/** Members with their figures and simplified boundaries, for the GeoJSON export. */
export async function memberFeatures(knex: Knex, id: number): Promise<{ code: string; geometry: Geometry }[]> {
  const result = await knex.raw<{ rows: { code: string; geometry: string }[] }>(
    `SELECT c.code, ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(c.geom, 0.0001)), 6) AS geometry
     FROM alliance_members m JOIN comuni c ON c.code = m.comune_code WHERE m.alliance_id = ?`,
    [id],
  );
  return result.rows.map((r) => ({ code: r.code, geometry: JSON.parse(r.geometry) as Geometry }));
}

/**
 * Outlines of published alliances for the map, as GeoJSON text stored on save (see migration 008):
 * within `bbox` if given, newest first, at most `limit` (one more is read to tell
 * that some were left out).
 */
export async function allianceOutlines(
  knex: Knex,
  options: { limit: number; bbox?: [number, number, number, number] | undefined },
): Promise<{ id: number; name: string; status: string; geometry: string }[]> {
  const inBox = options.bbox ? 'AND outline && ST_MakeEnvelope(?, ?, ?, ?, 4326)' : '';
  const result = await knex.raw<{ rows: { id: number; name: string; status: string; geometry: string }[] }>(
    `SELECT id, name, status, outline_geojson AS geometry
     FROM alliances WHERE deleted_at IS NULL AND status = 'published' AND outline_geojson IS NOT NULL ${inBox}
     ORDER BY updated_at DESC, id DESC LIMIT ?`,
    [...(options.bbox ?? []), options.limit + 1],
  );
  return result.rows;
}

/** The published alliances a Comune is a member of, by name (drafts are unlisted). */
export async function alliancesOfComune(knex: Knex, code: string): Promise<ComuneAllianceRef[]> {
  const result = await knex.raw<{ rows: ComuneAllianceRef[] }>(
    `SELECT a.id, a.name, a.status, m.status AS "memberStatus"
     FROM alliance_members m JOIN alliances a ON a.id = m.alliance_id
     WHERE m.comune_code = ? AND a.deleted_at IS NULL AND a.status = 'published'
     ORDER BY a.name, a.id`,
    [code],
  );
  return result.rows;
}

/** Replaces the edit token's hash if it is still `expectedHash` (compare-and-swap); false if it changed meanwhile. */
export async function swapEditTokenHash(trx: Knex.Transaction, id: number, expectedHash: string, newHash: string): Promise<boolean> {
  const changed = await trx.raw<{ rows: unknown[] }>(`UPDATE alliances SET edit_token_hash = ? WHERE id = ? AND edit_token_hash = ? RETURNING id`, [newHash, id, expectedHash]);
  return changed.rows.length > 0;
}
