import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { readCsv } from '../helpers/downloads';
import { startTestServer, TEST_ADMIN_TOKEN, useTestServer, type TestServer } from '../helpers/test-server';
import type { Polygon } from 'geojson';
import { comb, star } from '../bench/hostile';
import { comuniWithin } from '../../server/queries/within';
import { prepareDrawnArea } from '../../server/services/drawn-area';

const env = useTestServer();
const AGLIE = '001001';

type Json = Record<string, unknown>;

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, server: TestServer = env.server) {
  const response = await fetch(server.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: (text.startsWith('{') ? JSON.parse(text) : null) as Json };
}

async function neighboursOf(code: string): Promise<string[]> {
  return ((await (await env.server.get(`/api/comuni/${code}`)).json()) as { neighbours: string[] }).neighbours;
}

async function createAlliance(extra: Json = {}) {
  const members = [AGLIE, ...(await neighboursOf(AGLIE)).slice(0, 2)];
  const created = await send('POST', '/api/alliances', {
    name: 'ALI di prova',
    members: members.map((code, i) => ({ code, lead: i === 0 })),
    ...extra,
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as number;
  const token = created.json.editToken as string;
  return { id, token, members, edit: (version: number | string) => ({ Authorization: `Bearer ${token}`, 'If-Match': `"${version}"` }) };
}

const errorCode = (r: { json: Json }) => (r.json.error as { code: string } | undefined)?.code;

describe('bad input gets a 4xx with a message, never a 500', () => {
  it('refuses a lone UTF-16 surrogate in any text field or query', async () => {
    const body = `{"name":"ALI \\ud800 rotta","members":[{"code":"${AGLIE}"}]}`;
    const r = await send('POST', '/api/alliances', body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('"name"') });
    const q = await send('GET', `/api/alliances?q=${encodeURIComponent('a')}%ED%A0%80`);
    expect(q.status).toBeLessThan(500);
    const partner = `{"name":"ok","members":[{"code":"${AGLIE}"}],"partners":[{"kind":"other","name":"x\\udc00"}]}`;
    expect((await send('POST', '/api/alliances', partner)).status).toBe(400);
  });

  it('refuses impossible dates, an empty ring and a polygon without rings', async () => {
    const service = (since: string) => ({ code: 'suap', provider: { kind: 'alliance' }, since, annualCostCents: 100, equalShare: 1 });
    for (const since of ['0000-01-01', '1899-12-31', '2024-02-30']) {
      const r = await send('POST', '/api/alliances', { name: 'x', members: [{ code: AGLIE }], services: [service(since)] });
      expect(r.status, since).toBe(400);
    }
    for (const coordinates of [[[]], [], [[[7, 45]]]]) {
      const r = await send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates } });
      expect(r.status, JSON.stringify(coordinates)).toBe(400);
      expect(errorCode(r)).toBe('bad_request');
    }
  });

  it('answers a very long URL with the JSON error shape', async () => {
    const long = await send('GET', `/api/comuni?q=${'a'.repeat(20_000)}`);
    expect(long.status).toBe(414);
    expect(errorCode(long)).toBe('uri_too_long');
    const huge = await send('GET', `/api/comuni?q=${'a'.repeat(40_000)}`);
    expect(huge.status).toBe(431);
    expect(errorCode(huge)).toBe('headers_too_large');
  });

  it('refuses charging more than a service costs, repeated recipients and repeated partner names', async () => {
    const members = [AGLIE, ...(await neighboursOf(AGLIE)).slice(0, 2)];
    const base = { name: 'ALI 422', members: members.map((code, i) => ({ code, lead: i === 0 })) };
    const over = await send('POST', '/api/alliances', {
      ...base,
      services: [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 1000, chargedCents: 1001, equalShare: 1 }],
    });
    expect(over.status).toBe(422);
    expect(over.text).toContain('più del costo');
    const twice = await send('POST', '/api/alliances', {
      ...base,
      services: [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 1000, equalShare: 1, recipients: [AGLIE, AGLIE] }],
    });
    expect(twice.status).toBe(422);
    expect(twice.text).toContain(`destinatari ripetuti / recipients listed twice: ${AGLIE}`);
    const partners = await send('POST', '/api/alliances', {
      ...base,
      partners: [{ kind: 'unione', name: 'Unione X' }, { kind: 'other', name: 'unione x' }],
    });
    expect(partners.status).toBe(422);
    expect(partners.text).toContain('Partecipante ripetuto');
  });

  it("says what is wrong in Italian, then English, where a schema has no words of its own", async () => {
    const details = async (method: string, path: string, body?: unknown) => {
      const r = await send(method, path, body);
      expect(r.status).toBe(400);
      return (r.json as { error: { details: { path: string; message: string }[] } }).error.details;
    };
    expect(await details('GET', '/api/alliances?q=a&q=b')).toEqual([{ path: 'q', message: 'Input non valido: atteso string, ricevuto vettore / Invalid input: expected string, received array' }]);
    const wrongTypes = await details('POST', '/api/alliances', { name: 42, members: 'Agliè' });
    expect(wrongTypes.length).toBeGreaterThan(0);
    for (const d of wrongTypes) expect(d.message).toMatch(/^\S.* \/ [A-Z].+$/);
    // A schema's own message stays as it is written.
    expect(await details('GET', '/api/alliances?limit=100000')).toEqual([{ path: 'limit', message: 'al massimo 500 per pagina / at most 500 per page' }]);
  });

  it('answers malformed If-Match, ids and a disabled administration clearly', async () => {
    const a = await createAlliance();
    expect((await send('PATCH', `/api/alliances/${a.id}`, { name: 'y' }, { ...a.edit(1), 'If-Match': 'abc' })).status).toBe(400);
    expect((await send('GET', '/api/alliances/abc')).status).toBe(400);
    const db = await openTestDatabase();
    const noAdmin = await startTestServer(db.db, undefined, { adminToken: undefined });
    try {
      const r = await send('POST', '/api/services', { code: 'x-y', name: { it: 'x', en: 'x' } }, { Authorization: 'Bearer whatever-token-123' }, noAdmin);
      expect(r.status).toBe(403);
      expect(r.text).toContain('ADMIN_TOKEN');
    } finally {
      await noAdmin.close();
      await db.dispose();
    }
  });
});

