import { gzipSync } from 'node:zlib';
import { Router, type Request } from 'express';
import { KeyedPerRevision } from '../data/alliances-revision';
import { cachedBody, sendCachedGzip } from '../http/gzipped';
import type { AppContext } from '../context';
import { downloadFormat, sendTables } from '../exports/send';
import { conflict, newEditToken, requireEditToken, requireIfMatch } from '../http/edit-token';
import { allianceBody, allianceListQuery, allianceOutlinesQuery, alliancePatch, listCursor, numericId } from '../http/schemas';
import { foldName } from '../../domain/text';
import { sameAllianceContent } from '../../domain/alliance';
import { EMPTY_GOVERNANCE } from '../../domain/governance';
import {
  allianceOutline,
  allianceOutlines,
  deleteAlliance,
  findAlliance,
  insertAlliance,
  listAlliances,
  memberFeatures,
  updateAlliance,
  type StoredAlliance,
} from '../queries/alliances';
import { evaluateAlliance, rejectTooManyMembers, type AllianceDraft } from '../services/alliances';
import { allianceTable } from '../services/alliance-export';
import { allianceCheckContext } from '../services/alliance-context';
import { loadAlliance } from '../queries/alliance-load';
import { draftOf } from '../services/alliance-draft';
import { withMembersDecisions, withPartnersDecisions } from '../services/adhesion';
import { syncInvitations } from '../services/invitations';
import { convenzioneStatus, recordConvenzioneVersion } from '../services/convenzione';
import { catalogueIndex } from '../queries/services';

/** Public view of a stored alliance (never the token hash). */
function present(a: StoredAlliance, outline: unknown) {
  const { editTokenHash, summary, ...rest } = a;
  return { ...rest, ...summary, outline };
}

export function allianceRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  const load = (req: Request) => loadAlliance(knex, req.params.id);

  router.post('/api/alliances', async (req, res) => {
    rejectTooManyMembers(req.body);
    const body = allianceBody.parse(req.body);
    // A new alliance's members are proposed: each adheres by its own act, through its invitation.
    const draft: AllianceDraft = {
      ...body,
      members: withMembersDecisions(body.members, []),
      partners: withPartnersDecisions(body.partners, []),
      governance: { ...EMPTY_GOVERNANCE, ...body.governance },
    };
    const { value: tables } = await ctx.tables.get();
    const summary = evaluateAlliance(tables, draft, await allianceCheckContext(knex, undefined, draft.governance));
    const { token, hash } = newEditToken();
    const { id, invitations } = await knex.transaction(async (trx) => {
      const newId = await insertAlliance(trx, draft, summary, hash);
      return { id: newId, invitations: await syncInvitations(trx, newId, draft) };
    });
    const stored = (await findAlliance(knex, id))!;
    await recordConvenzioneVersion(knex, stored, tables, await catalogueIndex(knex));
    res
      .status(201)
      .location(`/api/alliances/${id}`)
      .set('Cache-Control', 'no-store')
      .json({ ...present(stored, await allianceOutline(knex, id)), editToken: token, editUrl: `/alleanze/${id}#edit=${token}`, invitations });
  });

  // Pages of the list, per alliances revision and query (a search typed by anyone: at most 200 kept).
  const listPages = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision, 200);
  router.get('/api/alliances', async (req, res) => {
    const { q, limit, cursor } = allianceListQuery.parse(req.query);
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
  });

  // The overlay's outlines, built once per alliances revision and query, kept gzipped.
  const outlines = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision);
  router.get('/api/alliances.geojson', async (req, res) => {
    const { limit, bbox } = allianceOutlinesQuery.parse(req.query);
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
  });

  // Public pages, read by many (a link in the news) between changes: kept gzipped per alliances revision.
  const pages = new KeyedPerRevision<{ gzipped: Buffer; etag: string }>(ctx.alliancesRevision, 500);
  router.get('/api/alliances/:id', async (req, res) => {
    const id = numericId.parse(req.params.id);
    const page = await pages.get(String(id), async () => {
      const alliance = await load(req);
      const convenzione = alliance.legalForm === 'convenzione' ? await convenzioneStatus(knex, alliance) : null;
      return { gzipped: gzipSync(JSON.stringify({ ...present(alliance, await allianceOutline(knex, alliance.id)), convenzione })), etag: `"${alliance.version}"` };
    });
    sendCachedGzip(req, res, page.gzipped, 'application/json', page.etag);
  });

  router.patch('/api/alliances/:id', async (req, res) => {
    rejectTooManyMembers(req.body);
    const alliance = await load(req);
    requireEditToken(req, alliance.editTokenHash);
    if (!requireIfMatch(req)(alliance.version)) throw conflict(alliance.version);
    const expected = alliance.version;
    const change = alliancePatch.parse(req.body);
    const current = draftOf(alliance);
    const draft: AllianceDraft = {
      name: change.name ?? current.name,
      description: change.description ?? current.description,
      status: change.status ?? current.status,
      ruleSet: change.ruleSet ?? current.ruleSet,
      members: change.members ? withMembersDecisions(change.members, current.members) : current.members,
      partners: change.partners ? withPartnersDecisions(change.partners, current.partners) : current.partners,
      services: change.services ?? current.services,
      runningCostCents: change.runningCostCents ?? current.runningCostCents,
      legalForm: change.legalForm === undefined ? current.legalForm : change.legalForm,
      governance: change.governance ? { ...EMPTY_GOVERNANCE, ...change.governance } : current.governance,
    };
    // A change that changes nothing makes no new version and no history entry.
    if (sameAllianceContent(draft, current)) {
      res.set('ETag', `"${alliance.version}"`).json(present(alliance, await allianceOutline(knex, alliance.id)));
      return;
    }
    const { value: tables } = await ctx.tables.get();
    const summary = evaluateAlliance(tables, draft, await allianceCheckContext(knex, alliance, draft.governance));
    const saved = await knex.transaction(async (trx) => {
      const newVersion = await updateAlliance(trx, alliance.id, expected, draft, summary, { action: 'updated', actor: { kind: 'founder' }, tokenHash: alliance.editTokenHash });
      return newVersion === null ? null : { version: newVersion, invitations: await syncInvitations(trx, alliance.id, draft) };
    });
    if (saved === null) throw conflict((await findAlliance(knex, alliance.id))?.version ?? expected);
    const stored = (await findAlliance(knex, alliance.id))!;
    await recordConvenzioneVersion(knex, stored, tables, await catalogueIndex(knex));
    res
      .set('ETag', `"${saved.version}"`)
      .set('Cache-Control', 'no-store')
      .json({ ...present(stored, await allianceOutline(knex, alliance.id)), invitations: saved.invitations });
  });

  router.delete('/api/alliances/:id', async (req, res) => {
    const alliance = await load(req);
    requireEditToken(req, alliance.editTokenHash);
    if (!requireIfMatch(req)(alliance.version)) throw conflict(alliance.version);
    const expected = alliance.version;
    const version = await knex.transaction((trx) => deleteAlliance(trx, alliance.id, expected));
    if (version === null) throw conflict(alliance.version);
    res.status(204).end();
  });

  router.get(['/api/alliances/:id/export.csv', '/api/alliances/:id/export.xlsx'], async (req, res) => {
    await sendTables(res, downloadFormat(req.path), [allianceTable(await load(req))]);
  });

  router.get('/api/alliances/:id/export.geojson', async (req, res) => {
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
  });

  return router;
}
