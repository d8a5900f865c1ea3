import type { AtlasTable } from '../../domain/atlas-table';
import { smallOutsideUnioniRows } from '../../domain/area-summary';
import { tileAt } from '../../server/tiles/tile-coords';
import { describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { foldName } from '../../domain/text';
import { TEST_ADMIN_TOKEN, useTestServer } from '../helpers/test-server';

const env = useTestServer();

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe('GET /api/health', () => {
  it('reports the engine under test, all Comuni and the data version', async () => {
    const response = await env.server.get('/api/health');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ status: 'ok', engine: inject('engine'), comuni: 7899 });
    expect(body.dataVersion).toBeGreaterThan(0);
  });

  it('answers while the database is held, from its last check, instead of waiting behind it (issue 23)', async () => {
    expect((await env.server.get('/api/health')).status).toBe(200); // a check has come back
    // A transaction that locks the Comuni: health's count waits behind it on both engines (and on the
    // embedded one, every query does: it holds the only connection).
    const held = await env.database.db.knex.transaction();
    try {
      await held.raw('LOCK TABLE comuni IN ACCESS EXCLUSIVE MODE');
      // Only guards against a hang (the old handler waited for the lock): no time is asserted.
      const response = await env.server.get('/api/health', { signal: AbortSignal.timeout(15_000) });
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body).toMatchObject({ status: 'ok', comuni: 7899 });
      expect(Date.parse(String(body.checkedAt))).toBeLessThanOrEqual(Date.now());
    } finally {
      await held.rollback();
    }
  });

  it('tells administrators, and only them, where the memory goes', async () => {
    expect((await env.server.get('/api/health/memory')).status).toBe(401);
    expect((await env.server.get('/api/health/memory', { headers: { Authorization: 'Bearer not-the-admin-token-000' } })).status).toBe(403);
    await (await env.server.get('/tiles/comuni/10/547/380.pbf')).arrayBuffer();
    const rome = tileAt(12.48, 41.89, 14);
    await (await env.server.get(`/tiles/comuni/14/${rome.x}/${rome.y}.pbf`)).arrayBuffer();
    const response = await env.server.get('/api/health/memory', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = (await response.json()) as { rssMb: number; heapUsedMb: number; heapTotalMb: number; heapLimitMb: number; pglite?: { wasmMb: number; heapMb: number }; tiles: { budgetBytes: number; encoded: { tiles: number; bytes: number }; cut: { tiles: number; bytes: number }; indexBytes: number } };
    expect(report.heapUsedMb).toBeGreaterThan(0);
    expect(report.heapTotalMb).toBeGreaterThanOrEqual(report.heapUsedMb);
    expect(report.rssMb).toBeGreaterThan(report.heapUsedMb);
    expect(report.heapLimitMb).toBeGreaterThan(report.heapTotalMb);
    expect(report.tiles.encoded.tiles).toBeGreaterThanOrEqual(1);
    expect(report.tiles.encoded.bytes).toBeGreaterThan(100);
    expect(report.tiles.cut.tiles).toBeGreaterThanOrEqual(1); // the z11 tile above the z14 one, kept to cut its neighbours
    expect(report.tiles.encoded.bytes + report.tiles.cut.bytes).toBeLessThanOrEqual(report.tiles.budgetBytes);
    expect(report.tiles.indexBytes).toBeGreaterThan(1e6);
    if (inject('engine') === 'pglite') {
      // PGlite's WebAssembly memory starts at 128 MB and holds its shared buffers.
      expect(report.pglite!.wasmMb).toBeGreaterThanOrEqual(128);
      expect(report.pglite!.heapMb).toBeGreaterThan(0);
    } else {
      expect(report.pglite).toBeUndefined();
    }
  });

  it('sends security headers with a same-origin Content-Security-Policy', async () => {
    const response = await env.server.get('/api/health');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GET /api/comuni/:code', () => {
  it('describes Roma with its figures, neighbours and associations', async () => {
    const response = await env.server.get('/api/comuni/058091');
    expect(response.status).toBe(200);
    const roma = await json(response);
    expect(roma).toMatchObject({
      code: '058091',
      name: 'Roma',
      cadastralCode: 'H501',
      province: { code: '058', name: 'Roma', acronym: 'RM' },
      region: { code: '12', name: 'Lazio' },
      population: 2770226,
      populationYear: 2020,
      small: false,
      innerAreaClass: 'A',
    });
    expect(roma.areaKm2).toBeCloseTo(1287.39, 1);
    expect(roma.densityPerKm2).toBeCloseTo(2151.8, 0);
    expect(roma.neighbours).toContain('058003'); // Anguillara Sabazia
    expect(roma.neighbours).not.toContain('058091');
    expect(roma.associations).toContainEqual(expect.objectContaining({ kind: 'sll', name: 'Roma' }));
  });

  it('keeps leading zeros and marks small Comuni', async () => {
    const agliè = await json(await env.server.get('/api/comuni/001001'));
    expect(agliè).toMatchObject({ code: '001001', name: 'Agliè', population: 2545, small: true });
  });

  it('answers Misiliscemi, created after the census, without a population', async () => {
    const body = await json(await env.server.get('/api/comuni/081025'));
    expect(body).toMatchObject({ name: 'Misiliscemi', population: null, small: false });
  });

  it('gives 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await env.server.get('/api/comuni/999999');
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('999999') } });
    const malformed = await env.server.get('/api/comuni/58091');
    expect(malformed.status).toBe(400);
    expect(await json(malformed)).toMatchObject({ error: { code: 'bad_request' } });
  });
});

