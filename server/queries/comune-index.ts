import type { Knex } from 'knex';
import { comuneIndex, type ComuneIndex, type SearchableComune } from '../../domain/comune-search';

/** Every Comune as search and resolve need it, in one query (once per data version). */
export async function readComuneIndex(knex: Knex): Promise<ComuneIndex> {
  const { rows } = await knex.raw<{ rows: SearchableComune[] }>(
    `SELECT c.code, c.name, c.name_search AS folded, c.cadastral_code AS "cadastralCode",
            p.acronym AS "provinceAcronym", r.name AS "regionName", c.population
     FROM comuni c JOIN provinces p ON p.code = c.province_code JOIN regions r ON r.code = c.region_code`,
  );
  return comuneIndex(rows);
}
