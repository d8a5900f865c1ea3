import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { limitOf, mountRoutes, openApiPath, route } from '../../server/http/route';
import { httpErrorOf } from '../../server/http/refusals';
import { buildOpenApiDocument } from '../../server/openapi/document';
import type { Refusal } from '../../server/use-cases/refusals';

describe('route(): one declaration per endpoint', () => {
  const body = z.object({ n: z.number() }).strict();
  const declared = route(
    { method: 'post', path: '/api/things/:id', tag: 'system', params: { id: z.string().regex(/^\d+$/).transform(Number) }, body, bodyName: 'Thing', summary: { it: 'Una cosa', en: 'A thing' }, responses: { 200: 'ok' }, limit: 'compute' },
    (_req, res, input) => {
      res.json({ id: input.params.id, n: input.body.n });
    },
  );

  it('writes paths in OpenAPI style and classes routes by what they say, else by their method', () => {
    expect(openApiPath('/api/alliances/:id/members/:code/adhesion')).toBe('/api/alliances/{id}/members/{code}/adhesion');
    expect(openApiPath('/tiles/comuni/:z/:x/:y.pbf')).toBe('/tiles/comuni/{z}/{x}/{y}.pbf');
    expect(limitOf(declared.spec)).toBe('compute');
    expect(limitOf({ method: 'get' })).toBe('read');
    expect(limitOf({ method: 'delete' })).toBe('write');
    expect(limitOf({ method: 'post', limit: 'read' })).toBe('read');
  });

  it('documents the operation from the declaration, and mounts the same path', () => {
    const doc = buildOpenApiDocument([declared.spec]);
    const op = doc.paths['/api/things/{id}']!.post!;
    expect(op.operationId).toBe('postApiThingsId');
    expect(op.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } }]);
    expect(op.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Thing' });
    expect(doc.components.schemas.Thing).toMatchObject({ type: 'object', additionalProperties: false, required: ['n'] });
    const layers = (mountRoutes([declared]) as unknown as { stack: { route: { path: string; methods: Record<string, boolean> } }[] }).stack;
    expect(layers.map((l) => [l.route.path, Object.keys(l.route.methods)])).toEqual([['/api/things/:id', ['post']]]);
  });

  it('refuses one name for two schemas, and the same operation twice', () => {
    const other = route({ ...declared.spec, path: '/api/other', body: z.object({}) }, () => undefined);
    expect(() => buildOpenApiDocument([declared.spec, other.spec])).toThrow(/two schemas named Thing/);
    expect(() => buildOpenApiDocument([declared.spec, declared.spec])).toThrow(/duplicate operation: POST \/api\/things\/\{id\}/);
  });

  it('parses the input by its schemas when the handler reads it', async () => {
    const sent: unknown[] = [];
    const res = { json: (v: unknown) => sent.push(v) };
    await declared.handler({ params: { id: '42' }, body: { n: 7 } } as never, res as never);
    expect(sent).toEqual([{ id: 42, n: 7 }]);
    await expect(async () => declared.handler({ params: { id: '42' }, body: { n: 'x' } } as never, res as never)).rejects.toBeInstanceOf(z.ZodError);
  });
});

describe('refusals of the use cases, as HTTP answers', () => {
  it('maps each reason to its status and a bilingual message', () => {
    const cases: [Refusal, number][] = [
      [{ reason: 'service_taken', code: 'x' }, 409],
      [{ reason: 'no_service', code: 'x' }, 404],
      [{ reason: 'token_changed' }, 409],
      [{ reason: 'not_a_party', party: { code: '001001' } }, 422],
      [{ reason: 'no_invitation', id: 3 }, 404],
      [{ reason: 'stale', currentVersion: 4 }, 409],
      [{ reason: 'invalid_link' }, 403],
      [{ reason: 'alliance_deleted', id: 5 }, 410],
      [{ reason: 'party_removed' }, 404],
      [{ reason: 'busy' }, 503],
      [{ reason: 'unknown_convenzione_version', version: 9 }, 422],
    ];
    for (const [refusal, status] of cases) {
      const error = httpErrorOf(refusal);
      expect(error.status, refusal.reason).toBe(status);
      expect(error.message, refusal.reason).toMatch(/ \/ /);
    }
    expect(httpErrorOf({ reason: 'stale', currentVersion: 4 }).details).toMatchObject({ currentVersion: 4 });
  });
});
