import type { AppContext } from '../context';
import { XLSX_TYPE } from '../exports/send';
import { sendBuiltFile } from '../http/gzipped';
import { route, type Route } from '../http/route';
import { publicBase } from '../http/public-base';
import { openDataCatalog } from '../open-data/catalog';
import { OPEN_DATA_MAX_BYTES, type OpenDataFile } from '../open-data/files';
import { LICENCE } from '../open-data/licence';
import { openDataDates } from '../services/open-data-dates';
import { CONTENT, type ContentType } from '../openapi/vocabulary';

/** Each address of a file: what it is built as, its type and the name it is downloaded under. */
interface Download {
  file: OpenDataFile;
  type: string;
  name: string;
  produces: ContentType;
  summary: { it: string; en: string };
  rows: string;
}

const CSV = 'text/csv; charset=utf-8';

const DOWNLOADS: Record<string, Download> = {
  // One row per member with its status and the act behind it (members.* is the earlier name).
  'alliances.csv': {
    file: 'members.csv', type: CSV, name: 'membri-alleanze.csv', produces: CONTENT.csv, rows: 'one row per member',
    summary: { it: 'I membri delle alleanze pubblicate, con stato e atto di adesione, in CSV', en: 'Members of the published alliances, with status and act, as CSV' },
  },
  'alliances.xlsx': {
    file: 'members.xlsx', type: XLSX_TYPE, name: 'membri-alleanze.xlsx', produces: CONTENT.xlsx, rows: 'one row per member',
    summary: { it: 'Gli stessi in Excel', en: 'The same as Excel' },
  },
  'members.csv': {
    file: 'members.csv', type: CSV, name: 'membri-alleanze.csv', produces: CONTENT.csv, rows: 'one row per member',
    summary: { it: 'I membri delle alleanze pubblicate in CSV', en: 'Members of the published alliances as CSV' },
  },
  'members.xlsx': {
    file: 'members.xlsx', type: XLSX_TYPE, name: 'membri-alleanze.xlsx', produces: CONTENT.xlsx, rows: 'one row per member',
    summary: { it: 'I membri delle alleanze pubblicate in Excel', en: 'Members of the published alliances as Excel' },
  },
  // Services with their costs (and, in the workbook, each member's fee on a second sheet).
  'services.csv': {
    file: 'services.csv', type: CSV, name: 'servizi-alleanze.csv', produces: CONTENT.csv, rows: 'one row per service of an alliance',
    summary: { it: 'I servizi delle alleanze pubblicate in CSV', en: 'Services of the published alliances as CSV' },
  },
  'services.xlsx': {
    file: 'services.xlsx', type: XLSX_TYPE, name: 'servizi-alleanze.xlsx', produces: CONTENT.xlsx, rows: 'two sheets: services and fees',
    summary: { it: 'Servizi e quote delle alleanze pubblicate in Excel', en: 'Services and fees of the published alliances as Excel' },
  },
  'fees.csv': {
    file: 'fees.csv', type: CSV, name: 'quote-alleanze.csv', produces: CONTENT.csv, rows: 'one row per member and service',
    summary: { it: 'Le quote dei membri delle alleanze pubblicate in CSV', en: 'Members\' fees of the published alliances as CSV' },
  },
  'alliances.geojson': {
    file: 'alliances.geojson', type: 'application/geo+json', name: 'alleanze.geojson', produces: CONTENT.geojson, rows: 'FeatureCollection (RFC 7946)',
    summary: { it: 'Le alleanze pubblicate con contorno e membri', en: 'The published alliances with outline and members' },
  },
};

const TOO_LARGE = `database unavailable (Retry-After), or the file is over the ${OPEN_DATA_MAX_BYTES / 1024 / 1024} MB this server builds (code too_large)`;

/**
 * Open data of the published alliances (members, services, fees, outlines) in CSV, Excel and
 * GeoJSON, each built once per alliances revision (see OpenDataFiles), and the DCAT-AP_IT catalogue
 * that describes them for harvesters.
 */
export function openDataRoutes(ctx: AppContext): Route[] {
  const knex = ctx.db.knex;
  // Heavy reads (each may build a file): charged as computations.
  const files = Object.entries(DOWNLOADS).map(([path, download]) =>
    route(
      {
        method: 'get', path: `/api/open-data/${path}`, tag: 'openData', limit: 'compute', summary: download.summary,
        responses: { 200: download.rows, 304: 'unchanged (ETag)', 503: TOO_LARGE }, produces: [download.produces],
      },
      async (req, res) => {
        const file = await ctx.openData.get(download.file);
        // Every file (not the catalogue) says its licence in a header as well.
        res.set('Link', `<${LICENCE.url}>; rel="license"`).attachment(download.name);
        sendBuiltFile(req, res, file, download.type);
      },
    ),
  );

  const catalog = route(
    {
      method: 'get', path: '/api/open-data/catalog.jsonld', tag: 'openData',
      summary: { it: 'Il catalogo open data in DCAT-AP_IT', en: 'The open-data catalogue in DCAT-AP_IT' },
      responses: { 200: 'JSON-LD' }, produces: [CONTENT.jsonld],
    },
    async (req, res) => {
      const { alliancesModified, referenceModified } = await openDataDates(knex);
      res.type('application/ld+json').set('Cache-Control', 'no-cache').send(
        JSON.stringify(
          openDataCatalog({
            base: publicBase(ctx, req),
            publisher: ctx.publisher,
            alliancesModified,
            referenceModified,
            referenceYears: { from: '2020', to: '2023' },
          }),
        ),
      );
    },
  );

  return [...files, catalog];
}
