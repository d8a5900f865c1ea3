import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataVersion } from '../data/data-version';
import type { TilesetName } from './tile-sources';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

/**
 * The source files whose text makes the tiles: every module here, and what the layers read from
 * elsewhere (the attribution, the overview's classes). A release that changes any of them has a
 * new fingerprint, so an archive written by an older release is never served.
 */
export const TILE_CODE = [path.join('geodata', 'datasets.ts'), path.join('domain', 'classify.ts'), path.join('domain', 'first-view.ts')];

/** The libraries that cut, repair and encode the tiles (their pinned versions, from package.json). */
const TILE_LIBRARIES = ['@maplibre/geojson-vt', '@maplibre/vt-pbf', 'polyclip-ts', '@turf/simplify', 'topojson-client', 'topojson-server'];

let codeFingerprint: string | undefined;

/** A hash of the tile code (see TILE_CODE) and of the libraries' versions: read once per process. */
export function tileCodeFingerprint(): string {
  if (codeFingerprint) return codeFingerprint;
  const hash = createHash('sha256');
  const own = fs.readdirSync(HERE).filter((name) => /\.(ts|mjs)$/.test(name)).sort().map((name) => path.join('server', 'tiles', name));
  for (const file of [...own, ...TILE_CODE]) {
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full)) continue;
    hash.update(`${file.split(path.sep).join('/')}\0`).update(fs.readFileSync(full)).update('\0');
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of TILE_LIBRARIES) hash.update(`${name}@${pkg.dependencies?.[name] ?? '?'}\0`);
  codeFingerprint = hash.digest('hex');
  return codeFingerprint;
}

/** One archive file found in the store. */
export interface StoredArchive {
  tileset: string;
  file: string;
  bytes: number;
}

const ARCHIVE_NAME = /^([a-z]+)-([0-9a-f]{16})\.pmtiles$/;

/**
 * Where each tileset's archive for a data version lives: `<dir>/<tileset>-<fingerprint>.pmtiles`,
 * the fingerprint a hash of the data version (its id and when it was imported: another database
 * on the same directory has other times) and of the tile code. Written beside and renamed into
 * place (a reader never sees half a file); once a new one is in place, that tileset's older
 * archives are removed. A file that cannot be read as an archive is removed, to be built again.
 */
export class ArchiveStore {
  constructor(
    readonly dir: string,
    private readonly code: string = tileCodeFingerprint(),
  ) {}

  fileOf(tileset: TilesetName, version: DataVersion): string {
    const fingerprint = createHash('sha256').update(`${version.id}\0${version.importedAt}\0${this.code}`).digest('hex').slice(0, 16);
    return path.join(this.dir, `${tileset}-${fingerprint}.pmtiles`);
  }

  /**
   * The archive of a tileset for a data version, as `parse` reads it; null when there is none, or
   * when `parse` throws on it (the file is then removed and the reason logged).
   */
  async read<T>(tileset: TilesetName, version: DataVersion, parse: (bytes: Buffer) => T): Promise<T | null> {
    const file = this.fileOf(tileset, version);
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return parse(bytes);
    } catch (error) {
      console.error(`Archivio di tile da rifare / Tile archive to rebuild: ${file}: ${error instanceof Error ? error.message : String(error)}`);
      await fsp.rm(file, { force: true });
      return null;
    }
  }

  /** Writes an archive atomically, then removes the tileset's other archives (and any half-written file). */
  async write(tileset: TilesetName, version: DataVersion, bytes: Uint8Array): Promise<string> {
    await fsp.mkdir(this.dir, { recursive: true });
    const file = this.fileOf(tileset, version);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fsp.writeFile(temp, bytes);
      await fsp.rename(temp, file);
    } finally {
      await fsp.rm(temp, { force: true });
    }
    const name = path.basename(file);
    for (const other of await fsp.readdir(this.dir)) {
      const stale = (ARCHIVE_NAME.exec(other)?.[1] === tileset && other !== name) || (other.startsWith(`${tileset}-`) && other.endsWith('.tmp') && !other.includes(`.${process.pid}.`));
      if (stale) await fsp.rm(path.join(this.dir, other), { force: true });
    }
    return file;
  }

  /** The archives in the directory (every tileset, every version). */
  async list(): Promise<StoredArchive[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: StoredArchive[] = [];
    for (const name of names.sort()) {
      const match = ARCHIVE_NAME.exec(name);
      if (!match) continue;
      const file = path.join(this.dir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat) found.push({ tileset: match[1]!, file, bytes: stat.size });
    }
    return found;
  }
}