describe('the inputs that answered 500 answer 400 with the reason (issue 23)', () => {
  const JSON_ROUTES = ['/api/contiguity', '/api/alliances', '/api/comuni/within', '/api/comuni/resolve', '/api/suggestions', '/api/territories/analyze'];

  it('refuses JSON nested deeper than 32 levels on every JSON route, before parsing it', async () => {
    const arrays = '['.repeat(3600) + ']'.repeat(3600);
    const objects = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const path of JSON_ROUTES) {
      for (const body of [arrays, objects]) {
        const r = await send('POST', path, body);
        expect(r.status, path).toBe(400);
        expect(r.json.error, path).toMatchObject({ code: 'bad_request', message: expect.stringContaining('annidato oltre 32 livelli / JSON nested deeper than 32 levels') });
      }
    }
    // Brackets inside strings are text, not nesting; 32 levels still parse (and get the route's own answer).
    const inString = await send('POST', '/api/comuni/resolve', { entries: ['['.repeat(150)] });
    expect(inString.status).toBe(200);
    const deepest = await send('POST', '/api/contiguity', '['.repeat(32) + ']'.repeat(32));
    expect(deepest.status).toBe(400);
    expect(deepest.text).not.toContain('annidato');
    // Compressed, the same.
    const gzipped = await fetch(env.server.url + '/api/contiguity', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(arrays),
    });
    expect(gzipped.status).toBe(400);
    expect(await gzipped.text()).toContain('annidato');
  });

  it('refuses a crafted list cursor whatever it holds, and still follows a real one', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const crafted = [
      'WyIxIiwxXQ', // ["1",1]
      cursor(['2024-02-30T00:00:00.000000Z', 1]),
      cursor(['2024-01-01T25:00:00.000000Z', 1]),
      cursor(['294277-01-01T00:00:00.000000Z', 1]),
      cursor(['0000-01-01T00:00:00.000000Z', 1]),
      cursor(['infinity', 1]),
      cursor(['2024-01-01', 1]),
      cursor(['2024-01-01T00:00:00.000000Z', 1e20]),
      cursor(['2024-01-01T00:00:00.000000Z', -1]),
      cursor(['2024-01-01T00:00:00.000000Z', 1, 2]),
      cursor({ updatedAt: '2024-01-01T00:00:00.000000Z', id: 1 }),
      'not base64 at all!',
    ];
    for (const c of crafted) {
      const r = await send('GET', `/api/alliances?cursor=${encodeURIComponent(c)}`);
      expect(r.status, c).toBe(400);
      expect(r.text, c).toContain('cursore non valido');
    }
    // The list holds published alliances (drafts are unlisted): Agliè and all its neighbours may be published.
    const members = [AGLIE, ...(await neighboursOf(AGLIE))].map((code, i) => ({ code, lead: i === 0 }));
    for (let i = 0; i < 2; i++) expect((await send('POST', '/api/alliances', { name: `ALI elencata ${i}`, status: 'published', members })).status).toBe(201);
    const first = await send('GET', '/api/alliances?limit=1');
    const next = first.json.nextCursor as string;
    expect(next).toBeTruthy();
    const second = await send('GET', `/api/alliances?limit=1&cursor=${next}`);
    expect(second.status).toBe(200);
    expect((second.json.alliances as { id: number }[])[0]!.id).not.toBe((first.json.alliances as { id: number }[])[0]!.id);
  });

  it('refuses a NUL in any query, body or path before it reaches the database', async () => {
    for (const path of [
      '/ogc/collections/comuni/items?province=%00',
      '/ogc/collections/comuni/items?name=a%00b',
      '/api/alliances?q=%00',
      '/api/comuni?q=Agli%00',
      '/api/coverage?service=%00',
      '/api/comuni/%00',
      '/ogc/collections/%00/items',
    ]) {
      const r = await send('GET', path);
      expect(r.status, path).toBe(400);
      expect(r.json.error, path).toMatchObject({ code: 'bad_request', message: expect.stringContaining('NUL') });
    }
    const body = await send('POST', '/api/comuni/resolve', '{"entries":["Agli\\u0000"]}');
    expect(body.status).toBe(400);
    expect(body.json.error).toMatchObject({ message: expect.stringContaining('"entries.0"') });
  });
});

