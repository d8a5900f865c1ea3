import { type Response } from 'express';
import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { CONTENT } from '../openapi/vocabulary';
import { atomFeed, permanentId, type AtomEntry } from '../feeds/atom';
import { publicBase } from '../http/public-base';
import { historyQuery, numericId } from '../http/schemas';
import { loadAlliance } from '../services/alliance-read';
import { catalogueIndex } from '../services/catalogue';
import { allianceHistory, changeNames, type HistoryEntry } from '../services/alliance-history';

/** Entries a feed carries (the newest). */
const FEED_ENTRIES = 100;

const ACTION_TITLE: Record<HistoryEntry['action'], string> = {
  created: 'creata',
  updated: 'modificata',
  deleted: 'eliminata',
  adhesion: 'decisione di un membro',
  exception: 'eccezione alla contiguità',
  token_rotated: 'link di modifica cambiato',
  invitation_issued: 'nuovo link di adesione',
  invitation_revoked: 'link di adesione revocato',
};

/**
 * The public history of alliances: who changed what and when, as JSON and as Atom feeds
 * (journalists and Comuni subscribe to one alliance or to every published one).
 */
export function allianceHistoryRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  const names = async () => changeNames((await ctx.tables.get()).value, await catalogueIndex(knex));

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/history', tag: 'alliances', params: { id: numericId }, query: historyQuery, limit: 'compute',
      summary: { it: 'La storia pubblica: chi ha cambiato cosa e quando', en: 'The public history: who changed what, and when' },
      responses: { 200: '{ id, entries: [{ version, at, action, actor, changes }] }, newest first', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res, input) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      const { limit } = input.query;
      res.set('Cache-Control', 'no-cache').json({ id: alliance.id, entries: await allianceHistory(knex, await names(), { allianceId: alliance.id, limit }) });
    },
  ));

  const entryOf = (base: string) => (e: HistoryEntry): AtomEntry => ({
    id: permanentId(ctx.publisher.id, `alliance/${e.allianceId}/history/${e.id}`),
    title: `${e.allianceName}: ${ACTION_TITLE[e.action]} (${e.actor.label.it})`,
    updated: e.at,
    link: `${base}/alleanze/${e.allianceId}`,
    author: e.actor.label.it,
    categories: [e.action, e.actor.kind],
    content: e.changes.length > 0 ? e.changes.map((c) => c.text.it).join('\n') : 'Nessuna modifica al contenuto',
  });

  const send = (res: Response, xml: string) =>
    res.type('application/atom+xml; charset=utf-8').set('Cache-Control', 'no-cache').set('Vary', 'Host').send(xml);

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/feed.atom', tag: 'alliances', params: { id: numericId }, limit: 'compute',
      summary: { it: 'La storia di un\'alleanza come feed Atom', en: 'An alliance\'s history as an Atom feed' },
      responses: { 200: 'Atom 1.0', 404: 'no such alliance', 410: 'deleted' }, produces: [CONTENT.atom],
    },
    async (req, res) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      const base = publicBase(ctx, req);
      const entries = await allianceHistory(knex, await names(), { allianceId: alliance.id, limit: FEED_ENTRIES });
      send(res, atomFeed({
        id: permanentId(ctx.publisher.id, `alliance/${alliance.id}/feed`),
        title: `${alliance.name} — storia dell'alleanza`,
        subtitle: 'Adesioni, recessi e modifiche, con chi le ha fatte / Adhesions, withdrawals and changes, with who made them',
        self: `${base}/api/alliances/${alliance.id}/feed.atom`,
        alternate: `${base}/alleanze/${alliance.id}`,
        author: ctx.publisher.name,
        fallbackUpdated: alliance.updatedAt,
        rights: 'CC BY 4.0',
        entries: entries.map(entryOf(base)),
      }));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/feed.atom', tag: 'alliances', limit: 'compute',
      summary: { it: 'Ogni decisione e modifica delle alleanze pubblicate, come feed Atom', en: 'Every decision and change of the published alliances, as an Atom feed' },
      responses: { 200: 'Atom 1.0, the newest 100 entries' }, produces: [CONTENT.atom],
    },
    async (req, res) => {
      const base = publicBase(ctx, req);
      const entries = await allianceHistory(knex, await names(), { publishedOnly: true, limit: FEED_ENTRIES });
      send(res, atomFeed({
        id: permanentId(ctx.publisher.id, 'feed'),
        title: 'ALI Atlas — alleanze pubblicate',
        subtitle: 'Ogni decisione e modifica delle Alleanze Locali per l’Innovazione pubblicate / Every decision and change of the published alliances',
        self: `${base}/api/feed.atom`,
        alternate: `${base}/alleanze`,
        author: ctx.publisher.name,
        fallbackUpdated: new Date(0).toISOString(),
        rights: 'CC BY 4.0',
        entries: entries.map(entryOf(base)),
      }));
    },
  ));

  return routes;
}
