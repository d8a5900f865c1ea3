import type { Knex } from 'knex';

/**
 * Each alliance keeps its outline for the map ready to send: simplified (≈ 50 m) and written as
 * GeoJSON once, whenever the outline changes (a trigger, whoever writes), instead of simplifying
 * every outline on every request of the map overlay.
 */
export const OUTLINE_GEOJSON_SQL = `ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(outline, 0.0005)), 5)`;

export const outlineGeojson: Knex.Migration = {
  up: async (knex) => {
    await knex.raw(`ALTER TABLE alliances ADD COLUMN outline_geojson text`);
    await knex.raw(`UPDATE alliances SET outline_geojson = ${OUTLINE_GEOJSON_SQL} WHERE outline IS NOT NULL`);
    await knex.raw(`
      CREATE FUNCTION ali_outline_geojson() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.outline_geojson := CASE WHEN NEW.outline IS NULL THEN NULL ELSE ${OUTLINE_GEOJSON_SQL.replace('outline', 'NEW.outline')} END;
        RETURN NEW;
      END $$`);
    await knex.raw(`CREATE TRIGGER alliances_outline_geojson BEFORE INSERT OR UPDATE OF outline ON alliances
                    FOR EACH ROW EXECUTE FUNCTION ali_outline_geojson()`);
  },
  down: async (knex) => {
    await knex.raw(`DROP TRIGGER alliances_outline_geojson ON alliances`);
    await knex.raw(`DROP FUNCTION ali_outline_geojson()`);
    await knex.raw(`ALTER TABLE alliances DROP COLUMN outline_geojson`);
  },
};
