import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { PMTiles } from 'pmtiles';
import type { Knex } from 'knex';
import { gzipSync } from 'node:zlib';
import { exportTiles } from '../../server/tiles/tile-export';
import type { TileSource } from '../../server/tiles/archived-tileset';
import { load, percentile, type LoadResult } from './measure';
import { BufferSource } from '../helpers/pmtiles-source';
import { hasNginx, withNginx } from './nginx';

export interface TileSourceFigures {
  exportSeconds: number;
  archiveBytes: number;
  archiveReadP50: number;
  cutterWarmP50: number;
  staticFiles: LoadResult;
  /** The same files from nginx, when installed: the most this machine and its load generator reach. */
  nginx?: LoadResult;
  /** nginx again with 200 connections, as the 200 readers' test opens: its p99 is the floor there. */
  nginx200?: LoadResult;
}

/**
 * The same tiles three ways: the exported PMTiles archive read in-process, the in-memory cutter
 * (warm), and plain static files under load: express.static, and nginx when it is installed.
 */
export async function compareTileSources(knex: Knex, index: TileSource, tiles: { z: number; x: number; y: number }[]): Promise<TileSourceFigures> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-tiles-'));
  let server: Server | undefined;
  try {
    const started = performance.now();
    const [comuni] = await exportTiles(knex, dir);
    const exportSeconds = (performance.now() - started) / 1000;
    const archive = new PMTiles(new BufferSource(await fs.readFile(comuni!.file)));
    await archive.getHeader();
    const archiveTimes: number[] = [];
    const cutterTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const t of tiles) {
        let s = performance.now();
        await archive.getZxy(t.z, t.x, t.y);
        archiveTimes.push(performance.now() - s);
        s = performance.now();
        await index.tile(t);
        cutterTimes.push(performance.now() - s);
      }
    }
    // The archive's tiles written out as files (gzipped, as a CDN stores them), served statically.
    const files = path.join(dir, 'files');
    await writeTileFiles(files, tiles, async (t) => {
      const tile = await archive.getZxy(t.z, t.x, t.y);
      return tile ? gzipSync(Buffer.from(tile.data)) : null;
    });
    const app = express();
    app.use((_req, res, next) => {
      res.set('Content-Encoding', 'gzip');
      next();
    });
    app.use(express.static(files));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const filePaths = tiles.map((t) => `/${t.z}/${t.x}/${t.y}.pbf`);
    const staticFiles = await load(base, filePaths, 8, 8);
    const nginx = hasNginx() ? await nginxLoads(files, filePaths) : {};
    return { exportSeconds, archiveBytes: comuni!.bytes, archiveReadP50: percentile(archiveTimes, 50), cutterWarmP50: percentile(cutterTimes, 50), staticFiles, ...nginx };
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  }
}

type Tile = { z: number; x: number; y: number };

/** Each tile's gzipped bytes as `root`/z/x/y.pbf (tiles with nothing there left out). */
async function writeTileFiles(root: string, tiles: Tile[], gzipped: (t: Tile) => Promise<Buffer | null>): Promise<void> {
  for (const t of tiles) {
    const bytes = await gzipped(t);
    if (!bytes) continue;
    await fs.mkdir(path.join(root, String(t.z), String(t.x)), { recursive: true });
    await fs.writeFile(path.join(root, String(t.z), String(t.x), `${t.y}.pbf`), bytes);
  }
}

/** nginx over `files`: 8 connections (the ceiling) and 200 (its p99 is the floor of the 200 readers' test). */
async function nginxLoads(files: string, filePaths: string[]): Promise<{ nginx: LoadResult; nginx200: LoadResult }> {
  return withNginx(files, async (nginxBase) => ({ nginx: await load(nginxBase, filePaths, 8, 8), nginx200: await load(nginxBase, filePaths, 10, 200) }));
}

/**
 * The app's own tiles (the index's gzipped bytes) as static files under nginx, when it is installed:
 * the reference of `npm run bench -- saves`, without the archive's export. Undefined without nginx.
 */
export async function nginxOnAppTiles(index: TileSource, tiles: Tile[]): Promise<{ nginx: LoadResult; nginx200: LoadResult } | undefined> {
  if (!hasNginx()) return undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-bench-nginx-'));
  try {
    const files = path.join(dir, 'files');
    await writeTileFiles(files, tiles, async (t) => (await index.tile(t))?.gzipped ?? null);
    return await nginxLoads(files, tiles.map((t) => `/${t.z}/${t.x}/${t.y}.pbf`));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