describe('smaller holes (issue 23, item 6)', () => {
  it('keeps the caches when a write is refused: an unknown path, a bad body, a missing alliance', async () => {
    const revision = env.server.ctx.alliancesRevision;
    const before = revision.current();
    expect((await send('POST', '/api/no-such-thing', {})).status).toBe(404);
    expect((await send('DELETE', '/api/alliances/999999', undefined, { Authorization: 'Bearer x', 'If-Match': '"1"' })).status).toBe(404);
    expect((await send('POST', '/api/alliances', { name: '' })).status).toBe(400);
    expect(revision.current()).toBe(before);
    await createAlliance();
    expect(revision.current()).toBeGreaterThan(before);
  });

  it('refuses unknown keys inside members[] as at the top level', async () => {
    const r = await send('POST', '/api/alliances', { name: 'ALI', members: [{ code: AGLIE, lead: true, satus: 'adhered' }] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json.error)).toContain('satus');
  });

  it('refuses text-direction overrides in names and descriptions', async () => {
    for (const name of ['ALI \u202Eonul', 'ALI \u2067uno\u2069']) {
      const r = await send('POST', '/api/alliances', { name, members: [{ code: AGLIE }] });
      expect(r.status, name).toBe(400);
      expect(r.text).toContain('direzione del testo');
    }
    const a = await createAlliance();
    const r = await send('PATCH', `/api/alliances/${a.id}`, { description: 'a\u202Db' }, a.edit(1));
    expect(r.status).toBe(400);
  });

  it('refuses invisible characters in names and descriptions, and keeps the joiners emoji need', async () => {
    for (const name of ['ALI\u200B Uno', '\u200B', 'ALI \uFEFFUno', 'ALI\u2060Uno', 'ALI \u200FUno']) {
      const r = await send('POST', '/api/alliances', { name, members: [{ code: AGLIE }] });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.text).toContain('caratteri invisibili non ammessi');
      expect(r.text).toContain('invisible characters are not allowed');
    }
    const a = await createAlliance();
    expect((await send('PATCH', `/api/alliances/${a.id}`, { description: 'a\u200Bb' }, a.edit(1))).status).toBe(400);
    // A family emoji is joined by U+200D: still a description.
    expect((await send('PATCH', `/api/alliances/${a.id}`, { description: 'Per le famiglie \u{1F468}\u200D\u{1F469}\u200D\u{1F467}' }, a.edit(1))).status).toBe(200);
  });

  it('answers what the router and the body parser refuse in Italian and English, echoing no header', async () => {
    const bilingual = /^\S.* \/ [A-Z].+$/;
    const param = await send('GET', '/api/alliances/%E0');
    expect(param.status).toBe(400);
    expect((param.json.error as { message: string }).message).toMatch(bilingual);
    expect(param.text).not.toContain('Failed to decode');
    for (const encoding of ['br', 'gzip', 'deflate']) {
      const r = await send('POST', '/api/contiguity', 'garbage, not compressed', { 'content-encoding': encoding });
      expect(r.status, encoding).toBe(400);
      expect((r.json.error as { message: string }).message, encoding).toMatch(bilingual);
      expect(r.text).not.toMatch(/Decompression failed|incorrect header/);
    }
    const encoding = await send('POST', '/api/contiguity', '{}', { 'content-encoding': 'x-evil-<b>' });
    expect(encoding.status).toBe(415);
    expect((encoding.json.error as { message: string }).message).toMatch(bilingual);
    expect(encoding.text).not.toContain('evil');
    const charset = await send('POST', '/api/contiguity', '{}', { 'content-type': 'application/json; charset=x-evil-charset' });
    expect(charset.status).toBe(415);
    expect((charset.json.error as { message: string }).message).toMatch(bilingual);
    expect(charset.text.toLowerCase()).not.toContain('evil');
    const a = await createAlliance();
    const ifMatch = await send('PATCH', `/api/alliances/${a.id}`, { name: 'y' }, { ...a.edit(1), 'If-Match': 'x-evil-<b>' });
    expect(ifMatch.status).toBe(400);
    expect((ifMatch.json.error as { message: string }).message).toMatch(bilingual);
    expect(ifMatch.text).not.toContain('evil');
  });

  it('says "degraded" in /api/health while writes fail because the disk is full, "ok" again once one succeeds', async () => {
    const own = await openTestDatabase();
    const server = await startTestServer(own.db);
    try {
      const health = async () => (await send('GET', '/api/health', undefined, {}, server)).json;
      expect(await health()).toMatchObject({ status: 'ok' });
      // The database refuses the write as PostgreSQL does when it cannot extend a file (53100 disk_full).
      await own.db.knex.raw(`CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
      await own.db.knex.raw(`CREATE TRIGGER test_disk_full BEFORE INSERT ON alliances FOR EACH ROW EXECUTE FUNCTION test_disk_full()`);
      const refused = await send('POST', '/api/alliances', { name: 'ALI senza spazio', members: [{ code: AGLIE }] }, {}, server);
      expect(refused.status).toBe(503);
      const degraded = await health();
      expect(degraded).toMatchObject({ status: 'degraded', writes: { code: '53100', message: expect.stringContaining('disco pieno') } });
      await own.db.knex.raw(`DROP TRIGGER test_disk_full ON alliances`);
      const saved = await send('POST', '/api/alliances', { name: 'ALI con spazio', members: [{ code: AGLIE }] }, {}, server);
      expect(saved.status).toBe(201);
      expect(await health()).toMatchObject({ status: 'ok' });
      expect((await health()).writes).toBeUndefined();
    } finally {
      await server.close();
      await own.dispose();
    }
  });

  it('takes If-Match: * as any version, and a list of versions (RFC 9110)', async () => {
    const a = await createAlliance();
    const any = await send('PATCH', `/api/alliances/${a.id}`, { name: 'Qualsiasi versione' }, { ...a.edit(1), 'If-Match': '*' });
    expect(any.status, any.text).toBe(200);
    expect(any.json.version).toBe(2);
    const list = await send('PATCH', `/api/alliances/${a.id}`, { name: 'Da una lista' }, { ...a.edit(1), 'If-Match': '"1", "2"' });
    expect(list.status, list.text).toBe(200);
    const stale = await send('PATCH', `/api/alliances/${a.id}`, { name: 'Vecchia' }, { ...a.edit(1), 'If-Match': '"1", "2"' });
    expect(stale.status).toBe(409);
    const gone = await send('DELETE', `/api/alliances/${a.id}`, undefined, { ...a.edit(1), 'If-Match': '*' });
    expect(gone.status).toBe(204);
  });
});

describe('every write is a read-modify-write at its version', () => {
  it('gives exactly one 200 and one 409 to two PATCHes on the same version', async () => {
    const a = await createAlliance();
    const results = await Promise.all([
      send('PATCH', `/api/alliances/${a.id}`, { name: 'Prima' }, a.edit(1)),
      send('PATCH', `/api/alliances/${a.id}`, { name: 'Seconda' }, a.edit(1)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stale = await send('DELETE', `/api/alliances/${a.id}`, undefined, a.edit(1));
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
  });

  it('makes no version and no history entry for a change that changes nothing', async () => {
    const a = await createAlliance();
    for (const change of [{}, { name: 'ALI di prova' }, { members: [...a.members].reverse().map((code, i, all) => ({ code, lead: i === all.length - 1 })) }]) {
      const r = await send('PATCH', `/api/alliances/${a.id}`, change, a.edit(1));
      expect(r.status, JSON.stringify(change)).toBe(200);
      expect(r.json.version).toBe(1);
      expect(r.headers.get('etag')).toBe('"1"');
    }
    const stored = await send('GET', `/api/alliances/${a.id}`);
    expect((stored.json.history as unknown[]).length).toBe(1);
    expect((await send('PATCH', `/api/alliances/${a.id}`, { name: 'Nuovo nome' }, a.edit(1))).json.version).toBe(2);
  });

  it('stores only the SHA-256 of the edit token, and no answer carries it', async () => {
    const a = await createAlliance();
    const rows = await env.database.db.knex.raw<{ rows: { h: string }[] }>(`SELECT edit_token_hash AS h FROM alliances WHERE id = ?`, [a.id]);
    const hash = rows.rows[0]!.h;
    expect(hash).toBe(createHash('sha256').update(a.token).digest('hex'));
    for (const path of [`/api/alliances`, `/api/alliances/${a.id}`, '/api/alliances.geojson', `/api/alliances/${a.id}/fees`, `/api/alliances/${a.id}/export.csv`, `/api/alliances/${a.id}/export.geojson`, `/api/alliances/${a.id}/fees.csv`]) {
      const r = await send('GET', path);
      expect(r.status, path).toBe(200);
      expect(r.text.includes(hash), path).toBe(false);
      expect(r.text.includes(a.token), path).toBe(false);
    }
  });
});

describe('CSV exports neutralise formulas', () => {
  it('writes a name that starts like a formula as text in the member export and the fee table', async () => {
    const evil = '=HYPERLINK("http://evil.example","clic")';
    const a = await createAlliance({
      name: evil,
      services: [{ code: 'suap', provider: { kind: 'alliance' }, annualCostCents: 100_000, equalShare: 1 }],
    });
    const members = await (await env.server.get(`/api/alliances/${a.id}/export.csv`)).text();
    expect(members).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(readCsv(members).every((r) => r.alliance_name === `'${evil}`)).toBe(true);
    // No field starts a formula, quoted or not.
    const formula = /(^|,)"?[=+@]/m;
    expect(members).not.toMatch(formula);
    const fees = await (await env.server.get(`/api/alliances/${a.id}/fees.csv`)).text();
    expect(readCsv(fees)[0]!.istat_code).toBe('001001');
    expect(fees).not.toMatch(formula);
    const coverage = await (await env.server.get('/api/coverage.csv?service=suap&level=province')).text();
    expect(coverage).not.toMatch(formula);
  });
});

describe('the lasso cannot keep the database busy', () => {
  /** A self-crossing zigzag of n vertices across Piemonte (the attack of issue #10). */
  const zigzag = (n: number): [number, number][] => {
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([7 + (i % 2 ? 0.5 : 0) + i * 0.0005, 45 + i * 0.001]);
    ring.push(ring[0]!);
    return ring;
  };

  it('refuses a zigzag quickly with the reason, while health keeps answering', async () => {
    const started = performance.now();
    const attacks = Promise.all([1_000, 1_000, 4_000, 4_000].map((n) => send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [zigzag(n)] } })));
    const health = await send('GET', '/api/health');
    expect(health.status).toBe(200);
    for (const r of await attacks) {
      expect(r.status).toBe(422);
      expect(r.text).toMatch(/si incrocia più di \d+ volte|troppo dettagliato|troppo complesso/);
    }
    // Generous on a busy 2-core machine; before the fix one such request took 14–20 s.
    expect(performance.now() - started).toBeLessThan(10_000);
    const tooMany = await send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [zigzag(6_000)] } });
    expect(tooMany.status).toBe(400);
  });

  it('refuses a comb across Italy before any SQL, with the cost as the reason, while health answers', async () => {
    const body = { polygon: { type: 'Polygon', coordinates: [comb()] } };
    const combs = Promise.all([1, 2, 3].map(() => send('POST', '/api/comuni/within', body)));
    expect((await send('GET', '/api/health')).status).toBe(200);
    for (const r of await combs) {
      expect(r.status).toBe(422);
      expect(r.text).toContain('Disegno troppo costoso da intersecare con i Comuni');
      expect(r.text).toContain('999 vertici');
    }
  });

  it('refuses star polygons for their crossings, counted no further than the limit', async () => {
    const stars = await Promise.all(Array.from({ length: 10 }, () => send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [star()] } })));
    for (const r of stars) {
      expect(r.status).toBe(422);
      expect(r.text).toContain('si incrocia più di 20 volte');
    }
  });

  it('still takes a large lasso of a few hundred vertices: Piemonte as the query itself answers, most of Italy', async () => {
    const ellipse = (cx: number, cy: number, rx: number, ry: number, n: number): [number, number][] => {
      const ring: [number, number][] = [];
      for (let i = 0; i < n; i++) ring.push([cx + rx * Math.cos((2 * Math.PI * i) / n), cy + ry * Math.sin((2 * Math.PI * i) / n)]);
      return [...ring, ring[0]!];
    };
    const piemonte: Polygon = { type: 'Polygon', coordinates: [ellipse(7.9, 45, 1.2, 0.9, 400)] };
    const r = await send('POST', '/api/comuni/within', { polygon: piemonte });
    expect(r.status).toBe(200);
    expect(r.json).toEqual(await comuniWithin(env.server.ctx.db, prepareDrawnArea(piemonte), 0.5, 0.5));
    expect((r.json.codes as string[]).length).toBeGreaterThan(1_000);
    const italy = await send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [ellipse(12.5, 42, 6, 5, 300)] } });
    expect(italy.status).toBe(200);
    expect((italy.json.codes as string[]).length).toBeGreaterThan(7_000);
  });

  it('still takes a hand-drawn lasso that crosses itself a few times', async () => {
    const bowtie: [number, number][] = [[7.2, 45.6], [7.5, 45.8], [7.5, 45.6], [7.2, 45.8], [7.2, 45.6]];
    const r = await send('POST', '/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [bowtie] }, minShare: 0.0001 });
    expect(r.status).toBe(200);
    expect((r.json.codes as string[]).every((c) => c.startsWith('007'))).toBe(true);
  });
});

