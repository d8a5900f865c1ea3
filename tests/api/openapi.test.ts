import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/paths';
import { createApp } from '../../server/app';
import { allianceListQuery, comuneCode } from '../../server/http/schemas';
import type { JsonSchema, OpenApiDocument } from '../../server/openapi/document';
import { apiSection, expandOptional, readmeRoutes, resolveAgainst, routesOfCell, tableCells } from '../helpers/readme-routes';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

const API_DOC = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'api.md'), 'utf8');

const pairs = (routes: readonly { method: string; path: string }[]) => routes.map((r) => `${r.method} ${r.path}`);

async function fetchDocument(): Promise<OpenApiDocument> {
  const response = await env.server.get('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as OpenApiDocument;
}

const documentRoutes = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path: p })));

/** Every route the app mounts under /api, /tiles and /ogc, read from Express's routers: `:id` paths as written. */
function mountedRoutes(): { method: string; path: string }[] {
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const app = createApp(env.server.ctx) as unknown as { router: { stack: Layer[] } };
  const routes: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          for (const method of Object.keys(layer.route.methods)) if (/^\/(api|tiles|ogc)(\/|$)/.test(p)) routes.push({ method: method.toUpperCase(), path: p });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(app.router.stack);
  return routes;
}

/** An Express path in OpenAPI style: `/api/alliances/:id` → `/api/alliances/{id}`. */
const asOpenApi = (expressPath: string) => expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');

