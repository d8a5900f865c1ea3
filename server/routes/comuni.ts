import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { route, type Route } from '../http/route';
import { AnswerMemory } from '../http/answer-memory';
import { cachedBody, sendCachedGzip } from '../http/gzipped';
import { comuneCode, resolveBody, searchQuery, withinBody } from '../http/schemas';
import { comuneDetails, comuniInDrawing } from '../services/comuni';

/** Search answers kept gzipped (a few KB each): the searches typed most, per data version. */
export const SEARCH_ANSWERS_BYTES = 2e6;

export function comuniRoutes(ctx: AppContext): Route[] {
  const searches = new AnswerMemory(SEARCH_ANSWERS_BYTES);
  return [
    route(
      {
        method: 'get', path: '/api/comuni', tag: 'comuni', query: searchQuery,
        summary: { it: 'Cerca Comuni per nome, codice ISTAT o catastale', en: 'Search Comuni by name, ISTAT or cadastral code' },
        responses: { 200: '{ query, results }' },
      },
      async (req, res, input) => {
        const { q, limit } = input.query;
        const { version, value: index } = await ctx.comuni.get();
        // Kept gzipped: searched again (by anyone), neither the search nor its compression is done again.
        const answer = searches.get(JSON.stringify([version, q, limit]), () => cachedBody(JSON.stringify({ query: q, results: index.search(q, limit) })));
        sendCachedGzip(req, res, answer.gzipped, 'application/json', answer.etag);
      },
    ),
    route(
      {
        method: 'post', path: '/api/comuni/resolve', tag: 'comuni', body: resolveBody, bodyName: 'Resolve', limit: 'compute',
        summary: { it: 'Riconosce un elenco incollato di codici o nomi', en: 'Resolves a pasted list of codes or names' },
        responses: { 200: '{ found, unknown, ambiguous }' },
      },
      async (_req, res, input) => {
        const { entries } = input.body;
        const { value: index } = await ctx.comuni.get();
        res.json(index.resolve(entries));
      },
    ),
    route(
      {
        method: 'post', path: '/api/comuni/within', tag: 'comuni', body: withinBody, bodyName: 'Within', limit: 'compute',
        summary: { it: 'I Comuni dentro un\'area disegnata', en: 'The Comuni inside a drawn area' },
        responses: { 200: 'Comuni inside, and partly inside' },
      },
      async (_req, res, input) => {
        const { polygon, minShare, partialShare } = input.body;
        res.json(await comuniInDrawing(ctx, polygon, minShare, partialShare));
      },
    ),
    route(
      {
        method: 'get', path: '/api/comuni/:code', tag: 'comuni', params: { code: comuneCode },
        summary: { it: 'Un Comune: dati, vicini, associazioni, alleanze', en: 'A Comune: figures, neighbours, associations, alliances' },
        responses: { 200: 'the Comune', 404: 'no such Comune' },
      },
      async (_req, res, input) => {
        const { code } = input.params;
        const details = await comuneDetails(ctx, code);
        if (!details) throw notFound(`Nessun comune con codice ISTAT ${code} / No Comune with ISTAT code ${code}`);
        res.json(details);
      },
    ),
  ];
}
