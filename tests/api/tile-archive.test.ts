import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDataVersion } from '../../geodata/import/data-version';
import type { MemoryReport } from '../../server/data/memory-report';
import { ringArea } from '../../server/tiles/repair';
import { ITALY_BOUNDS, tileAt, tilesCovering, type TileCoord } from '../../server/tiles/tile-coords';
import { ARCHIVE_MAX_ZOOM } from '../../server/tiles/tile-archive';
import type { TilesetName } from '../../server/tiles/tile-sources';
import { attributeValues, hasGdal, ogrinfo } from '../helpers/gdal';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startTestServer, TEST_ADMIN_TOKEN, useTestServer, type TestServer } from '../helpers/test-server';

/** The app as the tests run it: every tile cut in the tile thread (no archive directory). */
const env = useTestServer();

const state: { dir?: string; archived?: TestServer } = {};
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-archives-'));
  dirs.push(dir);
  return dir;
};

/** The app's own archives, to z12 (under a minute in the tile thread), and the deepest tiles derived from them (z14). */
const ARCHIVE_ZOOM = ARCHIVE_MAX_ZOOM;

/** Compared tile by tile with the thread's up to this zoom (some 190 tiles), a spread of them below. */
const EVERY_TILE_ZOOM = 8;

beforeAll(async () => {
  state.dir = tempDir();
  state.archived = await startTestServer(env.database.db, undefined, { tileArchiveDir: state.dir });
  expect(await state.archived.ctx.tiles.comuni.ready?.()).toBe(true);
  expect(await state.archived.ctx.tiles.associations.ready?.()).toBe(true);
}, 900_000);
afterAll(async () => {
  await state.archived?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const archived = () => state.archived!;
const archives = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.pmtiles')).sort();
const tileOf = async (server: TestServer, name: TilesetName, coord: TileCoord) => (await server.ctx.tiles[name].get()).value.tile(coord);
const decode = (gzipped: Buffer) => new VectorTile(new PbfReader(gunzipSync(gzipped)));
const memoryOf = async (server: TestServer) =>
  (await (await server.get('/api/health/memory', { headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })).json()) as MemoryReport;

/** Every tile covering Italy to EVERY_TILE_ZOOM, then some 60 a zoom spread over Italy to the archive's deepest zoom, and some outside. */
function everyTile(): TileCoord[] {
  const coords: TileCoord[] = [];
  for (let z = 0; z <= ARCHIVE_ZOOM; z++) {
    const all = [...tilesCovering(ITALY_BOUNDS, z)];
    const step = z <= EVERY_TILE_ZOOM ? 1 : Math.floor(all.length / 60);
    coords.push(...all.filter((_, i) => i % step === 0));
  }
  coords.push({ z: 6, x: 10, y: 10 }, { z: 8, x: 0, y: 0 });
  return coords;
}

describe('tiles served from the archive', () => {
  it('are byte for byte the tiles the thread cuts, every one to z8 and a spread to z12, and empty where those are (204)', async () => {
    let empty = 0;
    for (const name of ['comuni', 'associations'] as const) {
      for (const coord of everyTile()) {
        const where = `${name} ${coord.z}/${coord.x}/${coord.y}`;
        const [fromArchive, cut] = [await tileOf(archived(), name, coord), await tileOf(env.server, name, coord)];
        expect(fromArchive === null, where).toBe(cut === null);
        if (cut && fromArchive) expect(fromArchive.gzipped.equals(cut.gzipped), where).toBe(true);
        if (!cut) empty++;
      }
    }
    expect(empty).toBeGreaterThan(100); // the sea, the Alps beyond the border
    // And over HTTP: the same answers, 204 outside Italy.
    for (const url of ['/tiles/comuni/6/10/10.pbf', '/tiles/comuni/8/136/95.pbf', '/tiles/comuni/5/17/11.pbf']) {
      const [a, b] = [await archived().get(url), await env.server.get(url)];
      expect(a.status, url).toBe(b.status);
      expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer())), url).toBe(true);
    }
    expect((await archived().get('/tiles/comuni/6/10/10.pbf')).status).toBe(204);
  });

  it('below the archive\'s deepest zoom are cut from their ancestor there: the same features as the thread cuts, polygons valid', async () => {
    const deep = ARCHIVE_ZOOM + 2;
    const places = [tileAt(12.48, 41.89, deep), tileAt(9.19, 45.46, deep), tileAt(14.25, 40.85, deep - 1), tileAt(11.25, 43.77, deep), tileAt(13.36, 38.12, deep)];
    const dir = tempDir();
    let polygons = 0;
    for (const coord of places) {
      const where = `${coord.z}/${coord.x}/${coord.y}`;
      const [derived, cut] = [await tileOf(archived(), 'comuni', coord), await tileOf(env.server, 'comuni', coord)];
      expect(derived, where).not.toBeNull();
      const [a, b] = [decode(derived!.gzipped), decode(cut!.gzipped)];
      expect(Object.keys(a.layers).sort(), where).toEqual(Object.keys(b.layers).sort());
      for (const [name, layer] of Object.entries(a.layers)) {
        // A label point within a unit of the ancestor's grid of the tile's edge may fall either side of it once on that grid.
        const margin = 2 * 2 ** (coord.z - ARCHIVE_ZOOM);
        const inside = (f: ReturnType<typeof layer.feature>) =>
          f.type !== 1 || f.loadGeometry().some((ring) => ring.some((p) => Math.min(p.x, p.y) >= margin && Math.max(p.x, p.y) < f.extent - margin));
        const ids = (l: typeof layer) =>
          Array.from({ length: l.length }, (_, i) => l.feature(i))
            .filter(inside)
            .map((f) => `${f.id ?? ''}:${JSON.stringify(f.properties)}`)
            .sort();
        expect(ids(layer), `${where} ${name}`).toEqual(ids(b.layers[name]!));
        for (let i = 0; i < layer.length; i++) {
          const feature = layer.feature(i);
          if (feature.type !== 3) continue;
          polygons++;
          const rings = feature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y] as [number, number]));
          expect(ringArea(rings[0]!), `${where} ${name} ${feature.id}`).toBeGreaterThan(0); // MVT exterior first
        }
      }
      // Over HTTP too, and GDAL (what QGIS reads with) finds every polygon valid.
      const response = await archived().get(`/tiles/comuni/${where}.pbf`);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!hasGdal) continue;
      const file = path.join(dir, String(coord.z), String(coord.x), `${coord.y}.pbf`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      const layers = ['comuni', 'provinces', 'regions'].filter((name) => a.layers[name]);
      const sql = layers.map((name) => `SELECT '${name}' AS layer, count(*) AS n, sum(CASE WHEN ST_IsValid(geometry) THEN 0 ELSE 1 END) AS invalid FROM ${name}`).join(' UNION ALL ');
      const answer = await ogrinfo('-q', '-oo', 'CLIP=NO', '-dialect', 'SQLite', '-sql', sql, file);
      expect(attributeValues(answer, 'n').map(Number), where).toEqual(layers.map((name) => a.layers[name]!.length));
      expect(attributeValues(answer, 'invalid').map(Number), where).toEqual(layers.map(() => 0));
    }
    expect(polygons).toBeGreaterThan(10); // z14 tiles: a Comune or three, its province and region, at each of five places
    // Kept in the tile memory, bounded by bytes: asked again, the same tile without the thread.
    const again = await tileOf(archived(), 'comuni', places[0]!);
    expect(again).toBe(await tileOf(archived(), 'comuni', places[0]!));
    expect(archived().ctx.tileMemory.report.encoded.tiles).toBeGreaterThan(0);
  });

  it('are read from the archive by a later start on the same directory, which builds no index', async () => {
    const later = await startTestServer(env.database.db, undefined, { tileArchiveDir: state.dir });
    try {
      const coord = tileAt(12.48, 41.89, ARCHIVE_ZOOM);
      const tile = await tileOf(later, 'comuni', coord);
      expect(tile?.gzipped.equals((await tileOf(env.server, 'comuni', coord))!.gzipped)).toBe(true);
      expect(later.ctx.tileThread.running).toBe(false); // no thread was ever started: no index anywhere
      expect(later.ctx.tiles.comuni.peek()?.indexBytes).toBe(0);
      expect(archives(state.dir!)).toHaveLength(2); // comuni and associations, each once
    } finally {
      await later.close();
    }
  });

  it('are reported in /api/health/memory, per tileset, with no index nor tile thread held once written', async () => {
    const report = await memoryOf(archived());
    const bytesOf = (name: TilesetName) => fs.statSync(path.join(state.dir!, archives(state.dir!).find((f) => f.startsWith(`${name}-`))!)).size;
    expect(report.tiles.archiveBytes.comuni).toBe(bytesOf('comuni'));
    expect(report.tiles.archiveBytes.associations).toBe(bytesOf('associations'));
    expect(report.tiles.indexBytes).toBe(0);
    // The thread runs again only for tiles below z12 (another test may have asked some): then empty.
    expect(report.tileThread?.indexes ?? 0).toBe(0);
    // The thread path reports no archive.
    const cut = await memoryOf(env.server);
    expect(cut.tiles.archiveBytes.comuni).toBe(0);
  });
});

