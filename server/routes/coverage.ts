import { Router } from 'express';
import { z } from 'zod';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import type { CoverageSourcesPage } from '../../domain/api-types';
import type { AppContext } from '../context';
import { cachedBody, sendCachedGzip } from '../http/gzipped';
import { KeyedPerRevision } from '../data/alliances-revision';
import { notFound } from '../http/errors';
import { serviceCode } from '../http/schemas';
import { findService } from '../queries/services';
import { coverageColumns, coverageReport } from '../services/coverage';
import { downloadFormat, sendTables } from '../exports/send';

const coverageQuery = z.object({
  service: serviceCode,
  level: z.enum(['region', 'province']).default('province'),
});

const sourcesQuery = z.object({
  service: serviceCode,
  region: z.string().regex(/^\d{2}$/, 'Codice di regione: due cifre / Region code: two digits').optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** Where a service is received and where it is missing: per Comune, per province and region. */
export function coverageRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  const report = async (service: string) => {
    const fundamental = service === ANY_FUNDAMENTAL;
    if (!fundamental) {
      const entry = await findService(knex, service);
      if (!entry) throw notFound(`Nessun servizio con codice ${service} / No service with code ${service}`);
      return build(service, entry.kind === 'fundamental');
    }
    return build(service, true);
  };
  // One report per service, data version and alliances revision (read many times between changes),
  // kept with its JSON gzipped: with thousands of alliances the answer is megabytes to write.
  type Cached = ReturnType<typeof coverageReport> & { gzipped: Buffer; etag: string };
  const reports = new KeyedPerRevision<Cached>(ctx.alliancesRevision, 64);
  const build = async (service: string, fundamental: boolean): Promise<Cached> => {
    const { value: tables, version } = await ctx.tables.get();
    return reports.get(`${service}|${version}`, async () => {
      const built = coverageReport(tables, coverageColumns(tables), { code: service, fundamental }, (await ctx.provisions.get()).of(service), version);
      return { ...built, ...cachedBody(JSON.stringify(built.report)) };
    });
  };

  router.get('/api/coverage', async (req, res) => {
    const { service } = coverageQuery.parse(req.query);
    const cached = await report(service);
    sendCachedGzip(req, res, cached.gzipped, 'application/json', cached.etag);
  });

  // The bodies providing a service, nationally or in one region, a page at a time.
  router.get('/api/coverage/sources', async (req, res) => {
    const { service, region, offset, limit } = sourcesQuery.parse(req.query);
    const { sources } = await report(service);
    const all = region === undefined ? sources.national : (sources.byRegion.get(region) ?? []);
    const page: CoverageSourcesPage = { service, region: region ?? null, total: all.length, offset, limit, items: all.slice(offset, offset + limit) };
    res.json(page);
  });

  router.get(['/api/coverage.csv', '/api/coverage.xlsx'], async (req, res) => {
    const { service, level } = coverageQuery.parse(req.query);
    const { report: r } = await report(service);
    const rows = level === 'region' ? r.regions : r.provinces;
    await sendTables(res, downloadFormat(req.path), [
      {
        name: `copertura-${service}-${level === 'region' ? 'regioni' : 'province'}`,
        columns: [
          { header: 'code', kind: 'code' },
          { header: 'name', kind: 'text' },
          { header: 'comuni', kind: 'integer' },
          { header: 'covered', kind: 'integer' },
          { header: 'obliged_uncovered', kind: 'integer' },
          { header: 'small_uncovered', kind: 'integer' },
          { header: 'population', kind: 'integer' },
          { header: 'population_covered', kind: 'integer' },
          { header: 'population_covered_percent', kind: 'percent' },
        ],
        rows: rows.map((a) => [a.code, a.name, a.comuni, a.covered, a.obligedUncovered, a.smallUncovered, a.population, a.populationCovered, percent(a.populationCovered, a.population)]),
      },
    ]);
  });

  return router;
}
