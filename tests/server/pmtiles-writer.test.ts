import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PMTiles, TileType } from 'pmtiles';
import { BufferSource } from '../helpers/pmtiles-source';
import { writePmtiles, type ArchiveTile } from '../../server/tiles/pmtiles-writer';
import { ITALY_BOUNDS, tilesCovering } from '../../server/tiles/tile-coords';

const OPTIONS = { minZoom: 0, maxZoom: 14, bounds: [6.6, 35.4, 18.6, 47.1] as [number, number, number, number], center: [12.5, 42, 5] as [number, number, number], metadata: { name: 'test', vector_layers: [] } };
/** Tiles are stored gzipped (the header says so): the reader hands them back unzipped. */
const content = (text: string) => new Uint8Array(gzipSync(text));

async function readAll(archive: Buffer, tiles: readonly ArchiveTile[]) {
  const reader = new PMTiles(new BufferSource(archive));
  const out: (string | undefined)[] = [];
  for (const t of tiles) {
    const tile = await reader.getZxy(t.z, t.x, t.y);
    out.push(tile ? Buffer.from(tile.data).toString() : undefined);
  }
  return { reader, out };
}

describe('the PMTiles writer, read back with the pmtiles package', () => {
  it('writes a header, metadata and tiles that the reference reader finds, and nothing where there is no tile', async () => {
    const tiles: ArchiveTile[] = [
      { z: 0, x: 0, y: 0, data: content('world') },
      { z: 5, x: 17, y: 11, data: content('north') },
      { z: 5, x: 17, y: 12, data: content('south') },
      { z: 12, x: 2185, y: 1522, data: content('rome') },
    ];
    const archive = writePmtiles([...tiles].reverse(), OPTIONS); // any order in, tile-id order out
    const { reader, out } = await readAll(archive, tiles);
    expect(out).toEqual(['world', 'north', 'south', 'rome']);
    expect(await reader.getZxy(5, 18, 11)).toBeUndefined();
    const header = await reader.getHeader();
    expect(header).toMatchObject({ specVersion: 3, tileType: TileType.Mvt, minZoom: 0, maxZoom: 14, numAddressedTiles: 4, numTileContents: 4, clustered: true });
    expect(header.minLon).toBeCloseTo(6.6, 6);
    expect(header.maxLat).toBeCloseTo(47.1, 6);
    expect(await reader.getMetadata()).toEqual(OPTIONS.metadata);
  });

  it('stores identical tiles once and runs of them as one entry', async () => {
    const sea = content('the same empty sea');
    const tiles: ArchiveTile[] = Array.from({ length: 64 }, (_, i) => ({ z: 3, x: i % 8, y: Math.floor(i / 8), data: i === 10 ? content('land') : sea }));
    const archive = writePmtiles(tiles, OPTIONS);
    const { reader, out } = await readAll(archive, tiles);
    expect(out.filter((t) => t === 'the same empty sea')).toHaveLength(63);
    expect(out[10]).toBe('land');
    const header = await reader.getHeader();
    expect(header.numAddressedTiles).toBe(64);
    expect(header.numTileContents).toBe(2);
    expect(header.numTileEntries).toBeLessThan(64);
  });

  it('splits a large directory into leaves that fit the first 16 KiB, every tile still found', async () => {
    // Every z13 tile over Italy, nearly a hundred thousand, each one of 3,000 contents picked at
    // random (as sea, coast and land tiles repeat): the entries point all over the data and do not
    // compress into a small root.
    const contents = Array.from({ length: 3000 }, (_, i) => `content ${i}`.padEnd(20 + (i % 200), '.'));
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tiles = [...tilesCovering(ITALY_BOUNDS, 13)].map((c) => {
      const text = contents[Math.floor(random() * contents.length)]!;
      return { ...c, text, data: content(text) };
    });
    expect(tiles.length).toBeGreaterThan(90_000);
    const archive = writePmtiles(tiles, OPTIONS);
    const rootLength = Number(archive.readBigUInt64LE(16));
    expect(127 + rootLength).toBeLessThanOrEqual(16_384);
    expect(Number(archive.readBigUInt64LE(48))).toBeGreaterThan(0); // leaf directories
    expect(gunzipSync(archive.subarray(127, 127 + rootLength)).length).toBeGreaterThan(0);
    const sample = tiles.filter((_, i) => i % 4999 === 0);
    const { out } = await readAll(archive, sample);
    expect(out).toEqual(sample.map((t) => t.text));
  });
});
