import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { slimBundleUrl } from '../../infra/db/postgis-bundle.mjs';

const FULL = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz'));
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-postgis-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The file names in a gzipped tar. */
async function namesIn(file: string): Promise<string[]> {
  const names: string[] = [];
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    names.push(header.name);
    stream.on('end', next);
    stream.resume();
  });
  await pipeline(fs.createReadStream(file), createGunzip(), extract);
  return names;
}

/** A gzipped tar holding these files. */
async function bundleOf(file: string, names: string[]): Promise<URL> {
  const pack = tar.pack();
  for (const name of names) pack.entry({ name }, `contents of ${name}`);
  pack.finalize();
  await pipeline(pack, createGzip(), fs.createWriteStream(file));
  return pathToFileURL(file);
}

describe('the PostGIS bundle the embedded database loads', () => {
  it('keeps the core library, its install script and PROJ, and leaves raster, topology and upgrades out', async () => {
    const dir = tempDir();
    const slim = await slimBundleUrl(FULL, [dir]);
    expect(path.dirname(fileURLToPath(slim))).toBe(dir);
    const kept = await namesIn(fileURLToPath(slim));
    const all = await namesIn(fileURLToPath(FULL));
    expect(kept.filter((n) => !n.startsWith('share/proj/')).sort()).toEqual([
      'lib/postgresql/postgis-3.so',
      'share/postgresql/extension/postgis--3.6.2.sql',
      'share/postgresql/extension/postgis.control',
    ]);
    expect(kept.filter((n) => n.startsWith('share/proj/'))).toEqual(all.filter((n) => n.startsWith('share/proj/')));
    expect(all).toContain('lib/postgresql/postgis_raster-3.so');
    expect(fs.statSync(fileURLToPath(slim)).size).toBeLessThan(fs.statSync(fileURLToPath(FULL)).size / 2);
    // Made once: a second open finds it.
    const made = fs.statSync(fileURLToPath(slim)).mtimeMs;
    expect((await slimBundleUrl(FULL, [dir])).href).toBe(slim.href);
    expect(fs.statSync(fileURLToPath(slim)).mtimeMs).toBe(made);
  });

  it('is made whole by one of several openers at once, and replaces the copy of an earlier version', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'postgis-123-456.tar.gz'), 'a copy for an earlier version');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    const urls = await Promise.all([slimBundleUrl(FULL, [dir]), slimBundleUrl(FULL, [dir]), slimBundleUrl(FULL, [dir])]);
    expect(new Set(urls.map((u) => u.href)).size).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', path.basename(fileURLToPath(urls[0]!))].sort()); // the old copy is gone
    expect(await namesIn(fileURLToPath(urls[0]!))).toContain('lib/postgresql/postgis-3.so');
  });

  it('falls back to the full bundle, saying so, when a copy would lack what PostGIS needs or cannot be written', async () => {
    const dir = tempDir();
    const odd = await bundleOf(path.join(dir, 'odd.tar.gz'), ['lib/postgresql/postgis_raster-3.so', 'share/postgresql/extension/postgis.control']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cache = path.join(dir, 'cache');
    expect((await slimBundleUrl(odd, [cache])).href).toBe(odd.href);
    expect(warn.mock.calls[0]?.[0]).toMatch(/full PostGIS bundle.*postgis-/);
    expect(fs.readdirSync(cache)).toEqual([]); // nothing half-written left behind
    // A cache that is a file, not a folder: the next place is tried, then the full bundle.
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, '');
    const elsewhere = path.join(dir, 'elsewhere');
    expect(path.dirname(fileURLToPath(await slimBundleUrl(FULL, [blocked, elsewhere])))).toBe(elsewhere);
    expect((await slimBundleUrl(FULL, [blocked])).href).toBe(FULL.href);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
