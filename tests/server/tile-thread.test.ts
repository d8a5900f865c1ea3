import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../server/http/errors';
import { tileAt, type TileCoord } from '../../server/tiles/tile-coords';
import { TileIndex, type TilesetRows } from '../../server/tiles/tile-index';
import { TileMemory } from '../../server/tiles/tile-memory';
import { ThreadTileIndex, TileThread } from '../../server/tiles/tile-thread';
import { ArchiveTileIndex } from '../../server/tiles/archive-tile-index';
import { buildTileArchive } from '../../server/tiles/tile-archive';
import { ancestorAt } from '../../server/tiles/overzoom';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';

/**
 * A stand-in for the tile thread that holds every tile it is asked for until the test says so
 * (over a BroadcastChannel): `release` answers them all with one byte, `crash` ends the thread. It
 * counts the builds and renders it was asked for, and tells them as its memory.
 */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
const held = [];
let builds = 0;
let renders = 0;
const channel = new BroadcastChannel('held-cuts');
channel.onmessage = ({ data }) => {
  if (data === 'crash') process.exit(1);
  if (data === 'release') for (const id of held.splice(0)) parentPort.postMessage({ id, tile: new Uint8Array([renders]).buffer });
};
channel.unref();
parentPort.on('message', (request) => {
  if (request.type === 'build') builds++, parentPort.postMessage({ id: request.id, built: { indexBytes: 1 } });
  else if (request.type === 'render') held.push(request.id), renders++;
  else parentPort.postMessage({ id: request.id, memory: { heapBytes: builds, cut: { tiles: renders, bytes: 0 } } });
});
`;

let dir: string;
let script: URL;
let channel: BroadcastChannel;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tile-thread-'));
  const file = path.join(dir, 'stand-in.mjs');
  await fs.writeFile(file, STAND_IN);
  script = pathToFileURL(file);
  channel = new BroadcastChannel('held-cuts');
});
afterAll(async () => {
  channel.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const options = { cutBudgetBytes: 1e6, heapMb: 128, queue: 16 };

/** Association outlines as the database gives them: wobbly many-sided polygons over a 0.4° square near Rome. */
function rows(): TilesetRows {
  const outlines = [];
  const n = 6;
  const step = 0.4 / n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const [cx, cy] = [12.3 + (i + 0.5) * step, 41.7 + (j + 0.5) * step];
      const ring: [number, number][] = [];
      for (let k = 0; k < 120; k++) {
        const a = (2 * Math.PI * k) / 120;
        const r = (step / 2) * (0.8 + 0.15 * Math.sin(7 * a + i + j));
        ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      ring.push(ring[0]!);
      outlines.push({ code: i * n + j + 1, kind: 'unione', name: `Unione ${i}-${j}`, geometry: JSON.stringify({ type: 'Polygon', coordinates: [ring] }) });
    }
  }
  return { associations: outlines };
}

/** Tiles over the middle of one outline (the one of i = j = 3), from z5 to z14. */
const ROME: TileCoord[] = [5, 8, 11, 14].map((z) => tileAt(12.3 + 3.5 * (0.4 / 6), 41.7 + 3.5 * (0.4 / 6), z));

describe('the tile thread', () => {
  it('cuts, encodes and gzips in its own thread the very tiles the index cuts in-process', async () => {
    const thread = new TileThread(options);
    try {
      const index = await ThreadTileIndex.build(async () => rows(), 'associations', thread, new TileMemory(1e6));
      const here = TileIndex.fromRows('associations', rows(), new TileMemory(1e6));
      expect(index.indexBytes).toBe(here.indexBytes);
      for (const coord of ROME) {
        const [there, local] = [await index.tile(coord), here.render(coord)];
        expect(local, `${coord.z}/${coord.x}/${coord.y}`).not.toBeNull();
        expect(there?.gzipped).toEqual(local?.gzipped);
      }
      expect(await index.tile({ z: 9, x: 0, y: 0 })).toBeNull(); // nothing there
      expect((await thread.memory())?.heapBytes).toBeGreaterThan(0);
    } finally {
      await thread.close();
    }
  });

  it('leaves the HTTP thread free while it cuts: kept tiles are answered meanwhile, and a tile asked at once by many is cut once', async () => {
    const thread = new TileThread({ ...options, script });
    try {
      const index = await ThreadTileIndex.build(async () => rows(), 'associations', thread, new TileMemory(1e6));
      const first = index.tile(ROME[0]!);
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(1);
      channel.postMessage('release');
      const kept = await first;
      // Five asks of one tile, held in the thread: the HTTP thread still answers the kept tile.
      const held = Array.from({ length: 5 }, () => index.tile(ROME[1]!));
      expect(await index.tile(ROME[0]!)).toBe(kept);
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(2);
      channel.postMessage('release');
      const answers = await Promise.all(held);
      for (const answer of answers) expect(answer).toBe(answers[0]);
      expect((await thread.memory())?.cut.tiles).toBe(2); // one cut for the five
    } finally {
      await thread.close();
    }
  });

  it('answers 503 for what a thread that died was cutting, and builds the index again in the next one', async () => {
    const thread = new TileThread({ ...options, script });
    let reads = 0;
    try {
      const index = await ThreadTileIndex.build(async () => (reads++, rows()), 'associations', thread, new TileMemory(1e6));
      const cutting = index.tile(ROME[2]!).catch((error: unknown) => error);
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(1);
      channel.postMessage('crash');
      const refused = await cutting;
      expect(refused).toBeInstanceOf(HttpError);
      expect((refused as HttpError).status).toBe(503);
      expect((refused as HttpError).message).toMatch(/riprova tra poco \/ .*try again shortly/);
      // The next tile starts a new thread, which is given the index again (read again) before it cuts.
      const again = index.tile(ROME[2]!);
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(1);
      expect((await thread.memory())?.heapBytes).toBe(1); // the stand-in's count of builds: one, in this thread
      expect(reads).toBe(2);
      channel.postMessage('release');
      expect((await again)?.gzipped.length).toBe(1);
    } finally {
      await thread.close();
    }
  });

  it('refuses with 503 the tiles beyond its queue, and takes them again once it catches up', async () => {
    const thread = new TileThread({ ...options, queue: 2, script });
    try {
      const index = await ThreadTileIndex.build(async () => rows(), 'associations', thread, new TileMemory(1e6));
      const queued = [index.tile(ROME[0]!), index.tile(ROME[1]!)];
      const refused = await index.tile(ROME[2]!).catch((error: unknown) => error);
      expect((refused as HttpError).status).toBe(503);
      expect((refused as HttpError).code).toBe('busy');
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(2);
      channel.postMessage('release');
      await Promise.all(queued);
      const third = index.tile(ROME[2]!);
      await expect.poll(async () => (await thread.memory())?.cut.tiles).toBe(3);
      channel.postMessage('release');
      expect(await third).not.toBeNull();
    } finally {
      await thread.close();
    }
  });

  it('writes the archive of its index, drops the index, and cuts tiles deeper than the archive from their ancestor', async () => {
    const thread = new TileThread(options);
    try {
      const index = await ThreadTileIndex.build(async () => rows(), 'associations', thread, new TileMemory(1e6));
      const archive = await index.archive(7, 12);
      // The very archive the same index writes in-process (as `npm run tiles:export` does).
      const local = TileIndex.fromRows('associations', rows(), new TileMemory(1e6));
      const here = await buildTileArchive(local, 'associations', { dataVersion: 7, maxZoom: 12 });
      expect(archive.equals(here)).toBe(true);
      await index.drop();
      expect((await thread.memory())?.indexes).toBe(0);
      // A request still holding the dropped index is refused (asked again, the archive serves it), never given a new index.
      expect(((await index.render(ROME[0]!).catch((error: unknown) => error)) as HttpError).status).toBe(503);
      expect((await thread.memory())?.indexes).toBe(0);

      const served = ArchiveTileIndex.parse(archive, thread, new TileMemory(1e6), 'associations@test/');
      expect(served.maxZoom).toBe(12);
      expect(served.indexBytes).toBe(0);
      for (const coord of ROME.filter((c) => c.z <= 12)) expect((await served.tile(coord))?.gzipped.equals(local.render(coord)!.gzipped)).toBe(true);
      // z14: cut in the thread from the z12 tile; the same outline as the index cuts there.
      const deep = ROME.find((c) => c.z === 14)!;
      const derived = await served.tile(deep);
      const cut = local.render(deep);
      const ids = (gzipped: Buffer) => {
        const layer = new VectorTile(new PbfReader(gunzipSync(gzipped))).layers.associations!;
        return Array.from({ length: layer.length }, (_, i) => layer.feature(i).id).sort();
      };
      expect(ids(derived!.gzipped)).toEqual(ids(cut!.gzipped));
      expect(await served.tile(deep)).toBe(derived); // kept in the tile memory
      // Nothing in the ancestor: nothing below it, and the thread is not asked.
      expect(await served.tile({ z: 14, x: 0, y: 0 })).toBeNull();
      expect(ancestorAt({ z: 14, x: 8743, y: 6091 }, 12)).toEqual({ z: 12, x: 2185, y: 1522 });
      // The archive is still whole (the ancestor sent to the thread was a copy, not the archive's own bytes).
      const z12 = ancestorAt(deep, 12);
      expect((await served.tile(z12))?.gzipped.equals(local.render(z12)!.gzipped)).toBe(true);
      // Ended, the thread starts again for the next deep tile, holding no index.
      await thread.stop();
      expect(thread.running).toBe(false);
      expect(await served.tile({ ...deep, x: deep.x + 1 })).not.toBeUndefined();
      expect((await thread.memory())?.indexes).toBe(0);
    } finally {
      await thread.close();
    }
  });
});
