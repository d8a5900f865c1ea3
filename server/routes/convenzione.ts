import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { numericId } from '../http/schemas';
import { CONTENT } from '../openapi/vocabulary';
import { convenzioneDocx } from '../convenzione/docx';
import { convenzioneHtml } from '../convenzione/html';
import { loadAlliance } from '../services/alliance-read';
import { catalogueIndex } from '../services/catalogue';
import { convenzioneVersions, generateConvenzione } from '../services/convenzione';

/** The draft convenzione of an alliance (TUEL art. 30), as Word, as a printable page, and its versions. */
export function convenzioneRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  const generate = async (id: unknown) => {
    const alliance = await loadAlliance(knex, numericId.parse(id));
    const { value: tables } = await ctx.tables.get();
    return { alliance, ...(await generateConvenzione(knex, alliance, tables, await catalogueIndex(knex))) };
  };

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/convenzione.docx', tag: 'alliances', params: { id: numericId }, limit: 'compute',
      summary: { it: 'Lo schema di convenzione (TUEL art. 30) in Word, bozza da adattare', en: 'The draft convenzione (TUEL art. 30) as Word, a draft to adapt' },
      responses: { 200: 'the text, its version in X-Convenzione-Version and X-Convenzione-SHA256', 404: 'no such alliance', 410: 'deleted', 422: 'the legal form is not a convenzione' }, produces: [CONTENT.docx],
    },
    async (req, res) => {
      const { alliance, document, version } = await generate(req.params.id);
      const body = await convenzioneDocx(document, version);
      res
        .type(CONTENT.docx)
        .attachment(`alleanza-${alliance.id}-convenzione-v${version.version}.docx`)
        .set('X-Convenzione-Version', String(version.version))
        .set('X-Convenzione-SHA256', version.sha256)
        .send(body);
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/convenzione.html', tag: 'alliances', params: { id: numericId }, limit: 'compute',
      summary: { it: 'Lo schema di convenzione da leggere e stampare', en: 'The draft convenzione to read and print' },
      responses: { 200: 'the text with a print stylesheet', 404: 'no such alliance', 410: 'deleted', 422: 'the legal form is not a convenzione' }, produces: [CONTENT.html],
    },
    async (req, res) => {
      const { alliance, document, version } = await generate(req.params.id);
      res
        .type('text/html; charset=utf-8')
        .set('X-Convenzione-Version', String(version.version))
        .set('X-Convenzione-SHA256', version.sha256)
        .send(convenzioneHtml(document, version, `/api/alliances/${alliance.id}/convenzione.docx`));
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/alliances/:id/convenzione/versions', tag: 'alliances', params: { id: numericId },
      summary: { it: 'Le versioni del testo della convenzione', en: 'The versions of the convenzione text' },
      responses: { 200: '{ allianceId, versions: [{ version, sha256, createdAt }] }', 404: 'no such alliance', 410: 'deleted' },
    },
    async (req, res) => {
      const alliance = await loadAlliance(knex, numericId.parse(req.params.id));
      res.json({ allianceId: alliance.id, versions: await convenzioneVersions(knex, alliance.id) });
    },
  ));

  return routes;
}
