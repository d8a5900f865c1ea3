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
  ];
}
