import type { TileSource } from '../../server/tiles/archived-tileset';
import { ITALY_BOUNDS, tilesCovering } from '../../server/tiles/tile-coords';

/** The z5 tiles of Italy (the national first view), each gzipped as served, in bytes. */
export async function nationalTileBytes(index: TileSource): Promise<{ tile: string; bytes: number }[]> {
  const tiles = [...tilesCovering(ITALY_BOUNDS, 5)];
  return Promise.all(tiles.map(async (t) => ({ tile: `${t.z}/${t.x}/${t.y}`, bytes: (await index.tile(t))?.gzipped.length ?? 0 })));
}
