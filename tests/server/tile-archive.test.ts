import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { ARCHIVE_MAX_ZOOM, buildTileArchive } from '../../server/tiles/tile-archive';
import { ITALY_BOUNDS, tileAt, tilesCovering, type TileCoord } from '../../server/tiles/tile-coords';
import { TileIndex, type TilesetRows } from '../../server/tiles/tile-index';
import { TileMemory } from '../../server/tiles/tile-memory';
import type { LayerRow } from '../../server/tiles/tile-sources';
import { BufferSource } from '../helpers/pmtiles-source';

/** A counter-clockwise square of `size` degrees at (lon, lat), as the database gives a geometry. */
const square = (lon: number, lat: number, size: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  });
const point = (lon: number, lat: number) => JSON.stringify({ type: 'Point', coordinates: [lon, lat] });

/**
 * A small Italy in every kind of layer: Comuni in two places (near Rome and Palermo), their
 * province and region around them, the overview's layers (zooms 0–6), labels (from zoom 0) and a
 * Comune's label alone in Sardinia, where no polygon is (its layer starts at zoom 8: the tiles above
 * it are empty, yet not what lies below them).
 */
function rows(): TilesetRows {
  const comuni: LayerRow[] = [];
  for (const [lon, lat, province] of [
    [12.4, 41.8, '058'],
    [13.3, 38.05, '082'],
  ] as const) {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const code = `${province}${String(i * 3 + j + 1).padStart(3, '0')}`;
        comuni.push({ code, province, region: province === '058' ? '12' : '19', population: 1000 * (i + j + 1), geometry: square(lon + i * 0.05, lat + j * 0.05, 0.05) });
      }
    }
  }
  return {
    comuni,
    comuni_overview: comuni,
    provinces: [
      { code: '058', name: 'Roma', acronym: 'RM', region: '12', geometry: square(12.4, 41.8, 0.15) },
      { code: '082', name: 'Palermo', acronym: 'PA', region: '19', geometry: square(13.3, 38.05, 0.15) },
    ],
    regions: [
      { code: '12', name: 'Lazio', geometry: square(12.3, 41.7, 0.4) },
      { code: '19', name: 'Sicilia', geometry: square(13.2, 37.95, 0.4) },
    ],
    labels: [{ kind: 'region', code: '12', name: 'Lazio', geometry: point(12.5, 41.9) }],
    comuni_labels: [{ code: '090001', name: 'Solo', population: 10, geometry: point(9.0, 40.0) }],
  };
}

/** Every tile covering Italy from z0 to `maxZoom`. */
const covering = (maxZoom: number): TileCoord[] => Array.from({ length: maxZoom + 1 }, (_, z) => [...tilesCovering(ITALY_BOUNDS, z)]).flat();

describe('a tileset archive', () => {
  it('holds exactly the tiles the index serves to its deepest zoom, going only where some layer has something', async () => {
    const index = TileIndex.fromRows('comuni', rows(), new TileMemory(8e6));
    let cut = 0;
    const progress: [number, number][] = [];
    const source = {
      renderBranch: (...args: Parameters<TileIndex['renderBranch']>) => (cut++, index.renderBranch(...args)),
      endDescent: () => index.endDescent(),
    };
    const archive = await buildTileArchive(source, 'comuni', { dataVersion: 3, onProgress: (done, total) => progress.push([done, total]) });

    // Every tile the index cuts (a fresh one, tile by tile), none more, byte for byte.
    const reference = TileIndex.fromRows('comuni', rows(), new TileMemory(8e6));
    const all = covering(ARCHIVE_MAX_ZOOM);
    const read = new PMTiles(new BufferSource(archive));
    const zooms = new Set<number>();
    let held = 0;
    for (const coord of all) {
      const expected = reference.render(coord);
      const stored = await read.getZxy(coord.z, coord.x, coord.y);
      const where = `${coord.z}/${coord.x}/${coord.y}`;
      expect(stored === undefined, where).toBe(expected === null);
      if (!expected || !stored) continue;
      // The reader gives a tile's bytes unzipped.
      expect(Buffer.from(stored.data).equals(gunzipSync(expected.gzipped)), where).toBe(true);
      zooms.add(coord.z);
      held++;
    }
    expect((await read.getHeader()).numAddressedTiles).toBe(held);
    // Every zoom, and the lone label below the tiles that are empty above zoom 8.
    expect([...zooms].sort((a, b) => a - b)).toEqual(Array.from({ length: ARCHIVE_MAX_ZOOM + 1 }, (_, z) => z));
    const alone = (z: number) => tileAt(9.0, 40.0, z);
    expect(await read.getZxy(12, alone(12).x, alone(12).y)).toBeDefined();
    expect(await read.getZxy(7, alone(7).x, alone(7).y)).toBeUndefined();

    // Hardly any tile of the sea and of the empty land is cut: a few per place and zoom, not all of Italy's.
    expect(cut).toBeLessThan(held * 3);
    expect(cut).toBeLessThan(all.length / 50);
    // The progress counts the tiles skipped with those cut, up to all of them.
    expect(progress.at(-1)).toEqual([all.length, all.length]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
  });

  it('leaves the index as it was: the tiles cut on the way down are dropped, and it serves the same tiles', async () => {
    const index = TileIndex.fromRows('comuni', rows(), new TileMemory(8e6));
    const places = [tileAt(12.45, 41.85, 12), tileAt(12.45, 41.85, 11), tileAt(13.35, 38.1, 10), tileAt(13.35, 38.1, 13)];
    const before = places.map((coord) => index.render(coord)?.gzipped);
    expect(before.every((tile) => tile !== undefined)).toBe(true);
    await buildTileArchive(index, 'comuni', { dataVersion: 1, maxZoom: 12 });
    // As many tiles as an index that cut the same tiles (and keeps the same z11 ones to cut below them).
    const same = TileIndex.fromRows('comuni', rows(), new TileMemory(8e6));
    for (const coord of places) same.render(coord);
    expect(index.heldTiles).toBe(same.heldTiles);
    places.forEach((coord, i) => expect(index.render(coord)?.gzipped.equals(before[i]!), `${coord.z}/${coord.x}/${coord.y}`).toBe(true));
  });
});