describe('GET /api/comuni?q=', () => {
  const names = async (query: string) => {
    const response = await env.server.get(`/api/comuni?${new URLSearchParams(query)}`);
    expect(response.status).toBe(200);
    return ((await json(response)).results as { name: string; code: string }[]);
  };

  it('ignores accents and case, exact match first', async () => {
    const hits = await names('q=FORLI');
    expect(hits[0]?.name).toBe('Forlì');
    expect(hits.map((h) => h.name)).toContain('Forlimpopoli');
  });

  it('matches apostrophes as spaces', async () => {
    const hits = await names('q=sant agata&limit=50');
    expect(hits.length).toBeGreaterThan(5);
    expect(hits.every((h) => foldName(h.name).includes('sant agata'))).toBe(true);
    // Names starting with the words come before names containing them.
    const starts = hits.map((h) => foldName(h.name).startsWith('sant agata'));
    expect(starts.indexOf(false) === -1 || starts.lastIndexOf(true) < starts.indexOf(false)).toBe(true);
    expect(hits.map((h) => h.name)).toContain("Sant'Agata de' Goti");
  });

  it('finds by ISTAT code and by cadastral code', async () => {
    expect((await names('q=058091'))[0]?.name).toBe('Roma');
    expect((await names('q=h501'))[0]?.name).toBe('Roma');
  });

  it('answers a search asked again from memory: not searched again, the same body, 304 when the client has it', async () => {
    const { value: index } = await env.server.ctx.comuni.get();
    const search = vi.spyOn(index, 'search');
    try {
      const first = await env.server.get('/api/comuni?q=castelnuovo&limit=7');
      const body = await first.text();
      const again = await env.server.get('/api/comuni?q=castelnuovo&limit=7');
      expect(await again.text()).toBe(body);
      expect(JSON.parse(body)).toEqual({ query: 'castelnuovo', results: index.search('castelnuovo', 7) });
      expect(search).toHaveBeenCalledTimes(2); // the first request, and the line above: not the second request
      const etag = again.headers.get('etag');
      expect(etag).toBeTruthy();
      expect((await env.server.get('/api/comuni?q=castelnuovo&limit=7', { headers: { 'if-none-match': etag! } })).status).toBe(304);
      // Another limit is another answer.
      expect(((await json(await env.server.get('/api/comuni?q=castelnuovo&limit=2'))).results as unknown[]).length).toBe(2);
    } finally {
      search.mockRestore();
    }
  });

  it('respects the limit and rejects bad parameters', async () => {
    expect(await names('q=san&limit=3')).toHaveLength(3);
    expect((await env.server.get('/api/comuni?q=')).status).toBe(400);
    expect((await env.server.get('/api/comuni?q=roma&limit=500')).status).toBe(400);
  });
});

