import type { Knex } from 'knex';
import type { ServiceDefinition } from '../../domain/services';

/** A catalogue entry as stored: the definition, and when it was retired (null while in use). */
export interface StoredService extends ServiceDefinition {
  retiredAt: string | null;
}

interface ServiceRow {
  code: string;
  kind: ServiceDefinition['kind'];
  letter: string | null;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  reference: string;
  obligation: boolean;
  retired_at: string | Date | null;
}

function toService(r: ServiceRow): StoredService {
  return {
    code: r.code,
    kind: r.kind,
    ...(r.letter ? { letter: r.letter } : {}),
    name: { it: r.name_it, en: r.name_en },
    description: { it: r.description_it, en: r.description_en },
    reference: r.reference,
    obligation: r.obligation,
    retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
  };
}

export async function listServices(knex: Knex, includeRetired: boolean): Promise<StoredService[]> {
  const { rows } = await knex.raw<{ rows: ServiceRow[] }>(
    `SELECT * FROM services ${includeRetired ? '' : 'WHERE retired_at IS NULL'} ORDER BY position, code`,
  );
  return rows.map(toService);
}

export async function findService(knex: Knex, code: string): Promise<StoredService | null> {
  const { rows } = await knex.raw<{ rows: ServiceRow[] }>(`SELECT * FROM services WHERE code = ?`, [code]);
  return rows[0] ? toService(rows[0]) : null;
}

/** Adds a service at the end of the catalogue; false when the code is taken. */
export async function insertService(trx: Knex.Transaction, s: ServiceDefinition): Promise<boolean> {
  const { rows } = await trx.raw<{ rows: unknown[] }>(
    `INSERT INTO services (code, kind, letter, name_it, name_en, description_it, description_en, reference, obligation, position)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(max(position), -1) + 1 FROM services
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [s.code, s.kind, s.letter ?? null, s.name.it, s.name.en, s.description.it, s.description.en, s.reference, s.obligation],
  );
  if (rows.length === 0) return false;
  await recordHistory(trx, s.code, 'created', s);
  return true;
}

/** Replaces the editable fields and, when `retired` is given, retires or restores the service. */
export async function updateService(trx: Knex.Transaction, s: ServiceDefinition, retired: boolean | undefined): Promise<void> {
  const before = await findService(trx, s.code);
  await trx.raw(
    `UPDATE services SET name_it = ?, name_en = ?, description_it = ?, description_en = ?, reference = ?, obligation = ?,
            retired_at = CASE WHEN ?::boolean IS NULL THEN retired_at WHEN ?::boolean THEN coalesce(retired_at, now()) ELSE NULL END,
            updated_at = now()
     WHERE code = ?`,
    [s.name.it, s.name.en, s.description.it, s.description.en, s.reference, s.obligation, retired ?? null, retired ?? null, s.code],
  );
  const action = retired === true && !before?.retiredAt ? 'retired' : retired === false && before?.retiredAt ? 'restored' : 'updated';
  await recordHistory(trx, s.code, action, s);
}

export async function serviceHistory(knex: Knex, code: string): Promise<{ action: string; at: string; snapshot: unknown }[]> {
  const { rows } = await knex.raw<{ rows: { action: string; at: string | Date; snapshot: unknown }[] }>(
    `SELECT action, at, snapshot FROM service_history WHERE service_code = ? ORDER BY id`,
    [code],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

async function recordHistory(trx: Knex.Transaction, code: string, action: string, snapshot: ServiceDefinition): Promise<void> {
  await trx.raw(`INSERT INTO service_history (service_code, action, snapshot) VALUES (?, ?, ?::jsonb)`, [code, action, JSON.stringify(snapshot)]);
}

/** Every catalogue entry (retired ones included: an alliance may still list them) by code. */
export type CatalogueIndex = Map<string, { name: { it: string; en: string }; kind: ServiceDefinition['kind']; retired: boolean }>;

export async function catalogueIndex(knex: Knex): Promise<CatalogueIndex> {
  const { rows } = await knex.raw<{ rows: { code: string; it: string; en: string; kind: ServiceDefinition['kind']; retired: boolean }[] }>(
    `SELECT code, name_it AS it, name_en AS en, kind, retired_at IS NOT NULL AS retired FROM services`,
  );
  return new Map(rows.map((r) => [r.code, { name: { it: r.it, en: r.en }, kind: r.kind, retired: r.retired }]));
}
