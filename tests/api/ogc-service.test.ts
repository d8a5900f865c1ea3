import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { REQUEST_COST } from '../../server/http/feature-budget';
import { MAX_LIMIT } from '../../server/ogc/paging';
import { readAnswer, startTestServer, useTestServer } from '../helpers/test-server';

const env = useTestServer();

type Link = { href: string; rel: string; type: string };
type Parameter = { name: string; in: string; description: string; schema: { maximum?: number; default?: number } };
type Definition = { openapi: string; servers: { url: string }[]; paths: Record<string, { get: { parameters: Parameter[] } }> };

describe('the OGC API definition (service-desc) at /ogc/api', () => {
  it('is linked from the landing page with its documentation, as Part 1: Core requires', async () => {
    const { links } = (await (await env.server.get('/ogc')).json()) as { links: Link[] };
    expect(links.find((l) => l.rel === 'service-desc')).toMatchObject({ href: `${env.server.url}/ogc/api`, type: 'application/vnd.oai.openapi+json;version=3.0' });
    const doc = links.find((l) => l.rel === 'service-doc')!;
    expect(doc).toMatchObject({ href: `${env.server.url}/api/docs`, type: 'text/html' });
    expect((await env.server.get('/api/docs')).status).toBe(200);
  });

  it('is a valid OpenAPI 3.0 document with paths relative to /ogc, the limit’s maximum and each collection’s filters', async () => {
    const response = await env.server.get('/ogc/api');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json;\s*version=3\.0/);
    const definition = (await response.json()) as Definition;
    const result = await new Validator().validate(definition as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(definition.openapi).toMatch(/^3\.0\./);
    expect(definition.servers).toEqual([{ url: `${env.server.url}/ogc` }]);
    const parameters = (path: string) => definition.paths[path]!.get.parameters;
    const limit = parameters('/collections/{collectionId}/items').find((p) => p.name === 'limit')!;
    expect(limit.schema).toMatchObject({ maximum: MAX_LIMIT, default: 100 });
    // A page of large features holds fewer than limit (issue 23): the definition says so.
    expect(limit.description).toMatch(/large features holds fewer.*2 MB/);
    expect(parameters('/collections/comuni/items').find((p) => p.name === 'bbox-crs')!.schema).toEqual({ type: 'string', enum: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'] });
    const names = (path: string) => parameters(path).filter((p) => p.in === 'query').map((p) => p.name);
    expect(names('/collections/comuni/items')).toEqual(expect.arrayContaining(['bbox', 'limit', 'offset', 'code', 'province', 'region']));
    expect(names('/collections/associations/items')).toEqual(expect.arrayContaining(['kind', 'code', 'province', 'region']));
    // Every path it lists answers.
    for (const path of Object.keys(definition.paths).filter((p) => !p.includes('{'))) expect((await env.server.get(`/ogc${path === '/' ? '' : path}`)).status, path).toBe(200);
    expect((await env.server.get('/ogc/api?f=xml')).status).toBe(400);
  });
});

describe('the OGC items budget: features per client per minute, however paged', () => {
  it('charges each page its features plus the request, then answers 429 in Italian and English', async () => {
    const budget = 5 * (10 + REQUEST_COST);
    const server = await startTestServer(env.database.db, undefined, { ogcFeaturesPerMinute: budget });
    try {
      // Pages of 10 Comuni: five fit the budget, the sixth does not.
      for (let page = 0; page < 5; page++) expect((await server.get(`/ogc/collections/comuni/items?limit=10&offset=${page * 10}`)).status, `page ${page}`).toBe(200);
      const refused = await readAnswer(await server.get('/ogc/collections/comuni/items?limit=10&offset=50'));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.json).toEqual({ error: { code: 'too_many_requests', message: expect.stringMatching(/^Troppi elementi .* \/ Too many features/) } });
      // A single item too; other reads are not part of this budget.
      expect((await server.get('/ogc/collections/comuni/items/039012')).status).toBe(429);
      expect((await server.get('/ogc/collections/comuni')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('charges what a page served, not the limit it asked for, and admits a page while the budget has room for the request', async () => {
    const server = await startTestServer(env.database.db, undefined, { ogcFeaturesPerMinute: MAX_LIMIT + REQUEST_COST });
    try {
      // Lugo's bbox holds a handful of Comuni: each such page gives back most of its 1,000.
      for (let i = 0; i < 5; i++) expect((await server.get('/ogc/collections/comuni/items?limit=1000&bbox=11.90,44.41,11.92,44.43')).status, `request ${i}`).toBe(200);
      // A whole page of 1,000 still fits what is left of the budget for a request; it spends it all.
      expect((await server.get('/ogc/collections/comuni/items?limit=1000')).status).toBe(200);
      expect((await server.get('/ogc/collections/comuni/items?limit=1&bbox=11.90,44.41,11.92,44.43')).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
