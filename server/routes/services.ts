import type { AppContext } from '../context';
import { route, type Route } from '../http/route';
import { requireAdmin } from '../http/admin';
import { notFound } from '../http/errors';
import { resultOf } from '../http/refusals';
import { serviceBody, serviceCode, servicePatch, servicesQuery } from '../http/schemas';
import { listServices, serviceWithHistory } from '../services/catalogue';
import { addService, changeService } from '../use-cases/catalogue';

/** The service catalogue: anyone reads it; administrators add, rename, retire and restore. */
export function serviceRoutes(ctx: AppContext): Route[] {
  const routes: Route[] = [];
  const knex = ctx.db.knex;

  routes.push(route(
    {
      method: 'get', path: '/api/services', tag: 'services', query: servicesQuery,
      summary: { it: 'Il catalogo dei servizi', en: 'The service catalogue' },
      responses: { 200: '{ services }' },
    },
    async (req, res) => {
      // Read as it comes: anything but `retired` lists the services in use.
      const includeRetired = req.query.include === 'retired';
      res.json({ services: await listServices(knex, includeRetired) });
    },
  ));

  routes.push(route(
    {
      method: 'get', path: '/api/services/:code', tag: 'services', params: { code: serviceCode },
      summary: { it: 'Un servizio con la sua storia', en: 'A service with its history' },
      responses: { 200: 'the entry and its history', 404: 'no such service' },
    },
    async (_req, res, input) => {
      const { code } = input.params;
      const service = await serviceWithHistory(knex, code);
      if (!service) throw notFound(`Nessun servizio con codice ${code} / No service with code ${code}`);
      res.json(service);
    },
  ));

  routes.push(route(
    {
      method: 'post', path: '/api/services', tag: 'services', body: serviceBody, bodyName: 'Service', auth: 'admin', limit: 'read',
      summary: { it: 'Aggiunge un servizio al catalogo', en: 'Adds a service to the catalogue' },
      responses: { 201: 'the new entry', 409: 'the code is already in the catalogue' },
    },
    async (req, res, input) => {
      requireAdmin(req, ctx.adminToken);
      const created = resultOf(await addService(ctx, input.body));
      res.status(201).location(`/api/services/${created.code}`).json(created);
    },
  ));

  routes.push(route(
    {
      method: 'patch', path: '/api/services/:code', tag: 'services', params: { code: serviceCode }, body: servicePatch, bodyName: 'ServicePatch', auth: 'admin', limit: 'read',
      summary: { it: 'Rinomina, descrive, ritira o ripristina un servizio', en: 'Renames, describes, retires or restores a service' },
      responses: { 200: 'the entry as saved', 404: 'no such service' },
    },
    async (req, res, input) => {
      requireAdmin(req, ctx.adminToken);
      res.json(resultOf(await changeService(ctx, input.params.code, input.body)));
    },
  ));

  // Retiring keeps the service, its history and the alliances that provide it.
  routes.push(route(
    {
      method: 'delete', path: '/api/services/:code', tag: 'services', params: { code: serviceCode }, auth: 'admin', limit: 'read',
      summary: { it: 'Ritira un servizio (la voce e la storia restano)', en: 'Retires a service (the entry and history are kept)' },
      responses: { 200: 'the retired entry', 404: 'no such service' },
    },
    async (req, res, input) => {
      requireAdmin(req, ctx.adminToken);
      res.json(resultOf(await changeService(ctx, input.params.code, { retired: true })));
    },
  ));

  return routes;
}