describe('the API table parser (docs/api.md)', () => {
  it('splits cells at unescaped pipes only', () => {
    expect(tableCells('| `GET /a?level=region\\|province` | answer | more |')).toEqual(['`GET /a?level=region|province`', 'answer', 'more']);
  });

  it('expands optional parts, nested ones too', () => {
    expect(expandOptional('/ogc/collections[/{id}[/items[/{fid}]]]')).toEqual([
      '/ogc/collections',
      '/ogc/collections/{id}',
      '/ogc/collections/{id}/items',
      '/ogc/collections/{id}/items/{fid}',
    ]);
    expect(expandOptional('/a[/b][/c]')).toEqual(['/a', '/a/c', '/a/b', '/a/b/c']);
  });

  it('resolves relative paths against the one before', () => {
    expect(resolveAgainst('/api/alliances/{id}/export.csv', '/export.xlsx')).toBe('/api/alliances/{id}/export.xlsx');
    expect(resolveAgainst('/api/open-data/members.csv', '.xlsx')).toBe('/api/open-data/members.xlsx');
    expect(resolveAgainst('/api/alliances/{id}/invitations', '/invitations/{token}')).toBe('/api/alliances/{id}/invitations/{token}');
    expect(resolveAgainst('/api/alliances/{id}', '…/contiguity-exception')).toBe('/api/alliances/{id}/contiguity-exception');
    expect(resolveAgainst('/api/alliances/{id}/fees', '…/history')).toBe('/api/alliances/{id}/history');
    expect(resolveAgainst('/api/x', '…')).toBe('/api/x');
    expect(resolveAgainst('/api/coverage.csv', '/api/coverage.xlsx')).toBe('/api/coverage.xlsx');
    expect(() => resolveAgainst(undefined, '/export.csv')).toThrow(/relative/);
  });

  it('reads every form of the table', () => {
    const cell = (text: string, after?: string) => pairs(routesOfCell(text, after));
    expect(cell('`GET /api/alliances/:id/export.csv`, `/export.xlsx`, `/export.geojson`')).toEqual([
      'GET /api/alliances/{id}/export.csv',
      'GET /api/alliances/{id}/export.xlsx',
      'GET /api/alliances/{id}/export.geojson',
    ]);
    expect(cell('`GET /api/services[?include=retired]`, `GET /api/services/:code`')).toEqual(['GET /api/services', 'GET /api/services/{code}']);
    expect(cell('`PUT /api/alliances/:id/contiguity-exception` `{ reason }`, `DELETE …`')).toEqual([
      'PUT /api/alliances/{id}/contiguity-exception',
      'DELETE /api/alliances/{id}/contiguity-exception',
    ]);
    expect(cell('`PUT …/contiguity-exception` `{ reason }`, `DELETE …`', '/api/alliances/{id}')).toEqual([
      'PUT /api/alliances/{id}/contiguity-exception',
      'DELETE /api/alliances/{id}/contiguity-exception',
    ]);
    expect(cell('`GET /ogc`, `/ogc/conformance`, `/ogc/collections[/{id}[/items[/{fid}]]]`')).toEqual([
      'GET /ogc',
      'GET /ogc/conformance',
      'GET /ogc/collections',
      'GET /ogc/collections/{id}',
      'GET /ogc/collections/{id}/items',
      'GET /ogc/collections/{id}/items/{fid}',
    ]);
    expect(cell('`GET /api/coverage.csv?service=CODE&level=region|province`, `/api/coverage.xlsx?…`')).toEqual(['GET /api/coverage.csv', 'GET /api/coverage.xlsx']);
    expect(cell('`GET /api/open-data/services.csv`, `/fees.csv`, `/services.xlsx`')).toEqual([
      'GET /api/open-data/services.csv',
      'GET /api/open-data/fees.csv',
      'GET /api/open-data/services.xlsx',
    ]);
    expect(cell('`POST /api/contiguity` `{members}`')).toEqual(['POST /api/contiguity']);
    expect(cell('`GET /api/alliances.geojson[?bbox=w,s,e,n&limit=]`')).toEqual(['GET /api/alliances.geojson']);
    expect(cell('`POST /api/services`, `PATCH /api/services/:code`, `DELETE /api/services/:code`')).toEqual([
      'POST /api/services',
      'PATCH /api/services/{code}',
      'DELETE /api/services/{code}',
    ]);
  });

  it('takes only the route rows of the API section', () => {
    const markdown = [
      '# Title',
      '| `GET /api/elsewhere` | not in the API section |',
      '## API',
      '| path | answer |',
      '| --- | --- |',
      '| `GET /api/a`, `/b` | x |',
      '| alliance `services` | not a route |',
      '| `PUT …/c` `{ reason }`, `DELETE …` | relative to the row before |',
      '## Next',
      '| `GET /api/after` | not in the API section |',
    ].join('\n');
    expect(apiSection(markdown)).not.toContain('/api/after');
    expect(pairs(readmeRoutes(markdown))).toEqual(['GET /api/a', 'GET /api/b', 'PUT /api/c', 'DELETE /api/c']);
  });
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('ALI Atlas API');
    expect(doc.info.version).toBe((JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(validator.version).toBe('3.1');
    expect(result.valid, JSON.stringify(result.errors, null, 2)).toBe(true);
    // Every {placeholder} of a path is a path parameter of each of its operations.
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        const declared = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
        expect(declared, `${op.operationId}`).toEqual([...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
      }
    }
  });

  it('documents every route of the API table in docs/api.md, and nothing the table leaves out', async () => {
    const documented = new Set(pairs(documentRoutes(await fetchDocument())));
    const readme = pairs(readmeRoutes(API_DOC));
    expect(readme.length).toBeGreaterThan(40);
    const missing = readme.filter((r) => !documented.has(r));
    expect(missing, `in docs/api.md but not declared with route() in server/routes/: ${missing.join(', ')}`).toEqual([]);
    const inReadme = new Set(readme);
    const undocumented = [...documented].filter((r) => !inReadme.has(r));
    expect(undocumented, `in the OpenAPI document but not in docs/api.md's table: ${undocumented.join(', ')}`).toEqual([]);
  });

  it('documents every route the server mounts under /api, /tiles and /ogc, and only those, path for path', async () => {
    const documented = pairs(documentRoutes(await fetchDocument()));
    const mounted = pairs(mountedRoutes().map((r) => ({ method: r.method, path: asOpenApi(r.path) })));
    expect(mounted.length).toBeGreaterThan(40);
    // Mounted once each: a path declared twice would answer from its first declaration only.
    expect(mounted.length, 'a route mounted twice').toBe(new Set(mounted).size);
    const missing = mounted.filter((r) => !documented.includes(r));
    expect(missing, 'mounted but not documented: mount routes with route() (server/http/route.ts)').toEqual([]);
    const unserved = documented.filter((d) => !mounted.includes(d));
    expect(unserved, 'documented but not mounted').toEqual([]);
  });

  it('holds the schemas the server validates with', async () => {
    const doc = await fetchDocument();
    const post = doc.paths['/api/alliances']!.post!;
    const ref = post.requestBody!.content['application/json']!.schema!.$ref as string;
    const body = doc.components.schemas[ref.replace('#/components/schemas/', '')] as JsonSchema & {
      required: string[];
      properties: { members: { items: { properties: { code: { pattern: string } } } } };
    };
    expect(body.required).toEqual(expect.arrayContaining(['name', 'members']));
    const regex = comuneCode.def.checks!.map((c) => (c._zod.def as { pattern?: RegExp }).pattern).find(Boolean)!;
    expect(body.properties.members.items.properties.code.pattern).toBe(regex.source);
    expect(body.additionalProperties).toBe(false); // .strict()

    const limit = doc.paths['/api/alliances']!.get!.parameters!.find((p) => p.name === 'limit')!;
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', maximum: 500, default: 200 } });
    expect(limit.schema.maximum).toBe(allianceListQuery.shape.limit.unwrap().maxValue);

    // Writes say who may make them and which version they change.
    const patch = doc.paths['/api/alliances/{id}']!.patch!;
    expect(patch.security).toEqual([{ editToken: [] }]);
    expect(patch.parameters!.find((p) => p.in === 'header')).toMatchObject({ name: 'If-Match', required: true });
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '409', '428']));
    expect(doc.paths['/api/services']!.post!.security).toEqual([{ adminToken: [] }]);
    expect(doc.paths['/api/alliances/{id}/export.xlsx']!.get!.responses['200']!.content).toHaveProperty(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(doc.paths['/api/alliances/{id}']!.get!.responses['404']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});

describe('GET /api/docs', () => {
  it('is a page naming every operation, without scripts', async () => {
    const doc = await fetchDocument();
    const response = await env.server.get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="it">/);
    expect(html).not.toMatch(/<script/i);
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(html, p).toContain(`<code>${p}</code>`);
      for (const [method, op] of Object.entries(item)) {
        expect(html, `${method} ${p}`).toContain(`id="${op.operationId}"`);
        expect(html).toContain(op['x-summary'].en.replace(/'/g, '&#39;'));
      }
    }
    // The body of POST /api/alliances is shown as its JSON Schema.
    expect(html).toContain('<details><summary>Corpo della richiesta / Request body (JSON) <code>Alliance</code></summary><pre>{');
  });
});
