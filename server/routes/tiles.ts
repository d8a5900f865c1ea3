import { Router } from 'express';
import type { AppContext } from '../context';
import { badRequest, notFound } from '../http/errors';
import { sendGzipped } from '../http/gzipped';
import { MAX_ZOOM, parseTileCoord } from '../tiles/tile-coords';
import { isTilesetName, tileJson, type TilesetName } from '../tiles/tile-sources';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

function tileset(name: string): TilesetName {
  if (!isTilesetName(name)) throw notFound(`Nessun tileset "${name}" / No tileset "${name}"`);
  return name;
}

/**
 * Vector tiles: `comuni` (layers comuni, provinces, regions, labels, comuni_labels) and
 * `associations` (outlines). The TileJSON names a URL with the data version (`?v=`), cached
 * forever; a request without it is revalidated by ETag, so a re-import is never served stale.
 */
export function tileRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tiles/:tileset.json', async (req, res) => {
    const name = tileset(req.params.tileset);
    const { id } = await ctx.versions.current();
    // Never the Host header (anyone can send any): the configured public URL, else a path on this origin.
    const origin = ctx.publicUrl ?? '';
    res.set('Cache-Control', 'no-cache').json(tileJson(name, { tiles: [`${origin}/tiles/${name}/{z}/{x}/{y}.pbf?v=${id}`], maxZoom: MAX_ZOOM, dataVersion: id }));
  });

  router.get('/tiles/:tileset/:z/:x/:y.pbf', async (req, res) => {
    const name = tileset(req.params.tileset);
    const coord = parseTileCoord(req.params.z, req.params.x, req.params.y);
    if ('error' in coord) throw badRequest(`Tile impossibile / Impossible tile: ${coord.error}`);
    const { version, value: index } = await ctx.tiles[name].get();
    const tile = index.tile(coord);
    if (!tile) {
      res.set('Cache-Control', req.query.v === String(version) ? IMMUTABLE : REVALIDATE);
      res.status(204).end();
      return;
    }
    sendGzipped(req, res, tile.gzipped, 'application/vnd.mapbox-vector-tile', version, req.query.v === String(version));
  });

  return router;
}
