import type { AppContext } from '../context';
import { sendGzipped } from '../http/gzipped';
import { route, type Route } from '../http/route';
import { versionQuery } from '../http/schemas';

/** The attribute table the client joins to the tiles: once per data version, cached by ETag. */
export function atlasRoutes(ctx: AppContext): Route[] {
  return [
    route(
      {
        method: 'get', path: '/api/atlas', tag: 'system', query: versionQuery,
        summary: { it: 'La tabella degli attributi di tutti i Comuni (gzip)', en: 'The attribute table of every Comune (gzipped)' },
        responses: { 200: 'the table', 304: 'unchanged (ETag)' },
      },
      async (req, res) => {
        const { version, value } = await ctx.atlasTable.get();
        sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
      },
    ),
    route(
      {
        method: 'get', path: '/api/atlas/adjacency', tag: 'system', query: versionQuery,
        summary: { it: 'Il grafo dei confini, per i controlli dal vivo', en: 'The border graph, for live checks' },
        responses: { 200: 'pairs of rows of the atlas table', 304: 'unchanged (ETag)' },
      },
      async (req, res) => {
        const { version, value } = await ctx.adjacencyTable.get();
        sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
      },
    ),
    route(
      {
        method: 'get', path: '/api/atlas/memberships', tag: 'system', query: versionQuery,
        summary: { it: 'Unioni, Comunità Montane, SLL e aree SNAI di ogni Comune, per il pianificatore nel browser', en: "Each Comune's Unioni, Comunità Montane, SLL and SNAI area, for the planner in the browser" },
        responses: { 200: 'associations and, per row of the atlas table, its memberships', 304: 'unchanged (ETag)' },
      },
      async (req, res) => {
        const { version, value } = await ctx.membershipTable.get();
        sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
      },
    ),
  ];
}
