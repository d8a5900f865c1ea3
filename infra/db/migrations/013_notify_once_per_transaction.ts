import type { Knex } from 'knex';

/**
 * A change to the alliances announces itself once per transaction, with the transaction's id as
 * payload (007 and 010 sent the table's name, once per statement: a save writing five tables was
 * heard five times). PostgreSQL delivers a channel's identical payloads of one transaction once.
 * The id lets the instance that wrote know its own NOTIFY (server/data/alliances-revision.ts).
 */
export const notifyOncePerTransaction: Knex.Migration = {
  up: async (knex) => {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION ali_notify_alliances() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ali_alliances', pg_current_xact_id()::text);
        RETURN NULL;
      END $$`);
  },
  down: async (knex) => {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION ali_notify_alliances() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ali_alliances', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
  },
};
