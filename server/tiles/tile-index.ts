import { gzipSync } from 'node:zlib';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Knex } from 'knex';
import { BoundedCutter } from './bounded-cutter';
import { repairTile } from './repair';
import { MAX_ZOOM, type TileCoord } from './tile-coords';
import type { EncodedTile, TileMemory } from './tile-memory';
import { TILESETS, readTileLayer, tileLayer, type TileLayerName, type TilesetName } from './tile-sources';

export type { EncodedTile } from './tile-memory';

const EXTENT = 4096;

/** Indexes built so far: each one's keys in the shared tile memory start with its own number. */
let generation = 0;

/**
 * Vector tiles cut in memory from the database's geometry (the same on both engines). The index is
 * built up front to zoom 5 (geojson-vt's default); deeper tiles are cut on request, and what is
 * kept of them — encoded tiles, and cut tiles that speed up their neighbours — lives in the shared
 * tile memory, bounded by bytes.
 */
export class TileIndex {
  private constructor(
    private readonly layers: Map<TileLayerName, { cutter: BoundedCutter; minZoom: number }>,
    private readonly memory: TileMemory,
    private readonly prefix: string,
  ) {}

  static async build(knex: Knex, tileset: TilesetName, memory: TileMemory): Promise<TileIndex> {
    const prefix = `${tileset}#${++generation}/`;
    const layers = new Map<TileLayerName, { cutter: BoundedCutter; minZoom: number }>();
    for (const name of TILESETS[tileset]) {
      const data = await readTileLayer(knex, name);
      const cutter = new BoundedCutter(data, { maxZoom: MAX_ZOOM, extent: EXTENT, buffer: 64, tolerance: 3, indexMaxZoom: Number(process.env.IMZ ?? 5), indexMaxPoints: Number(process.env.IMP ?? 100000) }, memory, `${prefix}${name}/`);
      layers.set(name, { cutter, minZoom: tileLayer(name).minZoom });
    }
    // The tiles of this tileset's previous index are of no more use.
    memory.forget(`${tileset}#`, prefix);
    return new TileIndex(layers, memory, prefix);
  }

  /** The tile at z/x/y, or null when no layer has anything there (e.g. outside Italy). */
  tile({ z, x, y }: TileCoord): EncodedTile | null {
    const key = `${this.prefix}${z}/${x}/${y}`;
    const kept = this.memory.encoded(key);
    if (kept !== undefined) return kept;
    const encoded = this.render({ z, x, y });
    this.memory.keepEncoded(key, encoded);
    return encoded;
  }

  /** Estimated bytes of what the index built up front (to zoom 5) holds, whatever the requests. */
  get indexBytes(): number {
    let bytes = 0;
    for (const { cutter } of this.layers.values()) bytes += cutter.indexBytes;
    return bytes;
  }

  /** The tile cut and encoded, without keeping it (an archive's build goes through every tile once). */
  render(coord: TileCoord): EncodedTile | null {
    const parts: Record<string, GeoJSONVTTile> = {};
    let any = false;
    for (const [name, { cutter, minZoom }] of this.layers) {
      if (coord.z < minZoom) continue;
      const tile = cutter.getTile(coord);
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
