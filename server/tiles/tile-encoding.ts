import { gzipSync } from 'node:zlib';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { repairTile } from './repair';
import type { EncodedTile } from './tile-memory';

/** One layer of a tile as geojson-vt cut it: the vector-tile layer it is written to, and its extent. */
export interface CutLayer {
  writtenAs: string;
  tile: GeoJSONVTTile | null;
  extent: number;
}

/**
 * A tile from its layers as cut: polygons repaired (repair.ts), each layer with features encoded
 * with its own extent, the layers one after the other (protobuf: repeated field 3), gzipped; null
 * when no layer has anything.
 */
export function encodeTile(layers: Iterable<CutLayer>): EncodedTile | null {
  const parts: Buffer[] = [];
  for (const { writtenAs, tile, extent } of layers) {
    const features = tile ? repairTile(tile) : [];
    if (tile && features.length > 0) {
      parts.push(Buffer.from(fromGeojsonVt({ [writtenAs]: { ...tile, features } as GeoJSONVTTile }, { version: 2, extent })));
    }
  }
  if (parts.length === 0) return null;
  const gzipped = gzipSync(Buffer.concat(parts), { level: 6 });
  // zlib's answer is a view on its 16 KB output chunk: a 300-byte tile kept 16 KB alive (an
  // archive's build, holding every tile until it writes them, grew by 250 MB). Copied to its size.
  return { gzipped: gzipped.buffer.byteLength > gzipped.length ? Buffer.from(gzipped) : gzipped };
}
