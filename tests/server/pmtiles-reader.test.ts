import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../server/tiles/archive-store';
import { BadArchiveError, PmtilesLookup } from '../../server/tiles/pmtiles-reader';
import { writePmtiles } from '../../server/tiles/pmtiles-writer';
import { ITALY_BOUNDS, tilesCovering } from '../../server/tiles/tile-coords';

const OPTIONS = { minZoom: 0, maxZoom: 13, bounds: [6.6, 35.4, 18.6, 47.1] as [number, number, number, number], center: [12.5, 42, 5] as [number, number, number], metadata: { name: 'test' } };

let built: ReturnType<typeof buildBig> | undefined;
/** Every z13 tile over Italy (leaf directories needed), one in three left out, contents repeating in runs; built once. */
const bigArchive = () => (built ??= buildBig());
function buildBig() {
  const tiles = [...tilesCovering(ITALY_BOUNDS, 13)]
    .filter((_, i) => i % 3 !== 1)
    .map((c, i) => ({ ...c, data: gzipSync(`tile ${Math.floor(i / 5) % 2000}`) }));
  return { tiles, archive: writePmtiles(tiles, OPTIONS) };
}

describe('the PMTiles lookup (archives held in memory)', () => {
  it('finds every tile of an archive with leaf directories, as a view on its bytes, and nothing elsewhere', () => {
    const { tiles, archive } = bigArchive();
    expect(Number(archive.readBigUInt64LE(48))).toBeGreaterThan(0); // leaf directories
    const lookup = PmtilesLookup.parse(archive);
    expect(lookup.maxZoom).toBe(13);
    expect(lookup.bytes).toBe(archive.length);
    for (const tile of tiles.filter((_, i) => i % 97 === 0)) {
      const found = lookup.find(tile)!;
      expect(found.equals(tile.data)).toBe(true);
      expect(found.buffer).toBe(archive.buffer); // zero copy
    }
    const all = [...tilesCovering(ITALY_BOUNDS, 13)];
    for (const left of all.filter((_, i) => i % 3 === 1 && i % 101 === 0)) expect(lookup.find(left)).toBeNull();
    expect(lookup.find({ z: 12, x: 0, y: 0 })).toBeNull();
    expect(lookup.find({ z: 0, x: 0, y: 0 })).toBeNull();
  });

  it('refuses a file cut short, padded, or not an archive', () => {
    const { archive } = bigArchive();
    for (const bad of [archive.subarray(0, archive.length - 1), archive.subarray(0, 20_000), archive.subarray(0, 100), Buffer.concat([archive, Buffer.from([0])]), Buffer.from('not an archive at all, nor anything like one'.repeat(10))]) {
      expect(() => PmtilesLookup.parse(bad), String(bad.length)).toThrow(BadArchiveError);
    }
    const scrambled = Buffer.from(archive);
    scrambled.fill(7, 127, 400); // the root directory
    expect(() => PmtilesLookup.parse(scrambled)).toThrow(BadArchiveError);
  });
});

describe('the archive store', () => {
  it('names an archive by tileset, data version and tile code; writes it whole; removes older ones and a file it cannot read', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-store-'));
    try {
      const store = new ArchiveStore(dir, 'code-a');
      const v1 = { id: 1, importedAt: '2026-01-01T00:00:00.000Z' };
      const v2 = { id: 2, importedAt: '2026-02-01T00:00:00.000Z' };
      expect(store.fileOf('comuni', v1)).not.toBe(store.fileOf('comuni', v2));
      expect(store.fileOf('comuni', v1)).not.toBe(store.fileOf('comuni', { ...v1, importedAt: '2026-01-02T00:00:00.000Z' }));
      expect(store.fileOf('comuni', v1)).not.toBe(new ArchiveStore(dir, 'code-b').fileOf('comuni', v1)); // another release
      expect(path.basename(store.fileOf('comuni', v1))).toMatch(/^comuni-[0-9a-f]{16}\.pmtiles$/);

      const { archive } = bigArchive();
      expect(await store.read('comuni', v1, PmtilesLookup.parse)).toBeNull();
      await store.write('comuni', v1, archive);
      await store.write('associations', v1, archive);
      expect((await store.read('comuni', v1, PmtilesLookup.parse))?.bytes).toBe(archive.length);
      await store.write('comuni', v2, archive);
      expect((await store.list()).map((a) => path.basename(a.file))).toEqual([path.basename(store.fileOf('associations', v1)), path.basename(store.fileOf('comuni', v2))].sort());
      expect(await fs.readdir(dir)).toHaveLength(2); // nothing half-written left

      await fs.truncate(store.fileOf('comuni', v2), archive.length - 10);
      const errors: unknown[] = [];
      const logged = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      try {
        expect(await store.read('comuni', v2, PmtilesLookup.parse)).toBeNull();
      } finally {
        console.error = logged;
      }
      expect(String(errors[0])).toMatch(/Tile archive to rebuild/);
      await expect(fs.stat(store.fileOf('comuni', v2))).rejects.toThrow(/ENOENT/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
