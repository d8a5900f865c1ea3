import type { Knex } from 'knex';

// Member codes carry no foreign key: an alliance keeps its record even if a Comune is later merged.
const up = [
  `CREATE TABLE alliances (
     id serial PRIMARY KEY,
     name text NOT NULL,
     description text NOT NULL DEFAULT '',
     status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
     version integer NOT NULL DEFAULT 1,
     edit_token_hash text NOT NULL,
     rule_set text NOT NULL,
     summary jsonb NOT NULL,
     outline geometry(MultiPolygon, 4326),
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     deleted_at timestamptz
   )`,
  `CREATE TABLE alliance_members (
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     comune_code text NOT NULL CHECK (comune_code ~ '^[0-9]{6}$'),
     status text NOT NULL CHECK (status IN ('proposed', 'joined', 'withdrawn')),
     lead boolean NOT NULL DEFAULT false,
     PRIMARY KEY (alliance_id, comune_code)
   )`,
  `CREATE TABLE alliance_partners (
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     position integer NOT NULL,
     kind text NOT NULL CHECK (kind IN ('comune', 'unione', 'comunita_montana', 'provincia', 'regione', 'other')),
     name text NOT NULL,
     role text,
     PRIMARY KEY (alliance_id, position)
   )`,
  `CREATE TABLE alliance_history (
     id serial PRIMARY KEY,
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     version integer NOT NULL,
     action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
     snapshot jsonb NOT NULL,
     at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX alliance_history_alliance_idx ON alliance_history (alliance_id, version)`,
];

export const alliances: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
  },
  down: async (knex) => {
    for (const table of ['alliance_history', 'alliance_partners', 'alliance_members', 'alliances']) await knex.raw(`DROP TABLE ${table}`);
  },
};
