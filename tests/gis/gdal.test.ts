import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { attributeValues, hasGdal, OGRINFO, ogr2ogr, ogrinfo } from '../helpers/gdal';
import { rfc7946Problems } from '../helpers/geojson';
import { startTestServer, useTestServer } from '../helpers/test-server';
import { DEFAULT_RATE_LIMITS } from '../../server/http/rate-limits';
import { DEFAULT_FEATURE_BUDGET } from '../../server/http/feature-budget';
import { ITALY_BOUNDS, tilesCovering } from '../../server/tiles/tile-coords';

if (!hasGdal) console.warn(`GDAL tests skipped: no ogrinfo at ${OGRINFO} (apt-get install gdal-bin)`);

const env = useTestServer();

/** The Web Mercator tiles covering a box (west, south, east, north) at the given zooms, as [z, x, y]. */
const tilesAt = (box: [number, number, number, number], zooms: number[]): [number, number, number][] =>
  zooms.flatMap((z) => [...tilesCovering(box, z)].map((t): [number, number, number] => [t.z, t.x, t.y]));

describe.skipIf(!hasGdal)('GDAL (what QGIS reads with) against the live server', { timeout: 180_000 }, () => {
  it('lists the three OGC API collections, finds Lugo in a bbox and pages through all 7,899 Comuni', async () => {
    const ogc = `OAPIF:${env.server.url}/ogc`;
    const layers = await ogrinfo(ogc);
    expect([...layers.matchAll(/^\d+: (\w+) \(title: ([^)]+)\)/gm)].map((m) => [m[1], m[2]])).toEqual([
      ['comuni', 'Comuni'],
      ['associations', 'Associazioni esistenti'],
      ['alliances', 'Alleanze ALI pubblicate'],
    ]);
    const lugo = await ogrinfo('-q', '-geom=NO', ogc, 'comuni', '-spat', '11.90', '44.41', '11.92', '44.43');
    expect(attributeValues(lugo, 'code')).toContain('039012');
    expect(attributeValues(lugo, 'name')).toContain('Lugo');
    const all = await ogrinfo('-q', '-geom=NO', '-oo', 'PAGE_SIZE=1000', ogc, 'comuni');
    const codes = attributeValues(all, 'code');
    expect(codes).toHaveLength(7899);
    expect(new Set(codes).size).toBe(7899);
  });

  it('reads every association through pages bounded by bytes, asking for 1,000 a page', async () => {
    const { rows } = await env.database.db.knex.raw<{ rows: { id: number }[] }>('SELECT id FROM associations WHERE outline IS NOT NULL ORDER BY id');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-ogr-pages-'));
    try {
      const file = path.join(dir, 'associations.geojson');
      const copy = await ogr2ogr('-f', 'GeoJSON', file, '-oo', 'PAGE_SIZE=1000', `OAPIF:${env.server.url}/ogc`, 'associations');
      expect(copy.errors).toEqual([]);
      expect(copy.code).toBe(0);
      // Pages of 1,000 full-detail associations would be 11 MB: each holds fewer, and GDAL follows `next` through them.
      const pages = copy.fetched.filter((url) => url.includes('/collections/associations/items'));
      expect(new Set(pages).size).toBeGreaterThan(2);
      expect(pages.every((url) => url.includes('limit=1000'))).toBe(true);
      const copied = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
      expect(copied.features.map((f) => f.properties?.id as number)).toEqual(rows.map((r) => r.id));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('copies every layer with ogr2ogr and no options against the default limits, and filters on the server without an error', async () => {
    const server = await startTestServer(env.database.db, undefined, { rateLimits: DEFAULT_RATE_LIMITS, ogcFeaturesPerMinute: DEFAULT_FEATURE_BUDGET });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-ogr2ogr-'));
    try {
      for (const layer of ['comuni', 'associations', 'alliances']) {
        const { numberMatched } = (await (await server.get(`/ogc/collections/${layer}/items?limit=1`)).json()) as { numberMatched: number };
        const file = path.join(dir, `${layer}.gpkg`);
        // GDAL 3.6 pages 10 features at a time whatever the API definition says: ~800 requests for the Comuni.
        const copy = await ogr2ogr('-f', 'GPKG', file, `OAPIF:${server.url}/ogc`, layer);
        expect(copy.errors, layer).toEqual([]);
        expect(copy.code, layer).toBe(0);
        expect(copy.fetched.length, layer).toBeGreaterThan(numberMatched / 10);
        const copied = await ogrinfo('-q', '-dialect', 'SQLite', '-sql', `SELECT count(*) AS n FROM "${layer}"`, file);
        expect(attributeValues(copied, 'n'), layer).toEqual([String(numberMatched)]);
      }
      // An attribute filter GDAL can send (a collection's filter, read from the API definition) goes to the server.
      const { numberMatched: emilia } = (await (await server.get('/ogc/collections/comuni/items?limit=1&region=08')).json()) as { numberMatched: number };
      const filtered = await ogrinfo('-q', '-geom=NO', `OAPIF:${server.url}/ogc`, 'comuni', '-where', "region = '08'");
      expect(attributeValues(filtered, 'region')).toEqual(Array<string>(emilia).fill('08'));
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads an alliance GeoJSON export as valid polygons with counterclockwise exterior rings', async () => {
    const { neighbours } = (await (await env.server.get('/api/comuni/039012')).json()) as { neighbours: string[] };
    const created = await env.server.post('/api/alliances', { name: 'ALI Bassa Romagna (GDAL)', members: ['039012', ...neighbours].map((code) => ({ code })) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-gdal-'));
    try {
      const file = path.join(dir, 'alliance.geojson');
      const text = await (await env.server.get(`/api/alliances/${id}/export.geojson`)).text();
      fs.writeFileSync(file, text);
      for (const feature of (JSON.parse(text) as FeatureCollection).features) expect(rfc7946Problems(feature.geometry)).toEqual([]);
      const sql = 'SELECT count(*) AS n, sum(CASE WHEN ST_IsValid(geometry) THEN 0 ELSE 1 END) AS invalid FROM alliance';
      const answer = await ogrinfo('-q', '-oo', 'CLIP=NO', '-dialect', 'SQLite', '-sql', sql, file);
      expect(attributeValues(answer, 'n')).toEqual([String(neighbours.length + 2)]); // the outline and each member
      expect(attributeValues(answer, 'invalid')).toEqual(['0']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no invalid polygon in any tile of Italy from zoom 5 to 8', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-tiles-'));
    try {
      const tiles = tilesAt(ITALY_BOUNDS, [5, 6, 7, 8]);
      let features = 0;
      let invalid = 0;
      const problems: string[] = [];
      const check = async ([z, x, y]: [number, number, number]) => {
        const response = await env.server.get(`/tiles/comuni/${z}/${x}/${y}.pbf`);
        if (response.status === 204) return;
        expect(response.status).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const layers = Object.entries(new VectorTile(new PbfReader(bytes)).layers).filter(([name]) => ['comuni', 'provinces', 'regions'].includes(name));
        const file = path.join(dir, String(z), String(x), `${y}.pbf`); // GDAL's MVT driver reads z/x/y from the path
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, bytes);
        const sql = layers
          .map(([name]) => `SELECT '${name}' AS layer, count(*) AS n, sum(CASE WHEN ST_IsValid(geometry) THEN 0 ELSE 1 END) AS invalid FROM ${name}`)
          .join(' UNION ALL ');
        const answer = await ogrinfo('-q', '-oo', 'CLIP=NO', '-dialect', 'SQLite', '-sql', sql, file);
        const n = attributeValues(answer, 'n').map(Number);
        const bad = attributeValues(answer, 'invalid').map(Number);
        // GDAL reads every feature the tile holds.
        expect(n, `${z}/${x}/${y}`).toEqual(layers.map(([, layer]) => layer.length));
        features += n.reduce((a, b) => a + b, 0);
        invalid += bad.reduce((a, b) => a + b, 0);
        bad.forEach((count, i) => count > 0 && problems.push(`${z}/${x}/${y} ${layers[i]![0]}: ${count}`));
      };
      for (let i = 0; i < tiles.length; i += 2) await Promise.all(tiles.slice(i, i + 2).map(check));
      expect(problems).toEqual([]);
      expect(invalid).toBe(0);
      expect(features).toBeGreaterThan(30_000); // about 34,600 polygons in 180 tiles
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
