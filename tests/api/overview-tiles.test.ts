import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { classOf, quantileBreaks } from '../../domain/classify';
import { comuneCodeOfFeatureId } from '../../domain/codes';
import { ITALY_BOUNDS, tileAt, tilesCovering } from '../../server/tiles/tile-coords';
import { POPULATION_CLASSES, POPULATION_CLASS_FIELD } from '../../domain/first-view';
import { useTestServer } from '../helpers/test-server';

const env = useTestServer();

const decode = async (response: Response) => new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer())));

const comuniOf = (tile: VectorTile) => {
  const layer = tile.layers.comuni!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
};

describe('the overview tiles (zoom 0–6)', () => {
  it('weigh at most 200 KB gzipped for the four z5 tiles of Italy (the national first view; 276 KB before)', async () => {
    let total = 0;
    for (const { z, x, y } of tilesCovering(ITALY_BOUNDS, 5)) {
      const response = await env.server.get(`/tiles/comuni/${z}/${x}/${y}.pbf`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.status).toBe(200);
      // fetch undoes the gzip: the bytes on the wire are the Content-Length.
      total += Number(response.headers.get('content-length'));
      await response.arrayBuffer();
    }
    expect(total).toBeGreaterThan(50_000); // all of Italy is there
    expect(total).toBeLessThanOrEqual(200_000);
  });

  it('carry each Comune with its class in the default theme, and so do the detailed tiles (zoom 7 on)', async () => {
    const rows = (await env.database.db.knex('comuni').select('code', 'population')) as { code: string; population: number | null }[];
    const breaks = quantileBreaks(rows.flatMap((r) => (r.population === null ? [] : [Number(r.population)])), POPULATION_CLASSES);
    const expected = new Map(rows.map((r) => [r.code, r.population === null ? undefined : classOf(Number(r.population), breaks)]));
    const rome = tileAt(12.48, 41.89, 6);
    const features = comuniOf(await decode(await env.server.get(`/tiles/comuni/6/${rome.x}/${rome.y}.pbf`)));
    expect(features.length).toBeGreaterThan(500);
    const roma = features.find((f) => f.id === 58091);
    expect(roma?.properties[POPULATION_CLASS_FIELD]).toBe(POPULATION_CLASSES - 1);
    for (const f of features) {
      const code = comuneCodeOfFeatureId(f.id);
      expect(code, String(f.id)).not.toBeNull();
      expect(f.properties[POPULATION_CLASS_FIELD], String(code)).toBe(expected.get(String(code)));
    }
    // The classes are all used: quantiles.
    expect(new Set(features.map((f) => f.properties[POPULATION_CLASS_FIELD])).size).toBe(POPULATION_CLASSES);
    // From zoom 7, the full outlines with keys and the same class (the default map needs no figure
    // joined at any zoom); the other figures come from /api/atlas.
    for (const z of [7, 12]) {
      const at = tileAt(12.48, 41.89, z);
      const detailed = comuniOf(await decode(await env.server.get(`/tiles/comuni/${z}/${at.x}/${at.y}.pbf`)));
      expect(detailed.find((f) => f.properties.code === '058091')?.properties).toEqual({ code: '058091', province: '058', region: '12', [POPULATION_CLASS_FIELD]: POPULATION_CLASSES - 1 });
      expect(detailed.length, `z${z}`).toBeGreaterThan(0);
      for (const f of detailed) expect(f.properties[POPULATION_CLASS_FIELD], `z${z} ${f.properties.code}`).toBe(expected.get(String(f.properties.code)));
    }
  });

  it('carry each Comune\'s code as its feature id only, not as a property (a fifth of their bytes)', async () => {
    for (const { z, x, y } of [...tilesCovering(ITALY_BOUNDS, 5), tileAt(12.48, 41.89, 6)]) {
      const features = comuniOf(await decode(await env.server.get(`/tiles/comuni/${z}/${x}/${y}.pbf`)));
      expect(features.length, `${z}/${x}/${y}`).toBeGreaterThan(0);
      for (const f of features) {
        expect(Object.keys(f.properties).sort()).toEqual(expect.arrayContaining(['province', 'region']));
        expect(f.properties).not.toHaveProperty('code');
        expect(comuneCodeOfFeatureId(f.id)?.slice(0, 3), String(f.id)).toBe(f.properties.province);
      }
    }
  });

  it('keep borders shared: an edge between two Comuni is in both, so no sliver opens between them', async () => {
    const rome = tileAt(12.48, 41.89, 6);
    const features = comuniOf(await decode(await env.server.get(`/tiles/comuni/6/${rome.x}/${rome.y}.pbf`)));
    const owner = new Map<string, number>();
    const edges: [string, number][] = [];
    features.forEach((f, i) => {
      for (const ring of f.loadGeometry()) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [a, b] = [ring[k]!, ring[k + 1]!];
          owner.set(`${a.x},${a.y}>${b.x},${b.y}`, i);
          edges.push([`${b.x},${b.y}>${a.x},${a.y}`, i]);
        }
      }
    });
    // Every edge run the other way by another Comune: all but the coast and the tile's own edges.
    const twinned = edges.filter(([reverse, i]) => owner.has(reverse) && owner.get(reverse) !== i).length;
    expect(twinned / edges.length).toBeGreaterThan(0.8);
  });
});
