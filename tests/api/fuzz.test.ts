import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, useTestServer } from '../helpers/test-server';
import { MEMBER_STATUSES } from '../../domain/alliance';
import type { OpenApiDocument } from '../../server/openapi/document';

// Its own database: it changes the service catalogue or counts national totals.
const env = useTestServer({ ownDatabase: true });

/** Any JSON value, including the odd ones: deep nesting, huge numbers, unicode, empty keys. */
const anyJson = fc.jsonValue({ maxDepth: 4 });
/** A value where a field is expected: usually wrong, sometimes right. */
const field = (...right: fc.Arbitrary<unknown>[]) => fc.oneof(anyJson, fc.constant(null), ...right);
const code = fc.oneof(fc.constantFrom('001001', '001004', '039012', '083041', '999999'), fc.string({ maxLength: 8 }));
const polygon = fc.record({
  type: field(fc.constant('Polygon')),
  coordinates: field(fc.array(fc.array(fc.tuple(fc.double({ min: -200, max: 200 }), fc.double({ min: -100, max: 100 })), { maxLength: 12 }), { maxLength: 3 })),
}, { requiredKeys: [] });
const allianceLike = fc.record(
  {
    name: field(fc.string({ maxLength: 300 })),
    description: field(fc.string()),
    status: field(fc.constantFrom('draft', 'published')),
    ruleSet: field(fc.constantFrom('national', 'piemonte', 'nope')),
    members: field(fc.array(fc.record({ code, status: field(fc.constantFrom(...MEMBER_STATUSES)), lead: field(fc.boolean()) }, { requiredKeys: [] }), { maxLength: 6 })),
    partners: field(fc.array(fc.record({ kind: field(fc.constantFrom('unione', 'other')), name: field(fc.string()), role: field(fc.string()) }, { requiredKeys: [] }), { maxLength: 3 })),
    services: field(
      fc.array(
        fc.record(
          {
            code: field(fc.constantFrom('suap', 'ff-e', 'nope')),
            provider: field(fc.record({ kind: field(fc.constantFrom('alliance', 'lead', 'member', 'partner')), ref: field(code) }, { requiredKeys: [] })),
            since: field(fc.constantFrom('2024-01-01', '0000-01-01', '2024-02-30', '9999-12-31')),
            annualCostCents: field(fc.integer(), fc.double()),
            chargedCents: field(fc.integer()),
            equalShare: field(fc.double({ min: -1, max: 2 })),
            recipients: field(fc.array(code, { maxLength: 4 })),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    runningCostCents: field(fc.integer()),
  },
  { requiredKeys: [] },
);
const adhesionLike = fc.record(
  {
    decision: field(fc.constantFrom('adhere', 'decline', 'withdraw')),
    organ: field(fc.constantFrom('consiglio', 'giunta', 'sindaco')),
    actNumber: field(fc.string({ maxLength: 60 })),
    actDate: field(fc.constantFrom('2026-03-01', '2026-02-30', '1899-12-31', '2999-01-01')),
    actUrl: field(fc.constantFrom('https://albo.example.it/1', 'javascript:alert(1)', 'ftp://x', '')),
    note: field(fc.string({ maxLength: 1200 })),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(anyJson, allianceLike, adhesionLike, fc.record({ code: field(code), partner: field(fc.string()) }, { requiredKeys: [] }), fc.record({ polygon, minShare: field(fc.double()) }, { requiredKeys: [] }), fc.record({ members: field(fc.array(code)), entries: field(fc.array(fc.string())), reason: field(fc.string()) }, { requiredKeys: [] }));

async function status(method: string, path: string, payload: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(env.server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('every write endpoint, fed generated bad bodies, answers without a 5xx', () => {
  it('holds for creation, computations, edits and the administrators\' routes', async () => {
    const created = await fetch(`${env.server.url}/api/alliances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bersaglio', members: [{ code: '001001' }] }),
    });
    const target = (await created.json()) as { id: number; editToken: string; invitations: { url: string }[] };
    const edit = { Authorization: `Bearer ${target.editToken}` };
    const member = { Authorization: `Bearer ${target.invitations[0]!.url.split('#invito=')[1]}` };
    const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
    const endpoints: [string, string, Record<string, string>][] = [
      ['POST', '/api/alliances', {}],
      ['POST', '/api/contiguity', {}],
      ['POST', '/api/territories/analyze', {}],
      ['POST', '/api/comuni/within', {}],
      ['POST', '/api/comuni/resolve', {}],
      ['POST', '/api/suggestions', {}],
      ['PATCH', `/api/alliances/${target.id}`, { ...edit, 'If-Match': '"1"' }],
      ['PUT', `/api/alliances/${target.id}/contiguity-exception`, { ...admin, 'If-Match': '"1"' }],
      ['POST', `/api/alliances/${target.id}/members/001001/adhesion`, member],
      ['POST', `/api/alliances/${target.id}/invitations`, edit],
      ['POST', '/api/services', admin],
      ['PATCH', '/api/services/suap', admin],
    ];
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), body, async ([method, path, headers], payload) => {
        const answer = await status(method, path, payload, headers);
        if (answer >= 500) failures.push(`${method} ${path} ${JSON.stringify(payload).slice(0, 300)} → ${answer}`);
        return answer < 500;
      }),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Query and path values an attacker would try: NUL, broken UTF-8 and percent-encoding, huge numbers, crafted cursors. */
const DANGEROUS = [
  '%00', 'a%00b', '%ED%A0%80', '%E0', '%C0%AF', '%', 'WyIxIiwxXQ', 'WyIyMDI0LTAxLTAxVDAwOjAwOjAwLjAwMDAwMFoiLDFlMjBd',
  '1e400', '-1', '2147483648', '99999999999999999999', 'NaN', '2024-02-30', '%27%3B--', '%E2%80%AE', 'a'.repeat(300),
];
const hostileValue = fc.oneof(
  fc.constantFrom(...DANGEROUS, '0', 'Infinity', '0x10', '%F0%9F%98%80', '[]', '%7B%7D', '', '001001', 'comuni', '14', '-180,-90,180,90', '7,45,6,44'),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
);

describe('every GET route, fed hostile query strings and path parameters, answers without a 5xx', () => {
  it('holds for every route of the OpenAPI document', async () => {
    const created = await fetch(`${env.server.url}/api/alliances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bersaglio GET', members: [{ code: '001001' }] }),
    });
    const { id } = (await created.json()) as { id: number };
    const sample: Record<string, string> = { id: String(id), code: '001001', fid: '001001', name: 'x', z: '8', x: '134', y: '91' };
    const doc = (await (await fetch(`${env.server.url}/api/openapi.json`)).json()) as OpenApiDocument;
    const routes = Object.entries(doc.paths)
      .filter(([path, item]) => item.get && path !== '/api/health/memory')
      .map(([path, item]) => {
        const query = (item.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        return { path, params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!), keys: query.length > 0 ? query : ['q'] };
      });
    expect(routes.length).toBeGreaterThan(40);
    const request = fc
      .constantFrom(...routes)
      .chain((route) =>
        fc.record({
          route: fc.constant(route),
          params: fc.tuple(...route.params.map((name) => fc.oneof(fc.constant(name === 'id' && route.path.startsWith('/ogc') ? 'comuni' : (sample[name] ?? 'x')), hostileValue))),
          query: fc.array(fc.tuple(fc.constantFrom(...route.keys, 'cursor'), hostileValue), { maxLength: 4 }),
        }),
      );
    const failures: string[] = [];
    const get = async (url: string) => {
      const response = await fetch(env.server.url + url);
      await response.arrayBuffer();
      if (response.status >= 500) failures.push(`GET ${url} → ${response.status}`);
      return response.status;
    };
    // Every query key of every route, alone, with each of the values most likely to reach SQL unchecked.
    for (const route of routes) {
      let i = 0;
      const path = route.path.replace(/\{\w+\}/g, () => {
        const name = route.params[i++]!;
        return name === 'id' && route.path.startsWith('/ogc') ? 'comuni' : (sample[name] ?? 'x');
      });
      if (/\.(xlsx|csv)$|open-data|feed\.atom|\.pbf$/.test(path)) continue;
      for (const key of new Set([...route.keys, 'cursor'])) {
        for (const value of DANGEROUS) await get(`${path}?${key}=${value}`);
      }
    }
    await fc.assert(
      fc.asyncProperty(request, async ({ route, params, query }) => {
        let i = 0;
        const path = route.path.replace(/\{\w+\}/g, () => params[i++] || 'x');
        const url = `${path}${query.length ? '?' : ''}${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
        const response = await fetch(env.server.url + url);
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`GET ${url} → ${response.status}`);
        return response.status < 500;
      }),
      { numRuns: 120, seed: Number(process.env.FUZZ_SEED ?? 20261207) },
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
