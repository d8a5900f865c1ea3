import type { Knex } from 'knex';

/**
 * Which alliances changed since a reader last looked, without reading them all: each alliance row
 * carries the id of the last transaction that changed it or its members or services
 * (`changed_xid`, set by triggers in that same transaction, whatever the code path). A reader asks
 * for the rows with `changed_xid` ≥ the oldest transaction still running when it last read
 * (`pg_snapshot_xmin`): every change committed since is among them, in whatever order the writers
 * committed (see server/queries/coverage.ts). Alliances are never deleted, only marked deleted.
 */
const up = [
  `ALTER TABLE alliances ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()`,
  `CREATE INDEX alliances_changed_xid ON alliances (changed_xid)`,
  `CREATE FUNCTION ali_alliance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.changed_xid := pg_current_xact_id();
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER alliances_changed BEFORE INSERT OR UPDATE ON alliances
     FOR EACH ROW EXECUTE FUNCTION ali_alliance_changed()`,
  // Members and services: once per statement, each alliance whose rows it wrote marked once (a
  // transaction's later statements find it marked already and leave it).
  `CREATE FUNCTION ali_alliance_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       UPDATE alliances SET changed_xid = pg_current_xact_id()
       WHERE id IN (SELECT alliance_id FROM new_rows) AND changed_xid <> pg_current_xact_id();
     ELSIF TG_OP = 'DELETE' THEN
       UPDATE alliances SET changed_xid = pg_current_xact_id()
       WHERE id IN (SELECT alliance_id FROM old_rows) AND changed_xid <> pg_current_xact_id();
     ELSE
       UPDATE alliances SET changed_xid = pg_current_xact_id()
       WHERE id IN (SELECT alliance_id FROM new_rows UNION SELECT alliance_id FROM old_rows) AND changed_xid <> pg_current_xact_id();
     END IF;
     RETURN NULL;
   END $$`,
];

const TABLES = ['alliance_members', 'alliance_services'];

export const allianceChanges: Knex.Migration = {
  up: async (knex) => {
    for (const sql of up) await knex.raw(sql);
    // A trigger with transition tables fires on one event only (PostgreSQL's rule): three per table.
    for (const table of TABLES) {
      await knex.raw(`CREATE TRIGGER ${table}_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION ali_alliance_rows_changed()`);
      await knex.raw(`CREATE TRIGGER ${table}_updated AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION ali_alliance_rows_changed()`);
      await knex.raw(`CREATE TRIGGER ${table}_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION ali_alliance_rows_changed()`);
    }
  },
  down: async (knex) => {
    for (const table of TABLES) {
      for (const event of ['inserted', 'updated', 'deleted']) await knex.raw(`DROP TRIGGER ${table}_${event} ON ${table}`);
    }
    await knex.raw(`DROP TRIGGER alliances_changed ON alliances`);
    await knex.raw(`DROP FUNCTION ali_alliance_rows_changed()`);
    await knex.raw(`DROP FUNCTION ali_alliance_changed()`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN changed_xid`);
  },
};