describe('GET /api/atlas (the attribute table the client joins to the tiles)', () => {
  it('has one row per Comune, consistent with the details, and is cached by data version', async () => {
    const response = await env.server.get('/api/atlas');
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag');
    const table = (await response.json()) as {
      code: string[]; population: (number | null)[]; associations: number[]; regions: unknown[]; provinces: { code: string; bbox: number[] }[];
    };
    expect(table.code).toHaveLength(7899);
    expect(table.population).toHaveLength(7899);
    const roma = table.code.indexOf('058091');
    expect(table.population[roma]).toBe(2770226);
    expect(table.associations[roma]).toBe(0); // Roma is in an SLL only, which is not a body of Comuni
    const inSnai = table.code.indexOf('025012'); // Chies d'Alpago, SNAI Alpago Zoldo
    expect(table.associations[inSnai]).toBeGreaterThanOrEqual(1);
    expect(table.regions).toHaveLength(20);
    const rm = table.provinces.find((p) => p.code === '058')!;
    expect(rm.bbox[0]).toBeLessThan(12.5);
    expect(rm.bbox[2]).toBeGreaterThan(12.5);
    expect((await env.server.get('/api/atlas', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  it("answers a policymaker's first question: the small Comuni of Emilia-Romagna in no Unione, by name", async () => {
    const table = (await (await env.server.get('/api/atlas')).json()) as AtlasTable;
    const rows = smallOutsideUnioniRows(table, '08');
    const names = rows.map((i) => table.name[i] as string);
    // As many as the Servizi page counts for a fundamental function (Unioni run them: the obliged left uncovered).
    const ff = (await (await env.server.get('/api/coverage?service=ff-a')).json()) as { regions: { code: string; obligedUncovered: number }[] };
    expect(rows.length).toBeGreaterThanOrEqual(ff.regions.find((r) => r.code === '08')!.obligedUncovered);
    expect(rows).toHaveLength(26);
    expect(names.slice(0, 3)).toEqual(['Agazzano', 'Albareto', 'Alseno']);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'it')));
    for (const i of rows) {
      expect(table.unioni[i]).toBe(0);
      expect(table.population[i]).toBeLessThanOrEqual(5000);
    }
    // In a SNAI area yet in no Unione: counted by `associations`, not by `unioni` (the CSV filter found 14 of the 26).
    expect(rows.some((i) => (table.associations[i] ?? 0) > 0)).toBe(true);
    const lugo = table.code.indexOf('039012');
    expect(table.unioni[lugo]).toBe(1); // Unione dei Comuni della Bassa Romagna
  });

  it('gives the client the border graph as row pairs of that table', async () => {
    const table = (await (await env.server.get('/api/atlas')).json()) as { code: string[] };
    const graph = (await (await env.server.get('/api/atlas/adjacency')).json()) as { a: number[]; b: number[] };
    expect(graph.a).toHaveLength(graph.b.length);
    const { rows } = await env.database.db.knex.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM comune_adjacency WHERE kind = 'border'`);
    expect(graph.a.length).toBe(rows[0]!.n);
    const roma = table.code.indexOf('058091');
    const neighbours = graph.a.flatMap((a, i) => (a === roma ? [graph.b[i]!] : graph.b[i] === roma ? [a] : [])).map((i) => table.code[i]);
    const details = (await (await env.server.get('/api/comuni/058091')).json()) as { neighbours: string[] };
    expect(neighbours.sort()).toEqual(details.neighbours);
  });

  it('tells the client the attribution and the optional basemap', async () => {
    const config = (await (await env.server.get('/api/config')).json()) as { basemapUrl: string | null; attribution: string; attributions: { it: string; en: string }; publisherName: string };
    expect(config.basemapUrl).toBeNull();
    expect(config.publisherName).toBe('ALI Atlas'); // PUBLISHER_NAME unset: the project itself
    expect(config.attribution).toContain('ISTAT');
    // In both languages, the same sources (an English page shows no Italian credits).
    expect(config.attributions.it).toBe(config.attribution);
    expect(config.attributions.en).toMatch(/^Boundaries: © ISTAT \(CC BY 4\.0\) via openpolis\/geojson-italy; Population and areas: /);
    expect(config.attributions.en.split('; ')).toHaveLength(config.attribution.split('; ').length);
  });
});

describe('POST /api/comuni/resolve (a pasted list)', () => {
  it('finds codes and names, and lists unknown and ambiguous entries', async () => {
    const response = await env.server.post('/api/comuni/resolve', {
      entries: ['1001', 'forlì', 'SAMONE', 'Samone (TN)', 'Atlantide', '', ' 058091 '],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      found: { input: string; code: string; name: string; provinceAcronym: string }[];
      unknown: string[];
      ambiguous: { input: string; candidates: { provinceAcronym: string }[] }[];
    };
    expect(body.found.map((f) => [f.input, f.name])).toEqual([
      ['1001', 'Agliè'],
      ['forlì', 'Forlì'],
      ['Samone (TN)', 'Samone'],
      ['058091', 'Roma'],
    ]);
    expect(body.found[2]!.provinceAcronym).toBe('TN');
    expect(body.unknown).toEqual(['Atlantide']);
    expect(body.ambiguous).toHaveLength(1);
    expect(body.ambiguous[0]!.candidates.map((c) => c.provinceAcronym).sort()).toEqual(['TN', 'TO']);
    expect((await env.server.post('/api/comuni/resolve', { entries: [] })).status).toBe(400);
  });
});

describe('errors', () => {
  it('answers unknown API paths with a JSON 404', async () => {
    const response = await env.server.get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await env.server.post('/api/contiguity', '{"members": [');
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/JSON/) } });
  });

  it('rejects bodies over 1 MB with 413', async () => {
    const response = await env.server.post('/api/contiguity', { members: ['058091'], padding: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(await json(response)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('rejects a body of the wrong shape with 400 and says which field', async () => {
    const response = await env.server.post('/api/contiguity', { members: ['58091'] });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ error: { details: [expect.objectContaining({ path: 'members.0' })] } });
  });

  it('rejects well-formed but unknown codes with 422 listing them', async () => {
    const response = await env.server.post('/api/territories/analyze', { members: ['058091', '999999', '999998'] });
    expect(response.status).toBe(422);
    expect(await json(response)).toMatchObject({ error: { code: 'unprocessable', details: { unknown: ['999999', '999998'] } } });
  });
});
