import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { membersBody } from '../http/schemas';
import { analyzeTerritory, checkContiguity } from '../services/territory';

export function territoryRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'post', path: '/api/contiguity', tag: 'comuni', body: membersBody, bodyName: 'Members', limit: 'compute',
        summary: { it: 'Contiguità di un insieme di Comuni', en: 'Contiguity of a set of Comuni' },
        responses: { 200: '{ contiguous, components, isolated }', 422: 'unknown ISTAT codes' },
      },
      async (_req, res, input) => {
        const { members } = input.body;
        const { value: tables } = await ctx.tables.get();
        res.json(checkContiguity(tables, members));
      },
    ),
    route(
      {
        method: 'post', path: '/api/territories/analyze', tag: 'comuni', body: membersBody, bodyName: 'Members', limit: 'compute',
        summary: { it: 'Totali, province, regioni, contiguità e sovrapposizioni', en: 'Totals, provinces, regions, contiguity and overlaps' },
        responses: { 200: 'the analysis', 422: 'unknown ISTAT codes' },
      },
      async (_req, res, input) => {
        const { members } = input.body;
        const { value: tables } = await ctx.tables.get();
        res.json(analyzeTerritory(tables, members));
      },
    ),
  ];
}
