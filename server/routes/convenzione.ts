import { Router } from 'express';
import type { AppContext } from '../context';
import { convenzioneDocx } from '../convenzione/docx';
import { convenzioneHtml } from '../convenzione/html';
import { loadAlliance } from '../queries/alliance-load';
import { convenzioneVersions } from '../queries/convenzione-versions';
import { catalogueIndex } from '../queries/services';
import { generateConvenzione } from '../services/convenzione';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The draft convenzione of an alliance (TUEL art. 30), as Word, as a printable page, and its versions. */
export function convenzioneRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  const generate = async (id: unknown) => {
    const alliance = await loadAlliance(knex, id);
    const { value: tables } = await ctx.tables.get();
    return { alliance, ...(await generateConvenzione(knex, alliance, tables, await catalogueIndex(knex))) };
  };

  router.get('/api/alliances/:id/convenzione.docx', async (req, res) => {
    const { alliance, document, version } = await generate(req.params.id);
    const body = await convenzioneDocx(document, version);
    res
      .type(DOCX_TYPE)
      .attachment(`alleanza-${alliance.id}-convenzione-v${version.version}.docx`)
      .set('X-Convenzione-Version', String(version.version))
      .set('X-Convenzione-SHA256', version.sha256)
      .send(body);
  });

  router.get('/api/alliances/:id/convenzione.html', async (req, res) => {
    const { alliance, document, version } = await generate(req.params.id);
    res
      .type('text/html; charset=utf-8')
      .set('X-Convenzione-Version', String(version.version))
      .set('X-Convenzione-SHA256', version.sha256)
      .send(convenzioneHtml(document, version, `/api/alliances/${alliance.id}/convenzione.docx`));
  });

  router.get('/api/alliances/:id/convenzione/versions', async (req, res) => {
    const alliance = await loadAlliance(knex, req.params.id);
    res.json({ allianceId: alliance.id, versions: await convenzioneVersions(knex, alliance.id) });
  });

  return router;
}
