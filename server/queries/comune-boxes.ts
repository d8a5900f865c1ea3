import type { Knex } from 'knex';
import { ComuneBoxes } from '../data/comune-boxes';

/** Every Comune's bounding box and vertex count, in one query (once per data version). */
export async function readComuneBoxes(knex: Knex): Promise<ComuneBoxes> {
  const { rows } = await knex.raw<{ rows: { w: number; s: number; e: number; n: number; vertices: number }[] }>(
    `SELECT ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n, ST_NPoints(geom) AS vertices FROM comuni`,
  );
  return new ComuneBoxes(rows);
}