/** Archives to z6 only: written in seconds (the lifecycle is the same as to z12). */
const SMALL = { tileArchiveOptions: { maxZoom: 6 } };

describe('the archive files', () => {
  it('are rebuilt when one is cut short, the tiles served from the thread meanwhile', async () => {
    const dir = tempDir();
    const first = await startTestServer(env.database.db, undefined, { tileArchiveDir: dir, ...SMALL });
    try {
      expect(await first.ctx.tiles.associations.ready?.()).toBe(true);
    } finally {
      await first.close();
    }
    const [file] = archives(dir);
    const whole = fs.readFileSync(path.join(dir, file!));
    fs.writeFileSync(path.join(dir, file!), whole.subarray(0, whole.length - 1000));
    const server = await startTestServer(env.database.db, undefined, { tileArchiveDir: dir, ...SMALL });
    try {
      const tile = await tileOf(server, 'associations', { z: 6, x: 34, y: 23 });
      expect(tile).not.toBeNull();
      expect(await server.ctx.tiles.associations.ready?.()).toBe(true);
      expect(archives(dir)).toEqual([file]);
      expect(fs.readFileSync(path.join(dir, file!)).equals(whole)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('are built anew for a new data version, and the old ones removed', async () => {
    let database: TestDatabase | undefined;
    let server: TestServer | undefined;
    try {
      database = await openTestDatabase();
      const dir = tempDir();
      server = await startTestServer(database.db, undefined, { tileArchiveDir: dir, ...SMALL });
      expect(await server.ctx.tiles.associations.ready?.()).toBe(true);
      const [before] = archives(dir);
      const { version: v1 } = await server.ctx.tiles.associations.get();
      await database.db.knex.transaction((trx) => recordDataVersion(trx, 'test', {}));
      server.ctx.versions.invalidate();
      const { version: v2 } = await server.ctx.tiles.associations.get();
      expect(v2).toBeGreaterThan(v1);
      expect(await server.ctx.tiles.associations.ready?.()).toBe(true);
      const [after, ...more] = archives(dir);
      expect(more).toEqual([]);
      expect(after).toMatch(/^associations-[0-9a-f]{16}\.pmtiles$/);
      expect(after).not.toBe(before);
      expect(await tileOf(server, 'associations', { z: 6, x: 34, y: 23 })).not.toBeNull();
    } finally {
      await server?.close();
      await database?.dispose();
    }
  });
});
