/**
 * A PMTiles v3 archive held whole in memory, its directories read once into a lookup: a tile is
 * then a view on the archive's own bytes (no copy), found by binary search on its tile id. For the
 * archives the app writes itself (pmtiles-writer.ts): tiles gzipped, directories gzipped.
 */
import { gunzipSync } from 'node:zlib';
import { bytesToHeader, Compression, readVarint, TileType, zxyToTileId, type Header } from 'pmtiles';
import type { TileCoord } from './tile-coords';

/** Why an archive cannot be served: it is rebuilt (a truncated file, another format, a bug). */
export class BadArchiveError extends Error {
  constructor(reason: string) {
    super(`archivio PMTiles non valido / invalid PMTiles archive: ${reason}`);
    this.name = 'BadArchiveError';
  }
}

interface Directory {
  ids: Float64Array;
  offsets: Float64Array;
  lengths: Uint32Array;
  runs: Uint32Array;
}

/** A gzipped directory (spec §4.5): ids as deltas, then run lengths, lengths, offsets (0 = right after the previous). */
function readDirectory(bytes: Uint8Array): Directory {
  let raw: Uint8Array;
  try {
    raw = gunzipSync(bytes);
  } catch {
    throw new BadArchiveError('a directory is not gzip');
  }
  const p = { buf: raw, pos: 0 };
  const n = readVarint(p);
  if (!Number.isSafeInteger(n) || n > raw.length) throw new BadArchiveError('a directory counts more entries than it holds');
  const dir: Directory = { ids: new Float64Array(n), offsets: new Float64Array(n), lengths: new Uint32Array(n), runs: new Uint32Array(n) };
  let id = 0;
  for (let i = 0; i < n; i++) dir.ids[i] = id += readVarint(p);
  for (let i = 0; i < n; i++) dir.runs[i] = readVarint(p);
  for (let i = 0; i < n; i++) dir.lengths[i] = readVarint(p);
  for (let i = 0; i < n; i++) {
    const v = readVarint(p);
    dir.offsets[i] = v === 0 && i > 0 ? dir.offsets[i - 1]! + dir.lengths[i - 1]! : v - 1;
  }
  if (p.pos > raw.length) throw new BadArchiveError('a directory ends before its entries');
  return dir;
}

/** The directory entries in the archive, leaves flattened into one table in tile-id order. */
function flatten(archive: Uint8Array, header: Header): Directory {
  const slice = (offset: number, length: number, what: string) => {
    if (offset + length > archive.length) throw new BadArchiveError(`${what} beyond the end of the file`);
    return archive.subarray(offset, offset + length);
  };
  const ids: number[] = [];
  const offsets: number[] = [];
  const lengths: number[] = [];
  const runs: number[] = [];
  const walk = (dir: Directory, depth: number) => {
    if (depth > 3) throw new BadArchiveError('directories nested too deep');
    for (let i = 0; i < dir.ids.length; i++) {
      if (dir.runs[i] === 0) {
        walk(readDirectory(slice(header.leafDirectoryOffset + dir.offsets[i]!, dir.lengths[i]!, 'a leaf directory')), depth + 1);
      } else {
        ids.push(dir.ids[i]!);
        offsets.push(dir.offsets[i]!);
        lengths.push(dir.lengths[i]!);
        runs.push(dir.runs[i]!);
      }
    }
  };
  walk(readDirectory(slice(header.rootDirectoryOffset, header.rootDirectoryLength, 'the root directory')), 0);
  return { ids: Float64Array.from(ids), offsets: Float64Array.from(offsets), lengths: Uint32Array.from(lengths), runs: Uint32Array.from(runs) };
}

export class PmtilesLookup {
  private constructor(
    private readonly archive: Buffer,
    private readonly dir: Directory,
    private readonly dataOffset: number,
    readonly minZoom: number,
    readonly maxZoom: number,
  ) {}

  /**
   * Reads the header and every directory, and checks that each entry lies in the file: a file
   * cut short or not an archive of gzipped vector tiles throws BadArchiveError.
   */
  static parse(archive: Buffer): PmtilesLookup {
    if (archive.length < 127) throw new BadArchiveError('shorter than its header');
    const view = archive.buffer.slice(archive.byteOffset, archive.byteOffset + 127) as ArrayBuffer;
    let header: Header;
    try {
      header = bytesToHeader(view);
    } catch (error) {
      throw new BadArchiveError(error instanceof Error ? error.message : String(error));
    }
    if (header.specVersion !== 3) throw new BadArchiveError(`version ${header.specVersion}, not 3`);
    if (header.tileCompression !== Compression.Gzip || header.internalCompression !== Compression.Gzip || header.tileType !== TileType.Mvt) {
      throw new BadArchiveError('not gzipped vector tiles');
    }
    const dataLength = header.tileDataLength ?? -1;
    if (header.tileDataOffset + dataLength !== archive.length) {
      throw new BadArchiveError(`${archive.length} bytes where the header says ${header.tileDataOffset + dataLength}`);
    }
    const dir = flatten(archive, header);
    let addressed = 0;
    for (let i = 0; i < dir.ids.length; i++) {
      if (i > 0 && dir.ids[i]! < dir.ids[i - 1]! + dir.runs[i - 1]!) throw new BadArchiveError('entries out of order');
      if (dir.offsets[i]! + dir.lengths[i]! > dataLength) throw new BadArchiveError('a tile beyond the tile data');
      addressed += dir.runs[i]!;
    }
    if (header.numAddressedTiles !== 0 && addressed !== header.numAddressedTiles) {
      throw new BadArchiveError(`${addressed} tiles where the header says ${header.numAddressedTiles}`);
    }
    return new PmtilesLookup(archive, dir, header.tileDataOffset, header.minZoom, header.maxZoom);
  }

  /** The tile as stored (gzipped): a view on the archive's bytes; null when the archive has none there. */
  find({ z, x, y }: TileCoord): Buffer | null {
    const id = zxyToTileId(z, x, y);
    const { ids, runs } = this.dir;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! > id) hi = mid - 1;
      else lo = mid + 1;
    }
    // hi: the last entry starting at or before id; it holds id when its run reaches it.
    if (hi < 0 || id >= ids[hi]! + runs[hi]!) return null;
    const start = this.dataOffset + this.dir.offsets[hi]!;
    return this.archive.subarray(start, start + this.dir.lengths[hi]!);
  }

  /** Bytes of the archive held. */
  get bytes(): number {
    return this.archive.length;
  }

  /** Entries in the lookup (runs of identical tiles count once). */
  get entries(): number {
    return this.dir.ids.length;
  }
}
