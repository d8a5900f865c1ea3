import { ancestorAt } from './overzoom';
import { PmtilesLookup } from './pmtiles-reader';
import type { TileCoord } from './tile-coords';
import type { EncodedTile, TileMemory } from './tile-memory';

/** Who cuts a tile deeper than the archive holds from its ancestor's tile (the tile thread). */
export interface TileDeriver {
  derive(parent: Uint8Array, parentCoord: TileCoord, coord: TileCoord): Promise<EncodedTile | null>;
}

/**
 * A tileset's tiles for one data version, served from its PMTiles archive held in one Buffer: a
 * tile to the archive's deepest zoom is a view on that Buffer (stored gzipped, sent as it is; no
 * copy, nothing cut, nothing kept); a deeper one is cut in the tile thread from its ancestor there
 * (overzoom.ts) and kept in the shared tile memory, bounded by bytes. No index is held anywhere.
 */
export class ArchiveTileIndex {
  /** Nothing is built up front: the archive is all there is. */
  readonly indexBytes = 0;

  private constructor(
    private readonly lookup: PmtilesLookup,
    private readonly deriver: TileDeriver,
    private readonly memory: TileMemory,
    /** Prefix of this archive's keys in the tile memory (derived tiles). */
    private readonly prefix: string,
  ) {}

  /** Reads the archive's directories (throws BadArchiveError on a file cut short or of another kind). */
  static parse(archive: Buffer, deriver: TileDeriver, memory: TileMemory, prefix: string): ArchiveTileIndex {
    return new ArchiveTileIndex(PmtilesLookup.parse(archive), deriver, memory, prefix);
  }

  /** Bytes of the archive held in memory. */
  get archiveBytes(): number {
    return this.lookup.bytes;
  }

  /** The deepest zoom the archive holds. */
  get maxZoom(): number {
    return this.lookup.maxZoom;
  }

  /** The tile at z/x/y, or null when no layer has anything there (e.g. outside Italy). */
  tile(coord: TileCoord): Promise<EncodedTile | null> {
    if (coord.z <= this.lookup.maxZoom) return Promise.resolve(this.stored(coord));
    return this.memory.encodedOr(`${this.prefix}${coord.z}/${coord.x}/${coord.y}`, () => {
      const parentCoord = ancestorAt(coord, this.lookup.maxZoom);
      const parent = this.lookup.find(parentCoord);
      // Nothing in the ancestor (nor in its buffer): nothing in any tile below it.
      return parent ? this.deriver.derive(parent, parentCoord, coord) : Promise.resolve(null);
    });
  }

  private stored(coord: TileCoord): EncodedTile | null {
    const gzipped = this.lookup.find(coord);
    return gzipped ? { gzipped } : null;
  }
}
