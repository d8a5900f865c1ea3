import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import type { Knex } from 'knex';
import { BoundedCutter } from './bounded-cutter';
import { OVERVIEW_BUFFER } from './overview';
import { MAX_ZOOM, type TileCoord } from './tile-coords';
import { encodeTile, type CutLayer } from './tile-encoding';
import type { EncodedTile, TileMemory } from './tile-memory';
import { TILESETS, readLayerRows, tileLayer, tileLayerFrom, type LayerRow, type TileLayerName, type TilesetName } from './tile-sources';

export type { EncodedTile } from './tile-memory';

/** The tiles' extent (grid units across a tile), unless a layer says otherwise. */
const EXTENT = 4096;

/**
 * How far the index is built up front: down to zoom 10, or until a tile holds at most 10,000
 * points. Every deeper tile is then cut from at most 10,000 points. Measured on the Comuni layer
 * (2 busy cores): z14 cut p50 0.5 ms, p95 19 ms, slowest 80 ms, for an index of 86 MB; geojson-vt's
 * default (zoom 5, 100,000 points) takes 43 MB but cuts from up to 338,000 points: p95 300 ms,
 * slowest 1.1 s, and each cut blocks the event loop (health, every other request) that long.
 */
const INDEX = { indexMaxZoom: 10, indexMaxPoints: 10_000 } as const;

/**
 * A point layer's index: split down to the same zoom while a tile holds more than 64 points. Under
 * INDEX, the Comuni's 7,900 label points never left zoom 0, and every deeper tile clipped all of
 * them through every zoom on its way down: 12 ms a z10 tile, two thirds of the whole archive's time.
 * Split, the index holds each point once per zoom (about 11 × 7,900 points: `indexBytes` estimates
 * 31 MB, 18 MB of it at zooms 0–5) and a deep tile is cut in 0.04 ms; split only to zoom 7, 24 MB and
 * 0.4–0.8 ms; to zoom 5, 18 MB and 6 ms.
 */
const POINT_INDEX = { indexMaxZoom: INDEX.indexMaxZoom, indexMaxPoints: 64 } as const;

interface IndexedLayer {
  cutter: BoundedCutter;
  minZoom: number;
  maxZoom: number;
  /** The vector-tile layer it is written to. */
  writtenAs: string;
  /** Its tiles' extent (MVT: each layer has its own). */
  extent: number;
}

/** Each layer's rows of a tileset, as read from the database. */
export type TilesetRows = Partial<Record<TileLayerName, LayerRow[]>>;

/** Reads the rows of every layer of a tileset (one query per layer). */
export async function readTilesetRows(knex: Knex, tileset: TilesetName): Promise<TilesetRows> {
  const rows: TilesetRows = {};
  for (const name of TILESETS[tileset]) rows[name] = await readLayerRows(knex, name);
  return rows;
}

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
    private readonly layers: Map<TileLayerName, IndexedLayer>,
    private readonly memory: TileMemory,
    private readonly prefix: string,
  ) {}

  static async build(knex: Knex, tileset: TilesetName, memory: TileMemory): Promise<TileIndex> {
    return TileIndex.fromRows(tileset, await readTilesetRows(knex, tileset), memory);
  }

  /** The index of a tileset from its layers' rows (read by `readTilesetRows`, here or in another thread). */
  static fromRows(tileset: TilesetName, rows: TilesetRows, memory: TileMemory): TileIndex {
    const prefix = `${tileset}#${++generation}/`;
    const layers = new Map<TileLayerName, IndexedLayer>();
    for (const name of TILESETS[tileset]) {
      const data = tileLayerFrom(name, rows[name] ?? []);
      const { minZoom, maxZoom = MAX_ZOOM, writtenAs = name, generalised, extent = EXTENT, points } = tileLayer(name);
      // A generalised layer is simplified already, borders shared: cut without simplifying again
      // (per ring, which would open slivers between neighbours).
      const options = generalised
        ? { maxZoom, extent, buffer: OVERVIEW_BUFFER, tolerance: 0, indexMaxZoom: maxZoom, indexMaxPoints: 0 }
        : { maxZoom, extent, buffer: extent / 64, tolerance: 3, ...(points ? POINT_INDEX : INDEX) };
      const cutter = new BoundedCutter(data, options, memory, `${prefix}${name}/`, minZoom);
      layers.set(name, { cutter, minZoom, maxZoom, writtenAs, extent });
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

  /** Tiles the layers' indexes hold (for tests: what they keep besides those built up front). */
  get heldTiles(): number {
    let tiles = 0;
    for (const { cutter } of this.layers.values()) tiles += cutter.indexedTiles;
    return tiles;
  }

  /** The deepest zoom of a layer's index built up front (its deeper tiles are cut from there). */
  indexDepth(layer: TileLayerName): number | undefined {
    return this.layers.get(layer)?.cutter.indexDepth;
  }

  /** The tile cut and encoded, without keeping it. */
  render(coord: TileCoord): EncodedTile | null {
    return this.encode(coord, undefined, { cut: (cutter) => ({ tile: cutter.getTile(coord), below: false }) }).tile;
  }

  /**
   * For an archive's build, going down from z0 tile by tile (each tile's children after it): the
   * tile as `render` encodes it, cutting only the layers in `layers` (all when absent: a layer
   * left out is one known to have nothing there), each from the tiles cut above it on the way
   * (BoundedCutter.descend); and the layers that may have something below it (`below`): those
   * whose cut here holds anything, and those that start deeper (not cut here), never those past
   * their deepest zoom. A tile's children lie within its area and buffer: a layer with nothing
   * here has nothing in any of them. `endDescent` drops what the walk kept.
   */
  renderBranch(coord: TileCoord, layers?: ReadonlySet<TileLayerName>): { tile: EncodedTile | null; below: Set<TileLayerName> } {
    // A layer not cut here: what it kept deeper (under an earlier tile) is of no more use.
    return this.encode(coord, layers, { cut: (cutter) => cutter.descend(coord), skip: (cutter) => cutter.climbTo(coord.z) });
  }

  /** Drops the tiles a walk of `renderBranch` kept. */
  endDescent(): void {
    for (const { cutter } of this.layers.values()) cutter.climbTo(-1);
  }

  private encode(
    coord: TileCoord,
    layers: ReadonlySet<TileLayerName> | undefined,
    how: {
      cut(cutter: BoundedCutter): { tile: GeoJSONVTTile | null; below: boolean };
      /** A layer not cut here. */
      skip?(cutter: BoundedCutter): void;
    },
  ): { tile: EncodedTile | null; below: Set<TileLayerName> } {
    const below = new Set<TileLayerName>();
    const indexed = this.layers;
    // Each layer cut as it is encoded: one cut tile alive at a time.
    function* cut(): Generator<CutLayer> {
      for (const [name, { cutter, minZoom, maxZoom, writtenAs, extent }] of indexed) {
        const wanted = !layers || layers.has(name);
        if (wanted && coord.z < minZoom) below.add(name);
        if (!wanted || coord.z < minZoom || coord.z > maxZoom) {
          how.skip?.(cutter);
          continue;
        }
        const { tile, below: more } = how.cut(cutter);
        if (more && coord.z < maxZoom) below.add(name);
        yield { writtenAs, tile, extent };
      }
    }
    return { tile: encodeTile(cut()), below };
  }
}
