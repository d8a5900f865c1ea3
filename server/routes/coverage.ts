import type { Request, Response } from 'express';
import { z } from 'zod';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import type { CoverageSourcesPage } from '../../domain/api-types';
import type { AppContext } from '../context';
import { cachedBody, sendCachedGzip } from '../http/gzipped';
import { KeyedPerRevision } from '../data/alliances-revision';
import { notFound } from '../http/errors';
import { route, type Route } from '../http/route';
import { CONTENT } from '../openapi/vocabulary';
import { comuneCode, serviceCode } from '../http/schemas';
import { findService, type StoredService } from '../services/catalogue';
import { comuneCoverage, coverageColumns, functionBodies } from '../services/coverage';
import { CoverageTally, fixedSources, type FixedSources } from '../services/coverage-tally';
import type { TerritoryTables } from '../data/territory-store';
import { coverageTable } from '../services/coverage-export';
import { downloadFormat, sendTables } from '../exports/send';

/** `?service=CODE&level=region|province`: the service, and the level of the downloaded table. */
const coverageQuery = z.object({
  service: serviceCode,
  level: z.enum(['region', 'province']).default('province'),
});

/** `?service=CODE[&region=CODE&offset=&limit=]`: a page of the bodies providing a service. */
const sourcesQuery = z.object({
  service: serviceCode,
  region: z.string().regex(/^\d{2}$/, 'Codice di regione: due cifre / Region code: two digits').optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `?service=CODE&code=ISTAT`: one Comune's coverage. */
const comuneQuery = z.object({ service: serviceCode, code: comuneCode });

/** Services whose counts are kept between changes (each about as large as its provisions). */
const TALLIES = 16;

const fixedByTables = new WeakMap<TerritoryTables, { fundamental: FixedSources; other: FixedSources }>();

/** The bodies assumed to run fundamental functions (none for other services), counted once per data version. */
function fixedSourcesOf(tables: TerritoryTables, fundamental: boolean): FixedSources {
  let fixed = fixedByTables.get(tables);
  if (!fixed) {
    const columns = coverageColumns(tables);
    fixed = { fundamental: fixedSources(columns, functionBodies(tables)), other: fixedSources(columns, []) };
    fixedByTables.set(tables, fixed);
  }
  return fundamental ? fixed.fundamental : fixed.other;
}

/** Where a service is received and where it is missing: per Comune, per province and region. */
export function coverageRoutes(ctx: AppContext): Route[] {
  const knex = ctx.db.knex;

  // The catalogue changes announce themselves like the alliances (migration 007): each code's entry
  // is looked up once per revision, so that a warm answer asks the database nothing.
  const entries = new KeyedPerRevision<StoredService | null>(ctx.alliancesRevision, 256);
  /** Whether `service` is a fundamental function (404 when there is no such service). */
  const isFundamental = async (service: string): Promise<boolean> => {
    if (service === ANY_FUNDAMENTAL) return true;
    const entry = await entries.get(service, () => findService(knex, service));
    if (!entry) throw notFound(`Nessun servizio con codice ${service} / No service with code ${service}`);
    return entry.kind === 'fundamental';
  };
  const report = async (service: string) => build(service, await isFundamental(service));
  // One report per service, data version and alliances revision (read many times between changes),
  // kept with its JSON gzipped: with thousands of alliances the answer is megabytes to write.
  type Cached = ReturnType<CoverageTally['report']> & { gzipped: Buffer; etag: string };
  const reports = new KeyedPerRevision<Cached>(ctx.alliancesRevision, 64);
  // Each service's counts, kept from one revision to the next and brought up to date with the
  // alliances changed in between (see CoverageTally), for the most recently asked services.
  const tallies = new Map<string, CoverageTally>();
  const tallyOf = (key: string, tables: TerritoryTables, service: { code: string; fundamental: boolean }): CoverageTally => {
    let tally = tallies.get(key);
    if (tally) tallies.delete(key);
    else {
      const columns = coverageColumns(tables);
      tally = new CoverageTally(columns, service, fixedSourcesOf(tables, service.fundamental), tables);
    }
    tallies.set(key, tally);
    if (tallies.size > TALLIES) tallies.delete(tallies.keys().next().value as string);
    return tally;
  };
  const build = async (service: string, fundamental: boolean): Promise<Cached> => {
    const { value: tables, version } = await ctx.tables.get();
    const key = `${service}|${version}`;
    return reports.get(key, async () => {
      const index = await ctx.provisions.get();
      const built = tallyOf(key, tables, { code: service, fundamental }).report(index, version);
      return { ...built, ...cachedBody(JSON.stringify(built.report)) };
    });
  };

  const download = async (req: Request, res: Response, input: { readonly query: z.output<typeof coverageQuery> }) => {
    const { service, level } = input.query;
    const { report: r } = await report(service);
    await sendTables(res, downloadFormat(req.path), [coverageTable(r, service, level)]);
  };

  return [
    route(
      {
        method: 'get', path: '/api/coverage', tag: 'coverage', query: coverageQuery.pick({ service: true }),
        summary: { it: 'Dove un servizio è ricevuto e dove manca', en: 'Where a service is received and where it is missing' },
        responses: { 200: 'per Comune, province, region and nationally', 404: 'no such service' },
      },
      async (req, res, input) => {
        const cached = await report(input.query.service);
        sendCachedGzip(req, res, cached.gzipped, 'application/json', cached.etag);
      },
    ),
    route(
      {
        method: 'get', path: '/api/coverage/sources', tag: 'coverage', query: sourcesQuery,
        summary: { it: 'Gli enti che forniscono un servizio, in Italia o in una regione, a pagine', en: 'The bodies providing a service, nationally or in one region, page by page' },
        responses: { 200: 'a page of bodies, most Comuni first', 404: 'no such service' },
      },
      async (_req, res, input) => {
        const { service, region, offset, limit } = input.query;
        const sources = (await report(service)).sources();
        const all = region === undefined ? sources.national : (sources.byRegion.get(region) ?? []);
        const page: CoverageSourcesPage = { service, region: region ?? null, total: all.length, offset, limit, items: all.slice(offset, offset + limit) };
        res.json(page);
      },
    ),
    route(
      {
        method: 'get', path: '/api/coverage/comune', tag: 'coverage', query: comuneQuery,
        summary: { it: 'Se un comune riceve un servizio, da quali enti, e se la legge lo obbliga', en: 'Whether a Comune receives a service, from which bodies, and whether the law obliges it' },
        responses: { 200: 'the Comune’s coverage', 404: 'no such service or Comune' },
      },
      async (_req, res, input) => {
        const { service, code } = input.query;
        const fundamental = await isFundamental(service);
        const { value: tables } = await ctx.tables.get();
        const index = await ctx.provisions.get();
        const answer = comuneCoverage(tables, { code: service, fundamental }, index.of(service), fixedSourcesOf(tables, fundamental).providers, code);
        if (!answer) throw notFound(`Nessun comune con codice ${code} / No Comune with code ${code}`);
        res.json(answer);
      },
    ),
    route(
      {
        method: 'get', path: '/api/coverage.csv', tag: 'coverage', query: coverageQuery,
        summary: { it: 'La copertura per regione o provincia in CSV', en: 'Coverage per region or province as CSV' },
        responses: { 200: 'the table', 404: 'no such service' }, produces: [CONTENT.csv],
      },
      download,
    ),
    route(
      {
        method: 'get', path: '/api/coverage.xlsx', tag: 'coverage', query: coverageQuery,
        summary: { it: 'La copertura per regione o provincia in Excel', en: 'Coverage per region or province as Excel' },
        responses: { 200: 'the table', 404: 'no such service' }, produces: [CONTENT.xlsx],
      },
      download,
    ),
  ];
}
