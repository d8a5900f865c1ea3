import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Knex } from 'knex';
import { repairTile } from './repair';
import { MAX_ZOOM, type TileCoord } from './tile-coords';
import { TILESETS, readTileLayer, tileLayer, type TileLayerName, type TilesetName } from './tile-sources';

const EXTENT = 4096;

/** An encoded tile, kept gzipped: that is how almost every client asks for it. */
export interface EncodedTile {
  gzipped: Buffer;
}

/** Vector tiles cut in memory from the database's geometry (the same on both engines). */
export class TileIndex {
  private readonly cache = new Map<string, EncodedTile | null>();
  private bytes = 0;

  private constructor(
    private readonly layers: Map<TileLayerName, { index: GeoJSONVT; minZoom: number }>,
    private readonly cacheSize: number,
  ) {}

  static async build(knex: Knex, tileset: TilesetName, cacheSize = 20000): Promise<TileIndex> {
    const layers = new Map<TileLayerName, { index: GeoJSONVT; minZoom: number }>();
    for (const name of TILESETS[tileset]) {
      const data = await readTileLayer(knex, name);
      const index = new GeoJSONVT(data, { maxZoom: MAX_ZOOM, extent: EXTENT, buffer: 64, tolerance: 3 });
      layers.set(name, { index, minZoom: tileLayer(name).minZoom });
    }
    return new TileIndex(layers, cacheSize);
  }

  /** The tile at z/x/y, or null when no layer has anything there (e.g. outside Italy). */
  tile({ z, x, y }: TileCoord): EncodedTile | null {
    const key = `${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const encoded = this.render({ z, x, y });
    if (this.cache.size >= this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.bytes -= this.cache.get(oldest)?.gzipped.length ?? 0;
        this.cache.delete(oldest);
      }
    }
    this.cache.set(key, encoded);
    this.bytes += encoded?.gzipped.length ?? 0;
    return encoded;
  }

  /** Tiles kept, and their bytes (gzipped). */
  get cached(): { tiles: number; bytes: number } {
    return { tiles: this.cache.size, bytes: this.bytes };
  }

  /** The tile cut and encoded, without keeping it (an archive's build goes through every tile once). */
  render({ z, x, y }: TileCoord): EncodedTile | null {
    const parts: Record<string, GeoJSONVTTile> = {};
    let any = false;
    for (const [name, { index, minZoom }] of this.layers) {
      if (z < minZoom) continue;
      const tile = index.getTile(z, x, y);
      const features = tile ? repairTile(tile) : [];
      if (tile && features.length > 0) {
        parts[name] = { ...tile, features } as GeoJSONVTTile;
        any = true;
      }
    }
    return any ? encode(parts) : null;
  }
}

function encode(parts: Record<string, GeoJSONVTTile>): EncodedTile {
  const pbf = fromGeojsonVt(parts, { version: 2, extent: EXTENT });
  return { gzipped: gzipSync(pbf, { level: 6 }) };
}
