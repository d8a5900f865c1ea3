import type { TileIndex } from '../../server/tiles/tile-index';
import { ITALY_BOUNDS, tilesCovering } from '../../server/tiles/tile-coords';

/** The z5 tiles of Italy (the national first view), each gzipped as served, in bytes. */
export function nationalTileBytes(index: TileIndex): { tile: string; bytes: number }[] {
  return [...tilesCovering(ITALY_BOUNDS, 5)].map((t) => ({ tile: `${t.z}/${t.x}/${t.y}`, bytes: index.render(t)?.gzipped.length ?? 0 }));
}
