import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { tileAt } from '../../server/tiles/tile-coords';
import { TileIndex } from '../../server/tiles/tile-index';
import { TileMemory } from '../../server/tiles/tile-memory';
import { TILESETS, tileLayer, type LayerRow } from '../../server/tiles/tile-sources';

/** 5,000 label points on a grid over the mainland, like the Comuni's (7,900). */
function labelRows(): LayerRow[] {
  const rows: LayerRow[] = [];
  for (let i = 0; i < 100; i++) {
    for (let j = 0; j < 50; j++) {
      const [lon, lat] = [8 + (i * 8) / 100, 39 + (j * 7) / 50];
      rows.push({ code: String(i * 50 + j + 1).padStart(6, '0'), name: `C${i}-${j}`, population: 1000, geometry: JSON.stringify({ type: 'Point', coordinates: [lon, lat] }) });
    }
  }
  return rows;
}

describe('tile index of a point layer', () => {
  it('is split below zoom 0, so that a deep tile is not cut from every point', () => {
    const index = TileIndex.fromRows('comuni', { comuni_labels: labelRows() }, new TileMemory(8e6));
    // Under the polygon layers' rule (split above 10,000 points) the 5,000 points stayed in one zoom-0 tile.
    expect(index.indexDepth('comuni_labels')).toBeGreaterThanOrEqual(8);
    expect(index.indexDepth('comuni')).toBe(0); // no rows: nothing to split
  });

  it('cuts the points of a deep tile from there', () => {
    const index = TileIndex.fromRows('comuni', { comuni_labels: labelRows() }, new TileMemory(8e6));
    // The point of column 50, row 21: (12°, 41.94°).
    const tile = index.render(tileAt(12.001, 41.941, 12));
    const layer = new VectorTile(new PbfReader(gunzipSync(tile!.gzipped))).layers.comuni_labels!;
    const names = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.name);
    expect(names).toEqual(['C50-21']);
    // Empty sea, far from every point.
    expect(index.render(tileAt(16, 37.5, 12))).toBeNull();
  });

  it('keeps no features in the tiles above the layer\'s first zoom, only what cuts the deeper ones', () => {
    // The same 5,000 points as region labels (served from zoom 0) and as the Comuni's (from zoom 8).
    const everyZoom = TileIndex.fromRows('comuni', { labels: labelRows().map((row) => ({ ...row, kind: 'region' })) }, new TileMemory(8e6));
    const fromZ8 = TileIndex.fromRows('comuni', { comuni_labels: labelRows() }, new TileMemory(8e6));
    expect(fromZ8.indexDepth('comuni_labels')).toBe(everyZoom.indexDepth('labels'));
    // Zooms 8–10 of 0–10 hold features: about a third of the bytes (each zoom holds every point once).
    expect(fromZ8.indexBytes).toBeLessThan(everyZoom.indexBytes * 0.45);
    // What is served is the same: a z8 tile and a z12 one (cut from the tiles above).
    for (const coord of [tileAt(12.001, 41.941, 8), tileAt(12.001, 41.941, 12)]) {
      const names = (index: TileIndex, layer: string) => {
        const read = new VectorTile(new PbfReader(gunzipSync(index.render(coord)!.gzipped))).layers[layer]!;
        return Array.from({ length: read.length }, (_, i) => read.feature(i).properties.name).sort();
      };
      expect(names(fromZ8, 'comuni_labels')).toEqual(names(everyZoom, 'labels'));
    }
  });

  it('gives each tile in memory of its own size, not zlib\'s whole output chunk', () => {
    const index = TileIndex.fromRows('comuni', { comuni_labels: labelRows() }, new TileMemory(8e6));
    const tile = index.render(tileAt(12.001, 41.941, 12))!;
    expect(tile.gzipped.length).toBeLessThan(1000);
    // At most a slot in Node's shared pool of small buffers (8 KB, shared by many), not 16 KB of its own.
    expect(tile.gzipped.buffer.byteLength).toBeLessThanOrEqual(8192);
  });
});

describe('the layers’ rows', () => {
  it('come in a fixed order, so that every read writes the same tile bytes (two instances, an archive and the index)', () => {
    for (const names of Object.values(TILESETS)) {
      for (const name of names) expect(tileLayer(name).sql, name).toMatch(/ORDER BY [a-z_, ]+$/);
    }
  });
});
