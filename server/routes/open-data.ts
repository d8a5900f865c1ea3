import { Router } from 'express';
import type { AppContext } from '../context';
import { XLSX_TYPE } from '../exports/send';
import { sendBuiltFile } from '../http/gzipped';
import { publicBase } from '../http/public-base';
import { openDataCatalog } from '../open-data/catalog';
import type { OpenDataFile } from '../open-data/files';
import { LICENCE } from '../open-data/licence';

/** Each address of a file: what it is built as, its type and the name it is downloaded under. */
const DOWNLOADS: Record<string, { file: OpenDataFile; type: string; name: string }> = {
  // One row per member with its status and the act behind it (members.* is the earlier name).
  'alliances.csv': { file: 'members.csv', type: 'text/csv; charset=utf-8', name: 'membri-alleanze.csv' },
  'alliances.xlsx': { file: 'members.xlsx', type: XLSX_TYPE, name: 'membri-alleanze.xlsx' },
  'members.csv': { file: 'members.csv', type: 'text/csv; charset=utf-8', name: 'membri-alleanze.csv' },
  'members.xlsx': { file: 'members.xlsx', type: XLSX_TYPE, name: 'membri-alleanze.xlsx' },
  // Services with their costs (and, in the workbook, each member's fee on a second sheet).
  'services.csv': { file: 'services.csv', type: 'text/csv; charset=utf-8', name: 'servizi-alleanze.csv' },
  'services.xlsx': { file: 'services.xlsx', type: XLSX_TYPE, name: 'servizi-alleanze.xlsx' },
  'fees.csv': { file: 'fees.csv', type: 'text/csv; charset=utf-8', name: 'quote-alleanze.csv' },
  'alliances.geojson': { file: 'alliances.geojson', type: 'application/geo+json', name: 'alleanze.geojson' },
};

/**
 * Open data of the published alliances (members, services, fees, outlines) in CSV, Excel and
 * GeoJSON, each built once per alliances revision (see OpenDataFiles), and the DCAT-AP_IT catalogue
 * that describes them for harvesters.
 */
export function openDataRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;
  for (const [path, download] of Object.entries(DOWNLOADS)) {
    router.get(`/api/open-data/${path}`, async (req, res) => {
      const file = await ctx.openData.get(download.file);
      // Every file (not the catalogue) says its licence in a header as well.
      res.set('Link', `<${LICENCE.url}>; rel="license"`).attachment(download.name);
      sendBuiltFile(req, res, file, download.type);
    });
  }

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
