import { GeoJSONVT, type GeoJSONVTOptions, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import type { TileCoord } from './tile-coords';
import type { TileMemory } from './tile-memory';

/**
 * geojson-vt 6.3 (pinned) keeps every tile it ever cut in `tileIndex.tiles`, by id, and lists each
 * one it creates in `tileIndex.tileCoords`: that grows without end under random requests (issue 23).
 * A tile with its `source` (the features clipped to it, before simplification) can cut any tile
 * below it; a tile split further has its `source` dropped, and its four children are kept instead.
 */
interface InternalTile {
  z: number;
  source: InternalFeature[] | null;
  features: { geometry: unknown[] }[];
  transformed: boolean;
}
type InternalFeature = { geometry: unknown[] };
interface InternalIndex {
  tiles: Record<number, InternalTile | undefined>;
  tileCoords: { id: number; z: number }[];
}

/** geojson-vt's tile id. */
const tileId = (z: number, x: number, y: number) => ((1 << z) * y + x) * 32 + z;

/** The zooms at which a cut tile is kept (with its source) to cut the tiles below it faster. */
export const KEPT_CUT_ZOOMS: readonly number[] = [11];

/**
 * A geojson-vt index that keeps only what it built up front (to `indexMaxZoom`) and the cut tiles
 * the shared tile memory accepts: every other tile cut for a request is dropped once it is returned.
 *
 * Sound because every tile beyond the prebuilt index that stays in the index keeps its `source`
 * (restored after each cut), so the nearest tile above any requested one can always cut it; a kept
 * tile evicted from the tile memory is deleted, and the tile above it cuts again.
 */
export class BoundedCutter {
  private readonly index: GeoJSONVT;
  private readonly internal: InternalIndex;
  /** Estimated bytes of the tiles built up front. */
  readonly indexBytes: number;
  /** The deepest zoom of the tiles built up front: deeper tiles are cut from one of those. */
  readonly indexDepth: number;
  /** The tiles a descent (see `descend`) keeps, by id, with their zoom. */
  private readonly descent = new Map<number, number>();

  constructor(
    data: GeoJSON.GeoJSON,
    options: GeoJSONVTOptions,
    private readonly memory: TileMemory,
    /** Prefix of this index's keys in the tile memory. */
    private readonly prefix: string,
    /**
     * The first zoom whose tiles are asked for (the layer's first): the tiles built up front above
     * it keep only what cuts deeper ones (their sources), not their own features, never served (the
     * Comuni's labels, from zoom 8, held all 7,900 points at each of zooms 0–7: 22 MB).
     */
    servedFrom = 0,
  ) {
    this.index = new GeoJSONVT(data, options);
    this.internal = internalIndex(this.index);
    this.internal.tileCoords.length = 0; // only read for updates, which this app does not make
    const built = Object.values(this.internal.tiles).filter((tile) => tile !== undefined);
    for (const tile of built) if (tile.z < servedFrom) tile.features = [];
    this.indexBytes = built.reduce((sum, tile) => sum + estimateTileBytes(tile), 0);
    this.indexDepth = built.reduce((deepest, tile) => Math.max(deepest, tile.z), 0);
  }

  /** The tile at z/x/y (tile coordinates), cut now or kept; null when nothing is there. */
  getTile({ z, x, y }: TileCoord): GeoJSONVTTile | null {
    for (const zoom of KEPT_CUT_ZOOMS) {
      if (zoom >= z) break;
      const shift = z - zoom;
      this.cut(zoom, x >> shift, y >> shift, true);
    }
    return this.cut(z, x, y, false);
  }

  /**
   * The tile at z/x/y for a walk that goes down tile by tile (an archive's build: each tile, then
   * its children, each after the other), and whether anything may lie below it. Every tile its cut
   * creates (it and its siblings, each with the features clipped to it) is kept while the walk is
   * under their parent, so that each child is cut once from its parent (not from the nearest tile
   * built up front, zooms above, as `getTile` does). A tile with nothing clipped to it has nothing
   * below (its children lie within its area and buffer).
   */
  descend({ z, x, y }: TileCoord): { tile: GeoJSONVTTile | null; below: boolean } {
    this.climbTo(z);
    const { tiles, tileCoords } = this.internal;
    const id = tileId(z, x, y);
    let tile: GeoJSONVTTile | null;
    if (tiles[id]) tile = this.index.getTile(z, x, y);
    else {
      const above = this.nearestAbove(z, x, y);
      const aboveSource = above?.source;
      tile = this.index.getTile(z, x, y);
      if (above) above.source = aboveSource ?? null;
      for (const created of tileCoords.splice(0)) this.descent.set(created.id, created.z);
    }
    const cut = tiles[id];
    // No source: split up front, its children built up front too (they say what lies below).
    return { tile, below: tile !== null && cut !== undefined && (cut.source === null || cut.source.length > 0) };
  }

  /** Drops the tiles a descent keeps deeper than `zoom` (the walk has left them); all of them with -1. */
  climbTo(zoom: number): void {
    for (const [id, z] of this.descent) {
      if (z <= zoom) continue;
      delete this.internal.tiles[id];
      this.descent.delete(id);
    }
  }

  /** Cuts a tile, keeps it only when asked (and only in the tile memory), and leaves no other trace. */
  private cut(z: number, x: number, y: number, keep: boolean): GeoJSONVTTile | null {
    const { tiles, tileCoords } = this.internal;
    const id = tileId(z, x, y);
    const kept = tiles[id];
    if (kept) {
      this.memory.touchCut(this.key(z, x, y)); // a miss for the tiles built up front
      return this.index.getTile(z, x, y);
    }
    const above = this.nearestAbove(z, x, y);
    const aboveSource = above?.source;
    const tile = this.index.getTile(z, x, y);
    if (above) above.source = aboveSource ?? null;
    const created = tileCoords.splice(0);
    for (const { id: createdId } of created) if (createdId !== id || !keep) delete tiles[createdId];
    const cut = tiles[id];
    if (keep && cut) {
      // Weakly: an index replaced by a newer one is not held by its tiles still in the tile memory.
      const index = new WeakRef(this.internal);
      this.memory.keepCut(this.key(z, x, y), estimateTileBytes(cut), () => delete index.deref()?.tiles[id]);
    }
    return tile;
  }

  private nearestAbove(z: number, x: number, y: number): InternalTile | undefined {
    for (let z0 = z - 1, x0 = x >> 1, y0 = y >> 1; z0 >= 0; z0--, x0 >>= 1, y0 >>= 1) {
      const tile = this.internal.tiles[tileId(z0, x0, y0)];
      if (tile) return tile;
    }
    return undefined;
  }

  private key(z: number, x: number, y: number): string {
    return `${this.prefix}cut/${z}/${x}/${y}`;
  }

  /** Tiles in geojson-vt's own map (for tests: what it keeps). */
  get indexedTiles(): number {
    return Object.keys(this.internal.tiles).length;
  }
}

function internalIndex(index: GeoJSONVT): InternalIndex {
  const internal = (index as unknown as { tileIndex?: Partial<InternalIndex> }).tileIndex;
  if (!internal || typeof internal.tiles !== 'object' || !Array.isArray(internal.tileCoords)) {
    throw new Error('@maplibre/geojson-vt has changed its internals: check BoundedCutter against the new version');
  }
  return internal as InternalIndex;
}

/**
 * V8's cost of a cut tile, from its coordinate counts: a source point is three doubles in a flat
 * array (24 bytes); a tile point is two numbers in a flat array (16) before the tile is transformed
 * and a two-element array of its own after (about 64 with its slot); each ring and feature an object
 * with its arrays (about 120). Measured against heap growth (the Comuni index, 3,000 random z14
 * tiles): that sum is 70–88 % of what the heap really grows by (allocation slack, the map's own
 * table), hence the factor.
 */
const MEASURED_OVER_COUNTED = 1.4;

export function estimateTileBytes(tile: InternalTile): number {
  let bytes = 200;
  for (const feature of tile.source ?? []) bytes += 120 + geometryBytes(feature.geometry, 8);
  const perPoint = tile.transformed ? 64 : 16;
  for (const feature of tile.features) {
    bytes += 120;
    for (const ring of feature.geometry) bytes += 40 + (Array.isArray(ring) ? (tile.transformed ? ring.length * perPoint : ring.length * 8) : perPoint);
  }
  return Math.ceil(bytes * MEASURED_OVER_COUNTED);
}

/** Bytes of a source geometry: flat number arrays (or Float64Arrays), rings `{ points }`, or nested arrays of those. */
function geometryBytes(geometry: unknown, perNumber: number): number {
  if (typeof geometry === 'number') return perNumber;
  // Rings of more than 21 points are Float64Arrays (geojson-vt's optimizeLineMemory): 8 bytes a number.
  if (ArrayBuffer.isView(geometry)) return 100 + geometry.byteLength;
  if (Array.isArray(geometry)) {
    if (typeof geometry[0] === 'number') return 40 + geometry.length * perNumber;
    let bytes = 40;
    for (const part of geometry) bytes += geometryBytes(part, perNumber);
    return bytes;
  }
  if (geometry && typeof geometry === 'object' && 'points' in geometry) return 80 + geometryBytes((geometry as { points: unknown }).points, perNumber);
  return 0;
}
