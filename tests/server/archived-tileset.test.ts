import { describe, expect, it } from 'vitest';
import type { DataVersion } from '../../server/data/data-version';
import { ARCHIVE_RETRY_MS, ArchiveBuilds, ArchivedTileset, type LoadedArchive, type ThreadIndex } from '../../server/tiles/archived-tileset';

/** A tileset whose archive builds the test makes fail or succeed, on a clock the test moves. */
function fixture(options: { stored?: boolean } = {}) {
  const state = {
    now: 1_000_000,
    version: { id: 1, importedAt: '2026-01-01T00:00:00.000Z' } as DataVersion,
    failing: true,
    indexes: 0,
    archiveBuilds: 0,
    dropped: 0,
    saved: [] as number[],
    stored: new Set<number>(options.stored ? [1] : []),
    logged: [] as string[],
  };
  const archiveOf = (version: DataVersion): LoadedArchive => ({ indexBytes: 0, archiveBytes: 100 + version.id, tile: async () => ({ gzipped: Buffer.from(`archive ${version.id}`) }) });
  const tileset = new ArchivedTileset('associations', {
    versions: { current: async () => state.version },
    load: async (version) => (state.stored.has(version.id) ? archiveOf(version) : null),
    index: async (version) => {
      state.indexes++;
      const index: ThreadIndex = {
        indexBytes: 42,
        tile: async () => ({ gzipped: Buffer.from(`index ${version.id}`) }),
        archive: async () => {
          state.archiveBuilds++;
          if (state.failing) throw new Error('out of memory');
          return Buffer.from('bytes');
        },
        drop: async () => void state.dropped++,
      };
      return index;
    },
    save: async (version) => {
      state.saved.push(version.id);
      state.stored = new Set([version.id]);
      return archiveOf(version);
    },
    builds: new ArchiveBuilds(),
    maxZoom: 12,
    now: () => state.now,
    log: (line) => state.logged.push(line),
  });
  const served = async () => (await (await tileset.get()).value.tile({ z: 0, x: 0, y: 0 }))?.gzipped.toString();
  return { state, tileset, served };
}

describe('a tileset served from its archive', () => {
  it('serves a stored archive at once, and builds no index', async () => {
    const { state, tileset, served } = fixture({ stored: true });
    expect(await served()).toBe('archive 1');
    expect(await tileset.ready()).toBe(true);
    expect(state.indexes).toBe(0);
    expect(tileset.holdsIndex).toBe(false);
  });

  it('serves from the index while the archive is written, then from the archive, the index dropped', async () => {
    const { state, tileset, served } = fixture();
    state.failing = false;
    expect(await served()).toBe('index 1');
    expect(await tileset.ready()).toBe(true);
    expect(await served()).toBe('archive 1');
    expect(state).toMatchObject({ indexes: 1, archiveBuilds: 1, dropped: 1, saved: [1] });
    expect(tileset.holdsIndex).toBe(false);
    expect(tileset.peek()?.archiveBytes).toBe(101);
  });

  it('tries a failed build again only after the back-off, serving from the index meanwhile', async () => {
    const { state, tileset, served } = fixture();
    expect(await tileset.ready()).toBe(false);
    expect(state.archiveBuilds).toBe(1);
    expect(state.logged[0]).toMatch(/nuovo tentativo tra 30 s \/ .*next try in 30 s: Error: out of memory/);
    // Requests within the back-off: served from the index, no new build.
    state.now += ARCHIVE_RETRY_MS[0]! - 1;
    for (let i = 0; i < 5; i++) expect(await served()).toBe('index 1');
    expect(await tileset.ready()).toBe(false);
    expect(state.archiveBuilds).toBe(1);
    // Once it has passed, the next request starts one (which fails again: the next wait is longer).
    state.now += 1;
    expect(await tileset.ready()).toBe(false);
    expect(state.archiveBuilds).toBe(2);
    state.now += ARCHIVE_RETRY_MS[0]!;
    expect(await tileset.ready()).toBe(false);
    expect(state.archiveBuilds).toBe(2);
    state.now += ARCHIVE_RETRY_MS[1]! - ARCHIVE_RETRY_MS[0]!;
    state.failing = false;
    expect(await tileset.ready()).toBe(true);
    expect(state.archiveBuilds).toBe(3);
    expect(await served()).toBe('archive 1');
    expect(state.indexes).toBe(1); // the index was built once, and served all along
  });

  it('builds a new archive for a new data version, the old one served until then', async () => {
    const { state, tileset, served } = fixture({ stored: true });
    state.failing = false;
    expect(await served()).toBe('archive 1');
    state.version = { id: 2, importedAt: '2026-02-01T00:00:00.000Z' };
    expect(await served()).toBe('index 2');
    expect(await tileset.ready()).toBe(true);
    expect(await served()).toBe('archive 2');
    expect(state.saved).toEqual([2]);
    expect([...state.stored]).toEqual([2]);
  });

  it('builds archives one at a time, whatever the tileset', async () => {
    const builds = new ArchiveBuilds();
    const order: string[] = [];
    let release!: () => void;
    const first = builds.run(async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
    });
    const second = builds.run(async () => void order.push('second starts'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['first starts']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });
});
