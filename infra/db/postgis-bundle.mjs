// PostGIS for the embedded database, without what ALI Atlas never loads. pglite-postgis ships one
// bundle (95 MB unpacked): PostGIS, its raster and topology extensions, the tiger geocoder and every
// upgrade script. PGlite unpacks the whole bundle into memory and compiles every library in it at
// each open, so the two unused libraries (31 MB of WebAssembly) cost ~325 MB of memory and seconds of
// start. This keeps a copy with only the core library, its install script and the PROJ data, made
// once per pglite-postgis version under node_modules/.cache, and falls back to the full bundle when
// it cannot (a read-only disk, a bundle laid out differently).
// Plain JavaScript, like the worker that uses it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import { postgis } from '@electric-sql/pglite-postgis';
import tar from 'tar-stream';

/** What the core extension needs: its library, control file, install script and the PROJ database. */
export function keepsEntry(name) {
  return (
    /^lib\/postgresql\/postgis-\d+\.so$/.test(name) ||
    name.startsWith('share/proj/') ||
    /^share\/postgresql\/extension\/postgis(\.control|--\d+(\.\d+)*\.sql)$/.test(name)
  );
}

/** Without these three the copy would not install or load PostGIS: better the full bundle then. */
const REQUIRED = [/^lib\/postgresql\/postgis-\d+\.so$/, /^share\/postgresql\/extension\/postgis\.control$/, /^share\/postgresql\/extension\/postgis--\d+(\.\d+)*\.sql$/];

/**
 * Writes the slim copy of the bundle at `source` to `target` (gzipped tar, as PGlite reads it), or
 * throws when the result would lack something PostGIS needs. Returns the names kept.
 */
export async function writeSlimBundle(source, target) {
  const kept = [];
  const extract = tar.extract();
  const pack = tar.pack();
  extract.on('entry', (header, stream, next) => {
    const name = header.name.replace(/^\.\//, '');
    if (header.type === 'directory' || (header.type === 'file' && keepsEntry(name))) {
      if (header.type === 'file') kept.push(name);
      stream.pipe(pack.entry(header, (error) => next(error)));
    } else {
      stream.on('end', () => next());
      stream.resume();
    }
  });
  extract.on('finish', () => pack.finalize());
  extract.on('error', (error) => pack.destroy(error)); // a broken bundle ends the copy too
  const tmp = `${target}.${randomUUID()}.tmp`; // one per writer: several may be at it at once
  try {
    await Promise.all([
      pipeline(fs.createReadStream(source), createGunzip(), extract),
      pipeline(pack, createGzip({ level: 1 }), fs.createWriteStream(tmp)),
    ]);
    const missing = REQUIRED.filter((pattern) => !kept.some((name) => pattern.test(name)));
    if (missing.length) throw new Error(`the PostGIS bundle has no ${missing.map(String).join(', ')}`);
    fs.renameSync(tmp, target); // whole or not at all, even with several processes at it
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return kept;
}

/**
 * Where the slim copies live: the project's node_modules/.cache, else the system's temporary folder
 * (per user id: `os.userInfo()` would throw for a container's user without a passwd entry).
 */
function cacheDirs() {
  return [fileURLToPath(new URL('../../node_modules/.cache/ali-atlas/', import.meta.url)), path.join(os.tmpdir(), `ali-atlas-${process.getuid?.() ?? 'user'}`)];
}

/** The slim copy of the bundle at `sourceUrl`, made if needed; the full bundle when it cannot be. */
export async function slimBundleUrl(sourceUrl, dirs = cacheDirs()) {
  const source = fileURLToPath(sourceUrl);
  const { size, mtimeMs } = fs.statSync(source);
  const name = `postgis-${size}-${Math.round(mtimeMs)}.tar.gz`;
  let reason = '';
  for (const dir of dirs) {
    const target = path.join(dir, name);
    if (fs.existsSync(target)) return pathToFileURL(target);
    try {
      fs.mkdirSync(dir, { recursive: true });
      await writeSlimBundle(source, target);
      // Copies made for earlier versions of pglite-postgis are of no more use.
      for (const file of fs.readdirSync(dir)) if (/^postgis-\d+-\d+\.tar\.gz$/.test(file) && file !== name) fs.rmSync(path.join(dir, file), { force: true });
      return pathToFileURL(target);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  console.warn(`PostGIS completo (più memoria) / full PostGIS bundle (more memory): ${reason}`);
  return sourceUrl;
}

/** pglite-postgis's extension, loading the slim bundle. */
export const slimPostgis = {
  name: postgis.name,
  setup: async (pg, emscriptenOpts, clientOnly) => {
    const full = await postgis.setup(pg, emscriptenOpts, clientOnly);
    return full.bundlePath ? { ...full, bundlePath: await slimBundleUrl(full.bundlePath) } : full;
  },
};
