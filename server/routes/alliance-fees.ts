import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { numericId } from '../http/schemas';
import { loadAlliance } from '../services/alliance-read';
import { catalogueIndex } from '../services/catalogue';
import { feeReport, feeTable } from '../services/alliance-fees';
import { downloadFormat, sendTables } from '../exports/send';
import { CONTENT } from '../openapi/vocabulary';

/** Each member's fee for each service of an alliance, as JSON, CSV or Excel. */
export function allianceFeeRoutes(ctx: AppContext): Route[] {
  const knex = ctx.db.knex;

  const report = async (id: unknown) => {
    const alliance = await loadAlliance(knex, numericId.parse(id));
    const { value: tables } = await ctx.tables.get();
    return feeReport(alliance, tables, await catalogueIndex(knex));
  };

  const download = async (req: Request, res: Response) => {
    await sendTables(res, downloadFormat(req.path), [feeTable(await report(req.params.id))]);
  };

  return [
    route(
      {
        method: 'get', path: '/api/alliances/:id/fees', tag: 'alliances', params: { id: numericId },
        summary: { it: 'La quota di ogni membro per ogni servizio', en: 'Each member\'s fee for each service' },
        responses: { 200: 'fees in cents, totals and sustainability', 404: 'no such alliance', 410: 'deleted' },
      },
      async (req, res) => {
        res.json(await report(req.params.id));
      },
    ),
    route(
      {
        method: 'get', path: '/api/alliances/:id/fees.csv', tag: 'alliances', params: { id: numericId },
        summary: { it: 'Le quote in CSV', en: 'The fees as CSV' },
        responses: { 200: 'the fees in euros', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.csv],
      },
      download,
    ),
    route(
      {
        method: 'get', path: '/api/alliances/:id/fees.xlsx', tag: 'alliances', params: { id: numericId },
        summary: { it: 'Le quote in Excel', en: 'The fees as Excel' },
        responses: { 200: 'the fees in euros', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.xlsx],
      },
      download,
    ),
  ];
}
