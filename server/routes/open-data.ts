import { Router } from 'express';
import type { AppContext } from '../context';
import { downloadFormat, sendTables } from '../exports/send';
import { publicBase } from '../http/public-base';
import { ALLIANCE_GOVERNANCE_FIELDS, ALLIANCE_MEMBERS_JSON, ALLIANCE_UPDATED_ISO } from '../queries/alliances';
import { openDataCatalog } from '../open-data/catalog';
import { feesTable, membersTable, publishedAlliances, servicesTable } from '../open-data/tables';

/** CC BY 4.0, said in the files' metadata: what the product's users publish is open data. */
const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/**
 * Open data of the published alliances (members, services, fees, outlines) in CSV, Excel and
 * GeoJSON, and the DCAT-AP_IT catalogue that describes them for harvesters.
 */
export function openDataRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  // Every file (not the catalogue) says its licence in a header as well.
  const files = ['alliances.csv', 'alliances.xlsx', 'members.csv', 'members.xlsx', 'services.csv', 'services.xlsx', 'fees.csv', 'alliances.geojson'].map((f) => `/api/open-data/${f}`);
  router.use(files, (_req, res, next) => {
    res.set('Link', `<${LICENCE.url}>; rel="license"`);
    next();
  });

  // One row per member with its status and the act behind it (members.* is the earlier name).
  router.get(['/api/open-data/alliances.csv', '/api/open-data/alliances.xlsx', '/api/open-data/members.csv', '/api/open-data/members.xlsx'], async (req, res) => {
    await sendTables(res, downloadFormat(req.path), [membersTable(await publishedAlliances(knex))]);
  });

  router.get(['/api/open-data/services.csv', '/api/open-data/services.xlsx'], async (req, res) => {
    const alliances = await publishedAlliances(knex);
    await sendTables(res, downloadFormat(req.path), [await servicesTable(knex, alliances), await feesTable(ctx, alliances)]);
  });

  router.get('/api/open-data/fees.csv', async (_req, res) => {
    await sendTables(res, 'csv', [await feesTable(ctx, await publishedAlliances(knex))]);
  });

  router.get('/api/open-data/alliances.geojson', async (_req, res) => {
    const rows = await knex.raw<{ rows: { id: number; name: string; updated: string; members: unknown; governance: unknown; geometry: string }[] }>(
      `SELECT a.id, a.name, ${ALLIANCE_UPDATED_ISO} AS updated, ${ALLIANCE_MEMBERS_JSON} AS members, json_build_object(${ALLIANCE_GOVERNANCE_FIELDS}) AS governance,
              ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(a.outline, 0.0001)), 6) AS geometry
       FROM alliances a WHERE a.status = 'published' AND a.deleted_at IS NULL AND a.outline IS NOT NULL ORDER BY a.id`,
    );
    res
      .type('application/geo+json')
      .attachment('alleanze.geojson')
      .send(
        JSON.stringify({
          type: 'FeatureCollection',
          // Foreign members (RFC 7946 §6.1): the licence travels with the file.
          license: LICENCE,
          features: rows.rows.map((r) => ({
            type: 'Feature',
            id: r.id,
            properties: {
              id: r.id,
              name: r.name,
              updated: r.updated,
              members: typeof r.members === 'string' ? JSON.parse(r.members) : r.members,
              ...((typeof r.governance === 'string' ? JSON.parse(r.governance) : r.governance) as object),
            },
            geometry: JSON.parse(r.geometry),
          })),
        }),
      );
  });

  router.get('/api/open-data/catalog.jsonld', async (req, res) => {
    const modified = await knex.raw<{ rows: { alliances: Date | string | null; reference: Date | string | null }[] }>(
      `SELECT (SELECT max(updated_at) FROM alliances WHERE status = 'published') AS alliances,
              (SELECT max(imported_at) FROM data_versions) AS reference`,
    );
    const row = modified.rows[0];
    const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
    res.type('application/ld+json').set('Cache-Control', 'no-cache').send(
      JSON.stringify(
        openDataCatalog({
          base: publicBase(ctx, req),
          publisher: ctx.publisher,
          alliancesModified: iso(row?.alliances),
          referenceModified: iso(row?.reference),
          referenceYears: { from: '2020', to: '2023' },
        }),
      ),
    );
  });

  return router;
}
