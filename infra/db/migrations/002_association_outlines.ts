import type { Knex } from 'knex';

/** Dissolved outlines of associations, computed on import (unions are too slow to do per request). */
export const associationOutlines: Knex.Migration = {
  up: async (knex) => {
    await knex.raw(`ALTER TABLE associations ADD COLUMN outline geometry(MultiPolygon, 4326)`);
  },
  down: async (knex) => {
    await knex.raw(`ALTER TABLE associations DROP COLUMN outline`);
  },
};
