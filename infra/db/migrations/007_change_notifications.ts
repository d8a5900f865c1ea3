import type { Knex } from 'knex';

/**
 * Every change to the alliances (their members, services, the service catalogue) announces itself
 * on the channel ali_alliances (ALLIANCES_CHANNEL in infra/db/channels.ts), once per statement, delivered at commit: every app instance on this database
 * drops what it derived from them (coverage, suggestions, the alliances' outlines), whoever wrote.
 */
const TABLES = ['alliances', 'alliance_members', 'alliance_services', 'services'];

export const changeNotifications: Knex.Migration = {
  up: async (knex) => {
    await knex.raw(`
      CREATE FUNCTION ali_notify_alliances() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ali_alliances', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await knex.raw(`CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                      FOR EACH STATEMENT EXECUTE FUNCTION ali_notify_alliances()`);
    }
  },
  down: async (knex) => {
    for (const table of TABLES) await knex.raw(`DROP TRIGGER ${table}_notify ON ${table}`);
    await knex.raw(`DROP FUNCTION ali_notify_alliances()`);
  },
};
