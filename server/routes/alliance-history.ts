import { Router, type Response } from 'express';
import type { AppContext } from '../context';
import { atomFeed, permanentId, type AtomEntry } from '../feeds/atom';
import { publicBase } from '../http/public-base';
import { historyQuery } from '../http/schemas';
import { loadAlliance } from '../queries/alliance-load';
import { catalogueIndex } from '../queries/services';
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
export function allianceHistoryRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  const names = async () => changeNames((await ctx.tables.get()).value, await catalogueIndex(knex));

  router.get('/api/alliances/:id/history', async (req, res) => {
    const alliance = await loadAlliance(knex, req.params.id);
    const { limit } = historyQuery.parse(req.query);
    res.set('Cache-Control', 'no-cache').json({ id: alliance.id, entries: await allianceHistory(knex, await names(), { allianceId: alliance.id, limit }) });
  });

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

  router.get('/api/alliances/:id/feed.atom', async (req, res) => {
    const alliance = await loadAlliance(knex, req.params.id);
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
  });

  router.get('/api/feed.atom', async (req, res) => {
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
  });

  return router;
}
