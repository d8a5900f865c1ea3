import type { Knex } from 'knex';

/**
 * An alliance's page also shows its partners and history (and its links' state): their changes
 * announce themselves on ALLIANCES_CHANNEL too (see 007), so cached pages are dropped everywhere.
 */
const TABLES = ['alliance_partners', 'alliance_history', 'alliance_invitations'];

export const moreChangeNotifications: Knex.Migration = {
  up: async (knex) => {
    for (const table of TABLES) {
      await knex.raw(`CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
                      FOR EACH STATEMENT EXECUTE FUNCTION ali_notify_alliances()`);
    }
  },
  down: async (knex) => {
    for (const table of TABLES) await knex.raw(`DROP TRIGGER ${table}_notify ON ${table}`);
  },
};
