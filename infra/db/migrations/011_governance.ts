import type { Knex } from 'knex';

/**
 * Governance of an alliance (AgID, Piano Triennale 2024–2026, Strumento 2): its legal form (null
 * while not chosen) and the rest of its record — the existing Unione it extends, the shared RTD,
 * the phase timeline with its evidence, the success factors declared — as one JSON document.
 * Each distinct text of its generated convenzione gets a version number, identified by the
 * SHA-256 of its content, so that an adhesion can say which text its act approved.
 */
const up = [
  `ALTER TABLE alliances ADD COLUMN legal_form text
     CHECK (legal_form IN ('convenzione', 'unione', 'consorzio', 'societa_in_house', 'accordo'))`,
  `ALTER TABLE alliances ADD COLUMN governance jsonb NOT NULL DEFAULT '{}'::jsonb`,
  `CREATE TABLE alliance_convenzione_versions (
     alliance_id integer NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
     version integer NOT NULL CHECK (version >= 1),
     sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (alliance_id, version),
     UNIQUE (alliance_id, sha256)
   )`,
];

export const governance: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
  },
  down: async (knex) => {
    await knex.raw(`DROP TABLE alliance_convenzione_versions`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN governance`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN legal_form`);
  },
};
