/**
 * A small PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * tiles in tile-id order (clustered), identical tiles stored once, directories gzipped and split
 * into leaves when the root would not fit in the first 16 KiB. Read back with the `pmtiles` package.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile as stored (here: gzipped MVT). */
  data: Uint8Array;
}

export interface ArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  /** The JSON metadata (TileJSON-like: name, attribution, vector_layers). */
  metadata: object;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const GZIP = 2;
const MVT = 1;

function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory as the spec lays it out (ids as deltas, then run lengths, lengths, offsets), gzipped. */
export function encodeDirectory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    pushVarint(out, previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return gzipSync(Buffer.from(out));
}

/** The root directory and the leaves it points to (offsets relative to the leaves' section). */
function directories(entries: readonly Entry[]): { root: Buffer; leaves: Buffer } {
  const root = encodeDirectory(entries);
  if (root.length <= ROOT_LIMIT) return { root, leaves: Buffer.alloc(0) };
  for (let size = 4096; ; size *= 2) {
    const leafEntries: Entry[] = [];
    const parts: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += size) {
      const leaf = encodeDirectory(entries.slice(i, i + size));
      leafEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const rootOfLeaves = encodeDirectory(leafEntries);
    if (rootOfLeaves.length <= ROOT_LIMIT) return { root: rootOfLeaves, leaves: Buffer.concat(parts) };
  }
}

function writeUint64(buffer: Buffer, at: number, value: number): void {
  buffer.writeBigUInt64LE(BigInt(value), at);
}

const e7 = (degrees: number) => Math.round(degrees * 1e7);

/** The whole archive: header, root directory, metadata, leaf directories, tile data. */
export function writePmtiles(tiles: Iterable<ArchiveTile>, options: ArchiveOptions): Buffer {
  const sorted = [...tiles].map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  const entries: Entry[] = [];
  const chunks: Uint8Array[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (const { id, data } of sorted) {
    const key = createHash('sha256').update(data).digest('base64');
    let at = stored.get(key);
    if (!at) {
      at = { offset: dataLength, length: data.length };
      stored.set(key, at);
      chunks.push(data);
      dataLength += data.length;
    }
    const last = entries[entries.length - 1];
    // Consecutive ids with the same content share an entry (a run), as the spec allows.
    if (last && last.tileId + last.runLength === id && last.offset === at.offset) last.runLength += 1;
    else entries.push({ tileId: id, offset: at.offset, length: at.length, runLength: 1 });
  }

  const { root, leaves } = directories(entries);
  const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata)));
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;
  writeUint64(header, 8, rootOffset);
  writeUint64(header, 16, root.length);
  writeUint64(header, 24, metadataOffset);
  writeUint64(header, 32, metadata.length);
  writeUint64(header, 40, leavesOffset);
  writeUint64(header, 48, leaves.length);
  writeUint64(header, 56, dataOffset);
  writeUint64(header, 64, dataLength);
  writeUint64(header, 72, sorted.length);
  writeUint64(header, 80, entries.length);
  writeUint64(header, 88, chunks.length);
  header.writeUInt8(1, 96); // clustered: tile data in tile-id order
  header.writeUInt8(GZIP, 97); // directories and metadata
  header.writeUInt8(GZIP, 98); // tiles
  header.writeUInt8(MVT, 99);
  header.writeUInt8(options.minZoom, 100);
  header.writeUInt8(options.maxZoom, 101);
  const [west, south, east, north] = options.bounds;
  header.writeInt32LE(e7(west), 102);
  header.writeInt32LE(e7(south), 106);
  header.writeInt32LE(e7(east), 110);
  header.writeInt32LE(e7(north), 114);
  const [lon, lat, zoom] = options.center;
  header.writeUInt8(zoom, 118);
  header.writeInt32LE(e7(lon), 119);
  header.writeInt32LE(e7(lat), 123);
  return Buffer.concat([header, root, metadata, leaves, ...chunks]);
}
