import { Router } from 'express';
import { z } from 'zod';
import { ANY_FUNDAMENTAL } from '../../domain/services';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { serviceCode } from '../http/schemas';
import { allianceProvisions } from '../queries/coverage';
import { findService } from '../queries/services';
import { coverageColumns, coverageReport } from '../services/coverage';
import { csvDocument, csvField, textCode } from '../services/csv';

const coverageQuery = z.object({
  service: serviceCode,
  level: z.enum(['region', 'province']).default('province'),
});

const percent = (part: number, whole: number) => (whole > 0 ? ((100 * part) / whole).toFixed(1).replace('.', ',') : '');

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
  const build = async (service: string, fundamental: boolean) => {
    const { value: tables, version } = await ctx.tables.get();
    return coverageReport(tables, coverageColumns(tables), { code: service, fundamental }, await allianceProvisions(knex, service), version);
  };

  router.get('/api/coverage', async (req, res) => {
    const { service } = coverageQuery.parse(req.query);
    res.json(await report(service));
  });

  router.get('/api/coverage.csv', async (req, res) => {
    const { service, level } = coverageQuery.parse(req.query);
    const r = await report(service);
    const rows = level === 'region' ? r.regions : r.provinces;
    const header = ['codice', 'nome', 'comuni', 'coperti', 'obbligati_non_coperti', 'abitanti', 'abitanti_coperti', 'quota_abitanti_coperti_%'];
    const lines = rows.map((a) => [
      textCode(a.code),
      csvField(a.name, ';'),
      a.comuni,
      a.covered,
      a.obligedUncovered,
      a.population,
      a.populationCovered,
      percent(a.populationCovered, a.population),
    ]);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`copertura-${service}-${level === 'region' ? 'regioni' : 'province'}.csv`)
      .send(csvDocument([header, ...lines], ';'));
  });

  return router;
}
