import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { recordDataVersion } from '../../geodata/import/data-version';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_RATE_LIMITS, useTestServer } from '../helpers/test-server';
import type { MemoryReport } from '../../server/data/memory-report';
import { tileAt } from '../../server/tiles/tile-coords';
import { APP_TILES } from '../../client/map/tile-urls';

const env = useTestServer();

async function decode(response: Response): Promise<VectorTile> {
  return new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));
}

// z10 tile over Rome (12.48 E, 41.89 N).
const ROME_TILE = '/tiles/comuni/10/547/380.pbf';

describe('vector tiles', () => {
  it('carry the comuni layer with geometry, keys and the default theme\'s class only (figures come once, from /api/atlas)', async () => {
    const response = await env.server.get(ROME_TILE);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const tile = await decode(response);
    const layer = tile.layers.comuni;
    expect(layer).toBeDefined();
    const features = Array.from({ length: layer!.length }, (_, i) => layer!.feature(i));
    const roma = features.find((f) => f.properties.code === '058091');
    // Rome is in the last of the population theme's seven classes (0–6): the first paint needs nothing else.
    expect(roma?.properties).toEqual({ code: '058091', province: '058', region: '12', populationClass: 6 });
    expect(roma?.id).toBe(58091);
    expect(roma?.type).toBe(3);
    const geometry = roma!.toGeoJSON(547, 380, 10).geometry;
    expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['comuni', 'provinces', 'regions', 'comuni_labels']));
  });

  it('cover all of Italy at low zoom with region and province outlines', async () => {
    // z5/17/11 spans 11.25–22.5° E, 41.0–48.9° N (plus its buffer): central and north-eastern Italy.
    const tile = await decode(await env.server.get('/tiles/comuni/5/17/11.pbf'));
    // Up to z6 the outlines carry their code as their id only (2 digits a region, 3 a province).
    const codes = (name: string, digits: number) => {
      const layer = tile.layers[name]!;
      return Array.from({ length: layer.length }, (_, i) => {
        expect(layer.feature(i).properties).toEqual({});
        return String(layer.feature(i).id).padStart(digits, '0');
      });
    };
    // Every region but the six west or south of it: Piemonte, Valle d'Aosta, Liguria, Calabria, Sicilia, Sardegna.
    expect(codes('regions', 2).sort()).toEqual(['03', '04', '05', '06', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17']);
    // Up to z6 the overview (generalised, on a 512-unit grid): a province only in the tile's narrow
    // buffer is left out, and Comuni smaller than a grid unit (2.4 km here) have no area left.
    expect(codes('provinces', 3)).toHaveLength(51);
    expect(new Set(codes('provinces', 3)).size).toBe(51); // one feature per province, none cut in two
    // The overview's Comuni carry their code as their id only (see the overview tiles' own tests).
    const comuni = Array.from({ length: tile.layers.comuni!.length }, (_, i) => tile.layers.comuni!.feature(i).id);
    expect(new Set(comuni).size).toBe(comuni.length);
    expect(comuni.length).toBeGreaterThan(2_700); // of the 2,847 Comuni the full outlines gave
    expect(tile.layers.comuni_labels).toBeUndefined(); // Comune labels only from zoom 8
  });

  it('answer 204 outside Italy and 400 for impossible coordinates', async () => {
    expect((await env.server.get('/tiles/comuni/6/10/10.pbf')).status).toBe(204);
    for (const bad of ['/tiles/comuni/3/8/0.pbf', '/tiles/comuni/15/0/0.pbf', '/tiles/comuni/a/0/0.pbf', '/tiles/comuni/-1/0/0.pbf']) {
      const response = await env.server.get(bad);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });

  it('serve association outlines as their own tileset, and 404 for an unknown one', async () => {
    const tile = await decode(await env.server.get('/tiles/associations/6/34/23.pbf'));
    const layer = tile.layers.associations!;
    const kinds = new Set(Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.kind));
    expect(kinds).toEqual(new Set(['snai', 'sll', 'unione']));
    const sll = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((f) => f.properties.name === 'Roma');
    expect(sll?.type).toBe(3);
    expect((await env.server.get('/tiles/associations.json')).status).toBe(200);
    expect((await env.server.get('/tiles/castles/1/1/1.pbf')).status).toBe(404);
    // A path no tile route knows is named whole in the answer, with the prefix it was asked under.
    const stray = await env.server.get('/tiles/comuni/10/api/health?x=1');
    expect(stray.status).toBe(404);
    const { error } = (await stray.json()) as { error: { message: string } };
    expect(error.message).toBe('Nessuna risorsa a GET /tiles/comuni/10/api/health / No resource at GET /tiles/comuni/10/api/health');
  });

  it('are cached by data version and never served stale after a re-import', async () => {
    const tilejson = (await (await env.server.get('/tiles/comuni.json')).json()) as { tiles: string[]; dataVersion: number };
    const versioned = new URL(tilejson.tiles[0]!.replace('{z}/{x}/{y}', '10/547/380'), env.server.url);
    const first = await env.server.get(versioned.pathname + versioned.search);
    expect(first.headers.get('cache-control')).toContain('immutable');
    const etag = first.headers.get('etag');
    expect(etag).toBe(`"v${tilejson.dataVersion}"`);

    const unversioned = await env.server.get(ROME_TILE, { headers: { 'If-None-Match': etag! } });
    expect(unversioned.status).toBe(304);

    await env.database.db.knex.transaction((trx) => recordDataVersion(trx, 'test', {}));
    env.server.ctx.versions.invalidate();
    const after = await env.server.get(ROME_TILE, { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const newer = (await (await env.server.get('/tiles/comuni.json')).json()) as { dataVersion: number };
    expect(newer.dataVersion).toBe(tilejson.dataVersion + 1);
  });

  it('are described to the page as the TileJSON describes them (the map skips the TileJSON round trip)', async () => {
    for (const name of ['comuni', 'associations']) {
      const tilejson = (await (await env.server.get(`/tiles/${name}.json`)).json()) as { minzoom: number; maxzoom: number; bounds: number[]; tiles: string[]; dataVersion: number };
      expect({ minzoom: tilejson.minzoom, maxzoom: tilejson.maxzoom, bounds: tilejson.bounds }).toEqual(APP_TILES);
      expect(tilejson.tiles[0]).toBe(`/tiles/${name}/{z}/{x}/{y}.pbf?v=${tilejson.dataVersion}`);
    }
  });

  it('answer plain tile requests with the app\'s headers and their own rate limit, though they skip the rest of the stack', async () => {
    const get = await env.server.get(ROME_TILE);
    expect(get.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    expect(get.headers.get('content-encoding')).toBe('gzip');
    expect(get.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = new Uint8Array(await get.arrayBuffer());

    const head = await env.server.get(ROME_TILE, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    // A client that cannot read gzip gets the tile itself.
    const plain = await env.server.get(ROME_TILE, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(bytes);
    expect(Number(plain.headers.get('content-length'))).toBe(bytes.byteLength);

    // Other query parameters take the general route, which serves the same tile.
    const other = await env.server.get(`${ROME_TILE}?v=1&style=x`);
    expect(other.status).toBe(200);
    expect(new Uint8Array(await other.arrayBuffer())).toEqual(bytes);

    // Tiles have a budget of their own per address, apart from the API's reads (issue 29).
    const limited = await startTestServer(env.database.db, undefined, { rateLimits: { ...TEST_RATE_LIMITS, read: 2, files: 3 } });
    try {
      expect((await limited.get(ROME_TILE)).status).toBe(200);
      expect((await limited.get('/tiles/comuni/6/10/10.pbf')).status).toBe(204);
      expect((await limited.get('/api/health')).status).toBe(200);
      expect((await limited.get('/api/health')).status).toBe(200);
      expect((await limited.get('/api/health')).status).toBe(429);
      expect((await limited.get(ROME_TILE)).status).toBe(200); // the API's limit leaves tiles be
      const refused = await limited.get(ROME_TILE);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Troppe richieste/);
    } finally {
      await limited.close();
    }
  });
});

describe('tile memory', () => {
  it('stays within TILE_CACHE_MB however many distinct tiles are asked, and an evicted tile comes back the same', async () => {
    // 0.04 MB, half for encoded tiles (some tens of them) and half for cut ones (hardly one), so that this walk evicts all along.
    const small = await startTestServer(env.database.db, undefined, { tileCacheMb: 0.04 });
    try {
      const report = async () => (await (await small.get('/api/health/memory', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json()) as MemoryReport;
      const first = new Uint8Array(await (await small.get(ROME_TILE)).arrayBuffer());
      // Distinct z13–z14 tiles around Rome.
      const paths: string[] = [];
      for (const z of [14, 13]) {
        const centre = tileAt(12.48, 41.89, z);
        for (let dx = -4; dx <= 4; dx++) for (let dy = -2; dy <= 2; dy++) paths.push(`/tiles/comuni/${z}/${centre.x + dx}/${centre.y + dy}.pbf`);
      }
      let withData = 0;
      for (const path of paths) {
        const response = await small.get(path);
        if ((await response.arrayBuffer()).byteLength > 0) withData++;
        expect([200, 204], path).toContain(response.status); // 204: a tile all sea, west of Rome
      }
      expect(withData).toBeGreaterThan(paths.length / 2);
      const { tiles } = await report();
      expect(tiles.budgetBytes).toBe(40_000);
      expect(tiles.encoded.tiles).toBeGreaterThan(0);
      expect(tiles.encoded.bytes + tiles.cut.bytes).toBeLessThanOrEqual(tiles.budgetBytes);
      expect(tiles.encoded.tiles).toBeLessThan(paths.length); // some were evicted
      expect(tiles.indexBytes).toBeGreaterThan(0);
      // The first tile was evicted on the way: cut again, the very same bytes.
      const again = new Uint8Array(await (await small.get(ROME_TILE)).arrayBuffer());
      expect(again).toEqual(first);
    } finally {
      await small.close();
    }
  }, 180_000); // builds its own index: tens of seconds on a busy machine
});
