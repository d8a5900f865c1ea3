import { GeoJSONVT, type GeoJSONVTOptions } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BoundedCutter, KEPT_CUT_ZOOMS } from '../../server/tiles/bounded-cutter';
import { tileAt, type TileCoord } from '../../server/tiles/tile-coords';
import { ENTRY_OVERHEAD_BYTES, TileMemory } from '../../server/tiles/tile-memory';

const OPTIONS: GeoJSONVTOptions = { maxZoom: 14, extent: 4096, buffer: 64, tolerance: 3 };

/** A grid of wobbly many-sided polygons over a 0.4° square near Rome: detail down to z14. */
function grid(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  const n = 12;
  const step = 0.4 / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [cx, cy] = [12.3 + (i + 0.5) * step, 41.7 + (j + 0.5) * step];
      const ring: [number, number][] = [];
      for (let k = 0; k < 200; k++) {
        const a = (2 * Math.PI * k) / 200;
        const r = (step / 2) * (0.8 + 0.15 * Math.sin(7 * a + i + j));
        ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      ring.push(ring[0]!);
      features.push({ type: 'Feature', id: i * n + j + 1, properties: { code: `${i}-${j}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Distinct tiles of zoom z over the grid, in a shuffled but fixed order. */
function tilesOver(z: number, count: number): TileCoord[] {
  const from = tileAt(12.3, 42.1, z);
  const to = tileAt(12.7, 41.7, z);
  const all: TileCoord[] = [];
  for (let x = from.x; x <= to.x; x++) for (let y = from.y; y <= to.y; y++) all.push({ z, x, y });
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = all.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [all[i], all[k]] = [all[k]!, all[i]!];
  }
  return all.slice(0, count);
}

/** What a client receives for one tile: its features encoded as a vector tile. */
function encoded(tile: ReturnType<GeoJSONVT['getTile']>): Buffer {
  return Buffer.from(tile ? fromGeojsonVt({ layer: tile }, { version: 2, extent: 4096 }) : []);
}

describe('tile memory', () => {
  it('keeps cut tiles within its byte budget, however many distinct deep tiles are cut', () => {
    const data = grid();
    const budget = 300_000;
    const memory = new TileMemory(budget);
    const cutter = new BoundedCutter(data, OPTIONS, memory, 'test/');
    const built = cutter.indexedTiles;
    // Plain geojson-vt, as the app used it: it keeps every tile it ever cut.
    const unbounded = new GeoJSONVT(data, OPTIONS);
    const tiles = [...tilesOver(14, 250), ...tilesOver(13, 80), ...tilesOver(12, 30)];
    for (const coord of tiles) {
      cutter.getTile(coord);
      unbounded.getTile(coord.z, coord.x, coord.y);
      const use = memory.report;
      expect(use.encoded.bytes + use.cut.bytes).toBeLessThanOrEqual(budget);
    }
    const use = memory.report;
    expect(use.cut.tiles).toBeGreaterThan(0);
    // geojson-vt's own map holds what it built up front and the kept cut tiles, nothing more.
    expect(cutter.indexedTiles).toBe(built + use.cut.tiles);
    const unboundedTiles = Object.keys((unbounded as unknown as { tileIndex: { tiles: object } }).tileIndex.tiles).length;
    expect(unboundedTiles).toBeGreaterThan(10 * cutter.indexedTiles);
  });

  it('cuts every tile as geojson-vt does, before and after its cut tiles are evicted', () => {
    const data = grid();
    const memory = new TileMemory(150_000); // a few kept z8/z11 tiles at most: evictions all along
    const cutter = new BoundedCutter(data, OPTIONS, memory, 'test/');
    const reference = new GeoJSONVT(data, OPTIONS);
    const tiles = [...tilesOver(14, 60), ...tilesOver(11, 10), ...tilesOver(8, 2), ...tilesOver(12, 20), ...tilesOver(14, 30)];
    const first = new Map<string, Buffer>();
    for (const coord of tiles) {
      const bytes = encoded(cutter.getTile(coord));
      expect(bytes.equals(encoded(reference.getTile(coord.z, coord.x, coord.y))), JSON.stringify(coord)).toBe(true);
      first.set(`${coord.z}/${coord.x}/${coord.y}`, bytes);
    }
    expect(tiles.some((coord) => coord.z === 14 && first.get(`14/${coord.x}/${coord.y}`)!.length > 0)).toBe(true);
    // Again, in another order: cut again from what is left, the same bytes.
    for (const coord of [...tiles].reverse()) {
      expect(encoded(cutter.getTile(coord)).equals(first.get(`${coord.z}/${coord.x}/${coord.y}`)!), JSON.stringify(coord)).toBe(true);
    }
  });

  it('keeps the tiles above a deep one (at the kept zooms) to cut its neighbours', () => {
    const memory = new TileMemory(50_000_000);
    const cutter = new BoundedCutter(grid(), OPTIONS, memory, 'test/');
    const built = cutter.indexedTiles;
    cutter.getTile(tileAt(12.5, 41.9, 14));
    expect(memory.report.cut.tiles).toBe(KEPT_CUT_ZOOMS.length);
    expect(cutter.indexedTiles).toBe(built + KEPT_CUT_ZOOMS.length);
  });
});

describe('the tile memory LRU', () => {
  it('evicts the least recently used by bytes, releases evicted cut tiles, and keeps nothing larger than the budget', () => {
    const budget = 10 * (1000 + ENTRY_OVERHEAD_BYTES);
    const memory = new TileMemory(budget);
    const released: string[] = [];
    const tile = (n: number) => ({ gzipped: Buffer.alloc(n) });
    memory.keepCut('cut/a', 3000, () => released.push('a'));
    for (let i = 0; i < 7; i++) memory.keepEncoded(`e${i}`, tile(1000));
    expect(memory.report).toMatchObject({ encoded: { tiles: 7 }, cut: { tiles: 1 } });
    expect(memory.touchCut('cut/a')).toBe(true); // now the most recent: e0 goes first
    memory.keepEncoded('e7', tile(1000));
    expect(memory.encoded('e0')).toBeUndefined();
    expect(memory.encoded('e1')).toBeDefined();
    expect(released).toEqual([]);
    for (let i = 8; i < 20; i++) memory.keepEncoded(`e${i}`, tile(1000));
    expect(released).toEqual(['a']);
    expect(memory.touchCut('cut/a')).toBe(false);
    const { encoded, cut } = memory.report;
    expect(encoded.bytes + cut.bytes).toBeLessThanOrEqual(budget);
    expect(cut).toEqual({ tiles: 0, bytes: 0 });
    // An empty tile is remembered too (null), at its entry's cost.
    memory.keepEncoded('empty', null);
    expect(memory.encoded('empty')).toBeNull();
    // Too large for the whole budget: served by the caller, never kept; a cut one is released at once.
    memory.keepEncoded('huge', tile(budget));
    expect(memory.encoded('huge')).toBeUndefined();
    memory.keepCut('cut/huge', budget, () => released.push('huge'));
    expect(released).toEqual(['a', 'huge']);
    expect(memory.report.encoded.bytes + memory.report.cut.bytes).toBeLessThanOrEqual(budget);
  });

  it('forgets the tiles of an index replaced by a newer one', () => {
    const memory = new TileMemory(1e6);
    memory.keepEncoded('comuni#1/5/17/11', { gzipped: Buffer.alloc(10) });
    memory.keepEncoded('comuni#2/5/17/11', { gzipped: Buffer.alloc(10) });
    memory.keepEncoded('associations#1/5/17/11', { gzipped: Buffer.alloc(10) });
    memory.forget('comuni#', 'comuni#2/');
    expect(memory.encoded('comuni#1/5/17/11')).toBeUndefined();
    expect(memory.encoded('comuni#2/5/17/11')).toBeDefined();
    expect(memory.encoded('associations#1/5/17/11')).toBeDefined();
    expect(memory.report.encoded.tiles).toBe(2);
  });
});
