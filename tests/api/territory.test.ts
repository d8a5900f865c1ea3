import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

const ROMA = '058091';
const ANGUILLARA = '058003';
const LIPARI = '083041'; // 15 islands, no land border
const LA_MADDALENA = '090035'; // 66 islands
const OLBIA = '090047';
const CAMPIONE = '013040'; // exclave in Switzerland: no Italian neighbour
const ALBIANO = '001004'; // touches Palazzo Canavese at a single point
const PALAZZO = '001177';

async function post(path: string, members: string[]) {
  const response = await env.server.post(path, { members });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('the imported adjacency', () => {
  it('has every neighbouring pair once, with corner-only contacts kept apart', async () => {
    const { rows } = await env.database.db.knex.raw<{ rows: { kind: string; n: number }[] }>(
      `SELECT kind, count(*)::int AS n FROM comune_adjacency GROUP BY kind ORDER BY kind`,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(23202); // as measured with ST_Touches, ST_Intersects and ST_DWithin alike
    const corner = rows.find((r) => r.kind === 'corner')?.n ?? 0;
    expect(corner).toBeGreaterThanOrEqual(338);
    expect(corner).toBeLessThan(400);
  });

  it('leaves exactly the 14 islands and exclaves without neighbours', async () => {
    const { rows } = await env.database.db.knex.raw<{ rows: { code: string }[] }>(
      `SELECT code FROM comuni c WHERE NOT EXISTS (
         SELECT 1 FROM comune_adjacency WHERE kind = 'border' AND (a = c.code OR b = c.code)) ORDER BY code`,
    );
    expect(rows.map((r) => r.code)).toEqual([
      '013040', '049005', '053012', '059018', '059033', '063061', '071026',
      '081009', '081014', '082075', '083041', '084020', '090035', '111010',
    ]);
  });
});

describe('POST /api/contiguity', () => {
  it('accepts two Comuni that share a border', async () => {
    expect(await post('/api/contiguity', [ROMA, ANGUILLARA])).toEqual({
      contiguous: true,
      components: [[ANGUILLARA, ROMA]],
      isolated: [],
    });
  });

  it('explains which parts are disconnected and names islands and exclaves', async () => {
    const result = await post('/api/contiguity', [ROMA, ANGUILLARA, LIPARI, CAMPIONE]);
    expect(result).toEqual({
      contiguous: false,
      components: [[ANGUILLARA, ROMA], [CAMPIONE], [LIPARI]],
      isolated: [CAMPIONE, LIPARI],
    });
  });

  it('treats a multi-island Comune as one territory that touches nobody', async () => {
    const parts = await env.database.db.knex.raw<{ rows: { n: number }[] }>(
      `SELECT ST_NumGeometries(geom) AS n FROM comuni WHERE code = ?`, [LA_MADDALENA],
    );
    expect(parts.rows[0]?.n).toBeGreaterThan(10);
    const result = await post('/api/contiguity', [LA_MADDALENA, OLBIA]);
    expect(result).toMatchObject({ contiguous: false, isolated: [LA_MADDALENA] });
  });

  it('does not count a contact at a single point as contiguity', async () => {
    const pair = await env.database.db.knex.raw<{ rows: { kind: string }[] }>(
      `SELECT kind FROM comune_adjacency WHERE a = ? AND b = ?`, [ALBIANO, PALAZZO],
    );
    expect(pair.rows[0]?.kind).toBe('corner');
    expect(await post('/api/contiguity', [ALBIANO, PALAZZO])).toEqual({
      contiguous: false,
      components: [[ALBIANO], [PALAZZO]],
      isolated: [],
    });
  });
});

describe('POST /api/territories/analyze', () => {
  it('adds up the territory as the database does', async () => {
    const members = [ROMA, ANGUILLARA, '058005', LIPARI];
    const result = await post('/api/territories/analyze', members);
    const sql = await env.database.db.knex.raw<{ rows: { population: number; area: number; small: number }[] }>(
      `SELECT sum(population)::float8 AS population, sum(coalesce(area_km2, geodesic_area_km2)) AS area,
              count(*) FILTER (WHERE population <= 5000)::int AS small
       FROM comuni WHERE code = ANY(?::text[])`,
      [members],
    );
    const expected = sql.rows[0]!;
    expect(result.totals).toMatchObject({
      comuni: 4,
      population: expected.population,
      smallComuni: expected.small,
      withoutPopulation: [],
    });
    const totals = result.totals as { areaKm2: number; densityPerKm2: number };
    expect(totals.areaKm2).toBeCloseTo(expected.area, 1);
    expect(totals.densityPerKm2).toBeCloseTo(expected.population / expected.area, 0);
    expect(result.provinces).toEqual([
      { code: '058', name: 'Roma', comuni: 3 },
      { code: '083', name: 'Messina', comuni: 1 },
    ]);
    expect(result.regions).toEqual([
      { code: '12', name: 'Lazio', comuni: 3 },
      { code: '19', name: 'Sicilia', comuni: 1 },
    ]);
    expect(result.contiguity).toMatchObject({ contiguous: false, isolated: [LIPARI] });
    expect(result.overlaps).toContainEqual(
      expect.objectContaining({ kind: 'sll', name: 'Roma', members: expect.arrayContaining([ROMA, ANGUILLARA]) }),
    );
  });

  it('counts a member listed twice once', async () => {
    const result = await post('/api/territories/analyze', [ROMA, ROMA]);
    expect(result.totals).toMatchObject({ comuni: 1, population: 2770226 });
  });
});

describe('associations', () => {
  it('lists SNAI areas and labour-market areas by kind', async () => {
    const snai = (await (await env.server.get('/api/associations?kind=snai')).json()) as { associations: { kind: string; comuni: number }[] };
    expect(snai.associations).toHaveLength(208);
    expect(snai.associations.every((a) => a.kind === 'snai' && a.comuni > 0)).toBe(true);
    const sll = (await (await env.server.get('/api/associations?kind=sll')).json()) as { associations: unknown[] };
    expect(sll.associations).toHaveLength(515);
    expect((await env.server.get('/api/associations?kind=castle')).status).toBe(400);
  });

  it('describes one association with members, totals and a dissolved outline', async () => {
    const list = (await (await env.server.get('/api/associations?kind=snai')).json()) as { associations: { id: number; name: string }[] };
    const area = list.associations.find((a) => a.name === 'Alpago Zoldo');
    expect(area).toBeDefined();
    const response = await env.server.get(`/api/associations/${area!.id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      members: { code: string }[];
      totals: { comuni: number; population: number };
      outline: { type: string };
      period: string;
    };
    expect(body.period).toBe('2021-2027');
    expect(body.members.map((m) => m.code)).toContain('025012'); // Chies d'Alpago
    expect(body.totals.comuni).toBe(body.members.length);
    expect(body.totals.population).toBeGreaterThan(0);
    expect(['Polygon', 'MultiPolygon']).toContain(body.outline.type);
  });

  it('gives 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await env.server.get('/api/associations/999999')).status).toBe(404);
    expect((await env.server.get('/api/associations/abc')).status).toBe(400);
  });
});
