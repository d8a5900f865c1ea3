import type { Knex } from 'knex';

/** The list of alliances, newest change first, read page by page from an index (10,000 alliances and more). */
export const allianceListIndex: Knex.Migration = {
  up: async (knex) => {
    await knex.raw(`CREATE INDEX alliances_list ON alliances (updated_at DESC, id DESC) WHERE deleted_at IS NULL`);
  },
  down: async (knex) => {
    await knex.raw(`DROP INDEX alliances_list`);
  },
};
