import type { TileCoord } from './tile-coords';
import type { TilesetRows } from './tile-index';
import type { TilesetName } from './tile-sources';

/**
 * What the HTTP thread asks the tile thread (see tile-thread.ts), and what comes back: plain data
 * (structured clone), each message with the `id` its answer repeats.
 */
export type CutRequest =
  /** Builds the index of a tileset from its rows under `key`, replacing that tileset's previous index. */
  | { id: number; type: 'build'; key: string; tileset: TilesetName; rows: TilesetRows }
  /** Cuts, encodes and gzips one tile of the index built under `key`. */
  | { id: number; type: 'render'; key: string; coord: TileCoord }
  /**
   * Every tile of the index built under `key` to `maxZoom`, as a PMTiles archive (tile-archive.ts);
   * tiles asked meanwhile are cut between its steps.
   */
  | { id: number; type: 'archive'; key: string; dataVersion: number; maxZoom: number }
  /** Drops the index built under `key` (its archive is written): the thread's heap shrinks. */
  | { id: number; type: 'drop'; key: string }
  /** A tile beyond an archive's deepest zoom, cut from its ancestor's tile (overzoom.ts). */
  | { id: number; type: 'derive'; parent: ArrayBuffer; parentCoord: TileCoord; coord: TileCoord }
  /** The thread's memory: its heap and the cut tiles it keeps. */
  | { id: number; type: 'memory' };

export interface CutMemory {
  /** The tile thread's JavaScript heap in use (the indexes built up front and the cut tiles kept). */
  heapBytes: number;
  cut: { tiles: number; bytes: number };
  /** Indexes the thread holds. */
  indexes: number;
}

export type CutAnswer =
  | { id: number; built: { indexBytes: number } }
  /** The tile gzipped (its bytes transferred, not copied), null when nothing is there. */
  | { id: number; tile: ArrayBuffer | null }
  /** The archive's bytes (transferred). */
  | { id: number; archive: ArrayBuffer }
  | { id: number; dropped: boolean }
  | { id: number; memory: CutMemory }
  /** `gone`: the index named is no longer there (a newer one replaced it). */
  | { id: number; failure: string; gone?: boolean };