describe('limits, proxies and an absent database', () => {
  let db: TestDatabase;
  let limited: TestServer;
  beforeAll(async () => {
    db = await openTestDatabase();
    limited = await startTestServer(db.db, undefined, {
      rateLimits: { read: 1_000, computeMs: 1_000_000, computeAtOnce: 4, write: 2, adminFailures: 2 },
      trustProxy: 1,
    });
  });
  afterAll(async () => {
    await limited?.close();
    await db?.dispose();
  });

  it('limits writes per address with standard RateLimit headers, and refused admin attempts harder', async () => {
    const body = { name: 'ALI limitata', members: [{ code: AGLIE }] };
    const first = await send('POST', '/api/alliances', body, {}, limited);
    expect(first.status).toBe(201);
    expect(first.headers.get('ratelimit-policy')).toMatch(/q=2/);
    expect(first.headers.get('ratelimit')).toMatch(/r=1/);
    expect((await send('POST', '/api/alliances', body, {}, limited)).status).toBe(201);
    const third = await send('POST', '/api/alliances', body, {}, limited);
    expect(third.status).toBe(429);
    expect(errorCode(third)).toBe('too_many_requests');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address (through the trusted proxy) is not affected; reads are not either.
    expect((await send('POST', '/api/alliances', body, { 'X-Forwarded-For': '203.0.113.9' }, limited)).status).toBe(201);
    expect((await send('GET', '/api/health', undefined, {}, limited)).status).toBe(200);

    const guess = () => send('POST', '/api/services', { code: 'x-y' }, { Authorization: 'Bearer wrong-token-guessed-000', 'X-Forwarded-For': '198.51.100.7' }, limited);
    expect((await guess()).status).toBe(403);
    expect((await guess()).status).toBe(403);
    expect((await guess()).status).toBe(429);
  });

  it('counts refused tokens however the path is spelled, and never refuses the right token', async () => {
    const from = (address: string, token: string) => ({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': address });
    const guesser = '198.51.100.21';
    // Two wrong administrator's tokens through spellings Express routes as /api/health/memory.
    const first = await send('GET', '/API/health/memory', undefined, from(guesser, 'wrong-token-guessed-001'), limited);
    expect(first.status, first.text).toBe(403);
    expect((await send('GET', '/api/Health/Memory/', undefined, from(guesser, 'wrong-token-guessed-002'), limited)).status).toBe(403);
    const third = await send('GET', '/api/HEALTH/memory', undefined, from(guesser, 'wrong-token-guessed-003'), limited);
    expect(third.status).toBe(429);
    expect(third.text).toContain('Troppi tentativi respinti');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right token from the same address is served all the same.
    expect((await send('GET', '/api/health/memory', undefined, from(guesser, TEST_ADMIN_TOKEN), limited)).status).toBe(200);
    // And its actions are not held to the founders' 2 saves a minute of this server.
    for (const code of ['lim-a', 'lim-b', 'lim-c']) {
      const r = await send('POST', '/api/services', { code, name: { it: code, en: code } }, from(guesser, TEST_ADMIN_TOKEN), limited);
      expect(r.status, r.text).toBe(201);
    }

    // An edit link's token guessed through the invitations, with a trailing slash.
    const created = await send('POST', '/api/alliances', { name: 'ALI con inviti', members: [{ code: AGLIE }] }, { 'X-Forwarded-For': '203.0.113.50' }, limited);
    expect(created.status).toBe(201);
    const { id, editToken } = created.json as { id: number; editToken: string };
    const other = '198.51.100.22';
    expect((await send('GET', `/api/alliances/${id}/invitations/`, undefined, from(other, 'wrong-token-guessed-004'), limited)).status).toBe(403);
    expect((await send('GET', `/API/ALLIANCES/${id}/INVITATIONS`, undefined, from(other, 'wrong-token-guessed-005'), limited)).status).toBe(403);
    expect((await send('GET', `/api/alliances/${id}/invitations/`, undefined, from(other, 'wrong-token-guessed-006'), limited)).status).toBe(429);
    expect((await send('GET', `/api/alliances/${id}/invitations`, undefined, from(other, editToken), limited)).status).toBe(200);
  });

  it('lets one address run at most 4 computations at once', async () => {
    const ring: [number, number][] = [];
    for (let i = 0; i < 300; i++) ring.push([7.9 + 1.2 * Math.cos((2 * Math.PI * i) / 300), 45 + 0.9 * Math.sin((2 * Math.PI * i) / 300)]);
    const lasso = { polygon: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
    const answers = await Promise.all(Array.from({ length: 8 }, () => send('POST', '/api/comuni/within', lasso, { 'X-Forwarded-For': '198.51.100.40' }, limited)));
    const statuses = answers.map((r) => r.status);
    // Eight sent at once with a budget of time no one reaches: only the at-once limit can refuse some.
    // How many are admitted depends on how many end before the last arrive (a busy machine spreads the
    // arrivals: one run saw 5 admitted, one having ended before the eighth came), so the count is not asserted.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(answers.find((r) => r.status === 429)?.text).toContain('Troppi calcoli');
  });

  it('counts a request whose path cannot be decoded like any other', async () => {
    const strict = await startTestServer(db.db, undefined, { rateLimits: { read: 2, computeMs: 1_000_000, computeAtOnce: 1_000, write: 1_000, adminFailures: 1_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send('GET', '/api/alliances/%E0%A4%A/history', undefined, {}, strict)).status);
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await strict.close();
    }
  });

  it('charges heavy downloads and computations by the time they take, however the path is spelled', async () => {
    // A budget of 1 ms a minute: the first computation is admitted, and takes more than that.
    const heavy = await startTestServer(db.db, undefined, { rateLimits: { read: 1_000, computeMs: 1, computeAtOnce: 1_000, write: 1_000, adminFailures: 1_000 } });
    try {
      expect((await send('GET', '/api/open-data/members.csv', undefined, {}, heavy)).status).toBe(200);
      for (const path of ['/API/OPEN-DATA/members.csv', '/api/open-data/members.csv/', '/api/alliances/1/history/', '/API/FEED.ATOM']) {
        const r = await send('GET', path, undefined, {}, heavy);
        expect(r.status, path).toBe(429);
        expect(r.text).toContain('Troppi calcoli');
      }
      expect((await send('POST', '/API/Contiguity/', { members: [AGLIE] }, {}, heavy)).status).toBe(429);
      // OGC items pay by the feature in their own budget (tests/api/ogc-service.test.ts), in every spelling;
      // the catalogue, the landing page and health stay light reads.
      for (const path of ['/ogc/collections/comuni/items?limit=1', '/OGC/collections/comuni/items?limit=1', '/ogc/collections/comuni/items/?limit=1']) {
        expect((await send('GET', path, undefined, {}, heavy)).status, path).toBe(200);
      }
      expect((await send('GET', '/ogc', undefined, {}, heavy)).status).toBe(200);
      expect((await send('GET', '/api/open-data/catalog.jsonld', undefined, {}, heavy)).status).toBe(200);
      expect((await send('GET', '/API/open-data/catalog.jsonld/', undefined, {}, heavy)).status).toBe(200);
      expect((await send('GET', '/api/health', undefined, {}, heavy)).status).toBe(200);
    } finally {
      await heavy.close();
    }
    // With a budget of seconds, many quick computations pass: it is time that counts, not requests.
    const generous = await startTestServer(db.db, undefined, { rateLimits: { read: 1_000, computeMs: 60_000, computeAtOnce: 1_000, write: 1_000, adminFailures: 1_000 } });
    try {
      for (let i = 0; i < 400; i++) expect((await send('POST', '/api/comuni/resolve', { entries: [AGLIE] }, {}, generous)).status).toBe(200);
    } finally {
      await generous.close();
    }
  });

  it('never reflects the Host header in TileJSON, and sends HSTS only over HTTPS', async () => {
    const r = await send('GET', '/tiles/comuni.json', undefined, { Host: 'evil.example' }, limited);
    expect((r.json.tiles as string[])[0]).toMatch(/^\/tiles\/comuni\/\{z\}\/\{x\}\/\{y\}\.pbf\?v=\d+$/);
    expect(r.headers.get('strict-transport-security')).toBeNull();
    const https = await send('GET', '/api/health', undefined, { 'X-Forwarded-Proto': 'https' }, limited);
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});

describe('an absent database', () => {
  // This test closes its database: it has its own copy and server.
  let db: TestDatabase;
  let away: TestServer;
  beforeAll(async () => {
    db = await openTestDatabase();
    away = await startTestServer(db.db);
  });
  afterAll(async () => {
    await away?.close();
    await db?.dispose();
  });

  it('answers 503 with Retry-After when the database is away, and keeps serving cached tiles', async () => {
    const tile = '/tiles/comuni/6/34/23.pbf';
    expect((await send('GET', tile, undefined, {}, away)).status).toBe(200);
    await db.db.close();
    const health = await send('GET', '/api/health', undefined, {}, away);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    const search = await send('GET', '/api/comuni?q=Lugo', undefined, {}, away);
    expect(search.status).toBe(503);
    expect(errorCode(search)).toBe('unavailable');
    expect((await send('GET', tile, undefined, {}, away)).status).toBe(200);
  });
});
