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

/**
 * How far the index is built up front: down to zoom 10, or until a tile holds at most 10,000
 * points. Every deeper tile is then cut from at most 10,000 points. Measured on the Comuni layer
 * (2 busy cores): z14 cut p50 0.5 ms, p95 19 ms, slowest 80 ms, for an index of 86 MB; geojson-vt's
 * default (zoom 5, 100,000 points) takes 43 MB but cuts from up to 338,000 points: p95 300 ms,
 * slowest 1.1 s, and each cut blocks the event loop (health, every other request) that long.
 */
const INDEX = { indexMaxZoom: 10, indexMaxPoints: 10_000 } as const;

/** Indexes built so far: each one's keys in the shared tile memory start with its own number. */
let generation = 0;

/**
 * Vector tiles cut in memory from the database's geometry (the same on both engines). The index is
 * built up front (see INDEX); deeper tiles are cut on request, and what is
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
      const cutter = new BoundedCutter(data, { maxZoom: MAX_ZOOM, extent: EXTENT, buffer: 64, tolerance: 3, ...INDEX }, memory, `${prefix}${name}/`);
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

  /** Estimated bytes of what the index built up front holds, whatever the requests. */
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
