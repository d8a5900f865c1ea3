import type { AppContext } from '../context';
import { sendGzipped } from '../http/gzipped';
import { route, type Route } from '../http/route';
import { versionQuery } from '../http/schemas';

/** The tables the client joins to the tiles by row: each built once per data version, gzipped, cached by ETag. */
const TABLES = [
  {
    path: '/api/atlas',
    table: 'atlasTable',
    summary: { it: 'La tabella degli attributi di tutti i Comuni (gzip)', en: 'The attribute table of every Comune (gzipped)' },
    answer: 'the table',
  },
  {
    path: '/api/atlas/adjacency',
    table: 'adjacencyTable',
    summary: { it: 'Il grafo dei confini, per i controlli dal vivo', en: 'The border graph, for live checks' },
    answer: 'pairs of rows of the atlas table',
  },
  {
    path: '/api/atlas/memberships',
    table: 'membershipTable',
    summary: { it: 'Unioni, Comunità Montane, SLL e aree SNAI di ogni Comune, per il pianificatore nel browser', en: "Each Comune's Unioni, Comunità Montane, SLL and SNAI area, for the planner in the browser" },
    answer: 'associations and, per row of the atlas table, its memberships',
  },
] as const;

/** The attribute table, the border graph and the memberships, as the client reads them. */
export function atlasRoutes(ctx: AppContext): Route[] {
  return TABLES.map(({ path, table, summary, answer }) =>
    route({ method: 'get', path, tag: 'system', query: versionQuery, summary, responses: { 200: answer, 304: 'unchanged (ETag)' } }, async (req, res) => {
      const { version, value } = await ctx[table].get();
      sendGzipped(req, res, value, 'application/json', version, req.query.v === String(version));
    }),
  );
}
