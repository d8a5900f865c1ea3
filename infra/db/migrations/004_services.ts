import type { Knex } from 'knex';
import { DEFAULT_SERVICES } from '../../../domain/services';

/**
 * The service catalogue (seeded with the fundamental functions and the default digital services),
 * the services each alliance provides with their cost-sharing rule, and the contiguity exception
 * an administrator may record on an alliance.
 */
const up = [
  `ALTER TABLE alliances ADD COLUMN contiguity_exception text`,
  `ALTER TABLE alliances ADD COLUMN running_cost_cents bigint NOT NULL DEFAULT 0 CHECK (running_cost_cents >= 0)`,
  `CREATE TABLE services (
     code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
     kind text NOT NULL CHECK (kind IN ('fundamental', 'digital')),
     letter text,
     name_it text NOT NULL,
     name_en text NOT NULL,
     description_it text NOT NULL DEFAULT '',
     description_en text NOT NULL DEFAULT '',
     reference text NOT NULL DEFAULT '',
     obligation boolean NOT NULL DEFAULT false,
     position integer NOT NULL,
     retired_at timestamptz,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE service_history (
     id serial PRIMARY KEY,
     service_code text NOT NULL REFERENCES services (code),
     action text NOT NULL CHECK (action IN ('created', 'updated', 'retired', 'restored')),
     snapshot jsonb NOT NULL,
     at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE alliance_services (
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     service_code text NOT NULL REFERENCES services (code),
     position integer NOT NULL,
     provider_kind text NOT NULL CHECK (provider_kind IN ('alliance', 'lead', 'member', 'partner')),
     provider_ref text,
     since date,
     annual_cost_cents bigint NOT NULL DEFAULT 0 CHECK (annual_cost_cents >= 0),
     charged_cents bigint CHECK (charged_cents >= 0),
     equal_share numeric(10, 9) NOT NULL DEFAULT 0 CHECK (equal_share BETWEEN 0 AND 1),
     recipients text[],
     PRIMARY KEY (alliance_id, service_code)
   )`,
  `CREATE INDEX alliance_services_service_idx ON alliance_services (service_code)`,
];

export const services: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
    for (const [position, s] of DEFAULT_SERVICES.entries()) {
      await knex.raw(
        `INSERT INTO services (code, kind, letter, name_it, name_en, description_it, description_en, reference, obligation, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [s.code, s.kind, s.letter ?? null, s.name.it, s.name.en, s.description.it, s.description.en, s.reference, s.obligation, position],
      );
      await knex.raw(`INSERT INTO service_history (service_code, action, snapshot) VALUES (?, 'created', ?::jsonb)`, [s.code, JSON.stringify(s)]);
    }
  },
  down: async (knex) => {
    for (const table of ['alliance_services', 'service_history', 'services']) await knex.raw(`DROP TABLE ${table}`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN contiguity_exception, DROP COLUMN running_cost_cents`);
  },
};
