import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { KeyedPerRevision } from '../data/alliances-revision';
import { cachedBody, sendCachedGzip } from '../http/gzipped';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { CONTENT } from '../openapi/vocabulary';
import { downloadFormat, sendTables } from '../exports/send';
import { conflict, ifMatchesAny, requireEditToken, requireIfMatch } from '../http/edit-token';
import { resultOf } from '../http/refusals';
import { changeAlliance, createAlliance, deleteAlliance } from '../use-cases/alliances';
import { allianceBody, allianceListQuery, allianceOutlinesQuery, alliancePatch, listCursor, numericId } from '../http/schemas';
import { foldName } from '../../domain/text';
import { rejectTooManyMembers } from '../http/too-many-members';
import { allianceTable } from '../services/alliance-export';
import { convenzioneStatus } from '../services/convenzione';
import { allianceOutline, allianceOutlines, findAlliance, listAlliances, loadAlliance, memberFeatures, type StoredAlliance } from '../services/alliance-read';

/** Public view of a stored alliance (never the token hash). */
function present(a: StoredAlliance, outline: unknown) {
  const { editTokenHash, summary, ...rest } = a;
  return { ...rest, ...summary, outline };
}

export function allianceRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  const load = (req: Request) => loadAlliance(knex, numericId.parse(req.params.id));

  routes.push(route(
    {
      method: 'post', path: '/api/alliances', tag: 'alliances', body: allianceBody, bodyName: 'Alliance',
      summary: { it: 'Salva una nuova alleanza', en: 'Saves a new alliance' },
      responses: { 201: 'saved, with the secret editToken (shown once)', 422: 'invalid: unknown codes, two lead bodies, publishing with problems' },
    },
    async (req, res, input) => {
      rejectTooManyMembers(req.body);
      const { id, editToken, invitations } = resultOf(await createAlliance(ctx, input.body));
      const stored = (await findAlliance(knex, id))!;
      res
        .status(201)
        .location(`/api/alliances/${id}`)
        .set('Cache-Control', 'no-store')
        .json({ ...present(stored, await allianceOutline(knex, id)), editToken, editUrl: `/alleanze/${id}#edit=${editToken}`, invitations });
    },
  ));

  // Pages of the list, per alliances revision and query (a search typed by anyone: at most 200 kept).
  const listPages = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision, 200);
  routes.push(route(
    {
      method: 'get', path: '/api/alliances', tag: 'alliances', query: allianceListQuery,
      summary: { it: 'Le alleanze salvate, a pagine', en: 'The saved alliances, in pages' },
      responses: { 200: '{ nextCursor, alliances }' },
    },
    async (req, res, input) => {
      const { q, limit, cursor } = input.query;
      const folded = foldName(q);
      const page = await listPages.get(JSON.stringify([folded, limit, cursor?.updatedAt, cursor?.id]), async () => {
        const rows = await listAlliances(knex, { folded, limit, cursor });
        const list = rows.slice(0, limit);
        const last = list[list.length - 1];
        return cachedBody(
          JSON.stringify({
            nextCursor: rows.length > limit && last?.cursorAt ? listCursor({ updatedAt: last.cursorAt, id: last.id }) : null,
            alliances: list.map(({ cursorAt: _cursorAt, ...item }) => item),
          }),
        );
      });
      sendCachedGzip(req, res, page.gzipped, 'application/json', page.etag);
    },
  ));

  // The overlay's outlines, built once per alliances revision and query, kept gzipped.
  const outlines = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision);
  routes.push(route(
    {
      method: 'get', path: '/api/alliances.geojson', tag: 'alliances', query: allianceOutlinesQuery,
      summary: { it: 'I contorni delle alleanze in un riquadro', en: 'The alliances\' outlines within a box' },
      responses: { 200: 'FeatureCollection, with truncated and limit' }, produces: [CONTENT.geojson],
    },
    async (req, res, input) => {
      const { limit, bbox } = input.query;
      const body = await outlines.get(`${limit}|${bbox?.join(',') ?? ''}`, async () => {
        const rows = await allianceOutlines(knex, { limit, bbox });
        // The geometries are GeoJSON text already (stored on save): written as they are.
        const features = rows
          .slice(0, limit)
          .map((o) => `{"type":"Feature","id":${o.id},"properties":${JSON.stringify({ id: o.id, name: o.name, status: o.status })},"geometry":${o.geometry}}`);
        // Not GeoJSON members: whether some were left out (published and newest come first), and the limit.
        const text = `{"type":"FeatureCollection","truncated":${rows.length > limit},"limit":${limit},"features":[${features.join(',')}]}`;
        return cachedBody(text);
      });
      sendCachedGzip(req, res, body.gzipped, 'application/geo+json', body.etag);
    },
  ));

  // Public pages, read by many (a link in the news) between changes: kept gzipped per alliances revision.
  const pages = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision, 500);
  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id', tag: 'alliances', params: { id: numericId },
      summary: { it: 'Un\'alleanza: membri, partner, regole, contorno, storia', en: 'An alliance: members, partners, rules, outline, history' },
      responses: { 200: 'the alliance (ETag: its version)', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res, input) => {
      const { id } = input.params;
      const page = await pages.get(String(id), async () => {
        const alliance = await load(req);
        const convenzione = alliance.legalForm === 'convenzione' ? await convenzioneStatus(knex, alliance) : null;
      return { gzipped: gzipSync(JSON.stringify({ ...present(alliance, await allianceOutline(knex, alliance.id)), convenzione })), etag: `"${alliance.version}"` };
      });
      sendCachedGzip(req, res, page.gzipped, 'application/json', page.etag);
    },
  ));

  routes.push(route(
    {
      method: 'patch', path: '/api/alliances/:id', tag: 'alliances', params: { id: numericId }, body: alliancePatch, bodyName: 'AlliancePatch', auth: 'edit', ifMatch: true,
      summary: { it: 'Modifica un\'alleanza', en: 'Changes an alliance' },
      responses: { 200: 'the alliance as saved', 404: 'no such alliance', 410: 'deleted', 422: 'invalid' },
    },
    async (req, res, input) => {
      rejectTooManyMembers(req.body);
      const alliance = await load(req);
      requireEditToken(req, alliance.editTokenHash);
      if (!requireIfMatch(req)(alliance.version)) throw conflict(alliance.version);
      const saved = resultOf(await changeAlliance(ctx, alliance, input.body, ifMatchesAny(req)));
      if (saved.version === null) {
        res.set('ETag', `"${alliance.version}"`).json(present(alliance, await allianceOutline(knex, alliance.id)));
        return;
      }
      const stored = (await findAlliance(knex, alliance.id))!;
      res
        .set('ETag', `"${saved.version}"`)
        .set('Cache-Control', 'no-store')
        .json({ ...present(stored, await allianceOutline(knex, alliance.id)), invitations: saved.invitations });
    },
  ));

  routes.push(route(
    {
      method: 'delete', path: '/api/alliances/:id', tag: 'alliances', params: { id: numericId }, auth: 'edit', ifMatch: true,
      summary: { it: 'Elimina un\'alleanza (la storia resta)', en: 'Deletes an alliance (its history is kept)' },
      responses: { 204: 'deleted', 404: 'no such alliance', 410: 'already deleted' },
    },
    async (req, res) => {
      const alliance = await load(req);
      requireEditToken(req, alliance.editTokenHash);
      if (!requireIfMatch(req)(alliance.version)) throw conflict(alliance.version);
      resultOf(await deleteAlliance(ctx, alliance));
      res.status(204).end();
    },
  ));

  const exportTable = async (req: Request, res: Response) => {
    await sendTables(res, downloadFormat(req.path), [allianceTable(await load(req))]);
  };
  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/export.csv', tag: 'alliances', params: { id: numericId },
      summary: { it: 'I membri di un\'alleanza in CSV', en: 'An alliance\'s members as CSV' },
      responses: { 200: 'one row per member', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.csv],
    },
    exportTable,
  ));
  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/export.xlsx', tag: 'alliances', params: { id: numericId },
      summary: { it: 'I membri di un\'alleanza in Excel', en: 'An alliance\'s members as Excel' },
      responses: { 200: 'one row per member', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.xlsx],
    },
    exportTable,
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/export.geojson', tag: 'alliances', params: { id: numericId },
      summary: { it: 'Contorno e membri di un\'alleanza in GeoJSON', en: 'An alliance\'s outline and members as GeoJSON' },
      responses: { 200: 'FeatureCollection', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.geojson],
    },
    async (req, res) => {
      const alliance = await load(req);
      const geometries = new Map((await memberFeatures(knex, alliance.id)).map((m) => [m.code, m.geometry]));
      const { editTokenHash, summary, members, ...about } = alliance;
      res
        .type('application/geo+json')
        .attachment(`alleanza-${alliance.id}.geojson`)
        .json({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'outline',
              properties: { kind: 'alliance', ...about, totals: summary.totals, contiguous: summary.contiguity.contiguous, ruleSet: summary.ruleSet.id },
              geometry: await allianceOutline(knex, alliance.id, 0),
            },
            ...members.map((m) => ({
              type: 'Feature',
              id: m.code,
              properties: { kind: 'member', code: m.code, name: m.name, population: m.population, status: m.status, lead: m.lead },
              geometry: geometries.get(m.code) ?? null,
            })),
          ],
        });
    },
  ));

  return routes;
}
