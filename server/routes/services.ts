import { Router } from 'express';
import type { AppContext } from '../context';
import { requireAdmin } from '../http/admin';
import { HttpError, notFound } from '../http/errors';
import { serviceBody, serviceCode, servicePatch } from '../http/schemas';
import { findService, insertService, listServices, serviceHistory, updateService } from '../queries/services';

/** The service catalogue: anyone reads it; administrators add, rename, retire and restore. */
export function serviceRoutes(ctx: AppContext): Router {
  const router = Router();
  const knex = ctx.db.knex;

  router.get('/api/services', async (req, res) => {
    const includeRetired = req.query.include === 'retired';
    res.json({ services: await listServices(knex, includeRetired) });
  });

  router.get('/api/services/:code', async (req, res) => {
    const code = serviceCode.parse(req.params.code);
    const service = await findService(knex, code);
    if (!service) throw notFound(`Nessun servizio con codice ${code} / No service with code ${code}`);
    res.json({ ...service, history: await serviceHistory(knex, code) });
  });

  router.post('/api/services', async (req, res) => {
    requireAdmin(req, ctx.adminToken);
    const body = serviceBody.parse(req.body);
    const created = await knex.transaction((trx) => insertService(trx, body));
    if (!created) throw new HttpError(409, 'conflict', `Il codice ${body.code} è già nel catalogo / Code ${body.code} is already in the catalogue`);
    res.status(201).location(`/api/services/${body.code}`).json(await findService(knex, body.code));
  });

  router.patch('/api/services/:code', async (req, res) => {
    requireAdmin(req, ctx.adminToken);
    const code = serviceCode.parse(req.params.code);
    const change = servicePatch.parse(req.body);
    // Read and write in one transaction with the row locked: two administrators editing different
    // fields at once both keep their change.
    await knex.transaction(async (trx) => {
      await trx.raw(`SELECT 1 FROM services WHERE code = ? FOR UPDATE`, [code]);
      const current = await findService(trx, code);
      if (!current) throw notFound(`Nessun servizio con codice ${code} / No service with code ${code}`);
      const { retiredAt, ...definition } = current;
      const { retired, ...fields } = change;
      await updateService(trx, { ...definition, ...fields }, retired);
    });
    res.json(await findService(knex, code));
  });

  // Retiring keeps the service, its history and the alliances that provide it.
  router.delete('/api/services/:code', async (req, res) => {
    requireAdmin(req, ctx.adminToken);
    const code = serviceCode.parse(req.params.code);
    await knex.transaction(async (trx) => {
      await trx.raw(`SELECT 1 FROM services WHERE code = ? FOR UPDATE`, [code]);
      const current = await findService(trx, code);
      if (!current) throw notFound(`Nessun servizio con codice ${code} / No service with code ${code}`);
      const { retiredAt, ...definition } = current;
      await updateService(trx, definition, true);
    });
    res.json(await findService(knex, code));
  });

  return router;
}
