import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { IMMUTABLE, REVALIDATE, sendGzipped } from '../http/gzipped';
import { route, type Route } from '../http/route';
import { versionQuery } from '../http/schemas';
import { CONTENT } from '../openapi/vocabulary';
import { MAX_ZOOM, MIN_ZOOM, parseTileCoord, versionedTilePath, type TileCoord } from '../tiles/tile-coords';
import { ARCHIVE_MAX_ZOOM } from '../tiles/tile-archive';
import { isTilesetName, TILESETS, tileJson, type TilesetName } from '../tiles/tile-sources';

/** Sends one tile (204 when nothing is there); `v` is the data version the URL names, if any. */
async function sendTile(ctx: AppContext, req: Request, res: Response, name: TilesetName, coord: TileCoord, v: string | undefined): Promise<void> {
  const { version, value: index } = await ctx.tiles[name].get();
  const tile = await index.tile(coord);
  const immutable = v === String(version);
  if (!tile) {
    res.setHeader('Cache-Control', immutable ? IMMUTABLE : REVALIDATE);
    res.statusCode = 204;
    res.end();
    return;
  }
  sendGzipped(req, res, tile.gzipped, 'application/vnd.mapbox-vector-tile', version, immutable);
}

/** A plain tile URL: tileset, z/x/y, and at most the version (`?v=`). */
const TILE_URL = /^\/tiles\/([a-z]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.pbf(?:\?v=(\d{1,15}))?$/;

/**
 * The tile path, first in the app: a well-formed tile request is answered here, with the security
 * headers and counted against the same budget as other tiles and files (not the API's reads), without the rest of the stack (request ids, JSON
 * body parsing, compression, twenty routers): measured, that was two thirds of a tile's CPU.
 * Anything else — an unknown tileset, an impossible tile, other query parameters — goes on to
 * `tileRoutes`, which answers it with the usual JSON error.
 */
export function tileFastPath(ctx: AppContext, securityHeaders: (req: Request, res: Response) => void, admitTile: (req: Request, res: Response) => Promise<boolean>): RequestHandler {
  return (req, res, next) => {
    const match = (req.method === 'GET' || req.method === 'HEAD') && req.url.startsWith('/tiles/') ? TILE_URL.exec(req.url) : null;
    const name = match?.[1];
    const coord = match && parseTileCoord(match[2]!, match[3]!, match[4]!);
    if (!match || !name || !isTilesetName(name) || !coord || 'error' in coord) {
      next();
      return;
    }
    securityHeaders(req, res);
    admitTile(req, res)
      .then((admitted) => (admitted ? sendTile(ctx, req, res, name, coord, match[5]) : undefined))
      .catch(next);
  };
}

/** The path parameters of a tile, as documented (the handler reads them with parseTileCoord). */
const tileParams = { z: z.int().min(MIN_ZOOM).max(MAX_ZOOM), x: z.int().min(0), y: z.int().min(0) };

/**
 * Vector tiles: `comuni` (layers comuni, provinces, regions, labels, comuni_labels) and
 * `associations` (outlines), each with its TileJSON. The TileJSON names a URL with the data version
 * (`?v=`), cached forever; a request without it is revalidated by ETag, so a re-import is never
 * served stale. Well-formed tile requests are answered earlier by `tileFastPath`; these routes
 * answer the rest (an unknown tileset is an unknown route).
 */
export function tileRoutes(ctx: AppContext): Route[] {
  return (Object.keys(TILESETS) as TilesetName[]).flatMap((name) => [
    route(
      {
        method: 'get', path: `/tiles/${name}.json`, tag: 'tiles',
        summary: { it: `TileJSON del tileset ${name}`, en: `TileJSON of the ${name} tileset` },
        responses: { 200: `TileJSON 3.0.0 naming the versioned tile URL; layers ${TILESETS[name].join(', ')}` },
      },
      async (_req, res) => {
        const { id } = await ctx.versions.current();
        // Never the Host header (anyone can send any): the configured public URL, else a path on this origin.
        const origin = ctx.publicUrl ?? '';
        // The archives' deepest zoom: clients over-zoom beyond it themselves (deeper tiles are still answered).
        res.set('Cache-Control', 'no-cache').json(tileJson(name, { tiles: [`${origin}${versionedTilePath(name, id)}`], maxZoom: ARCHIVE_MAX_ZOOM, dataVersion: id }));
      },
    ),
    route(
      {
        method: 'get', path: `/tiles/${name}/:z/:x/:y.pbf`, tag: 'tiles', query: versionQuery, params: tileParams,
        summary: { it: `Tile vettoriale ${name} (z ${MIN_ZOOM}–${MAX_ZOOM})`, en: `${name} vector tile (z ${MIN_ZOOM}–${MAX_ZOOM})` },
        responses: { 200: `layers ${TILESETS[name].join(', ')} (gzip)`, 204: 'nothing in this tile', 304: 'unchanged (ETag)' },
        produces: [CONTENT.pbf],
      },
      async (req, res) => {
        const coord = parseTileCoord(String(req.params.z), String(req.params.x), String(req.params.y));
        if ('error' in coord) throw badRequest(`Tile impossibile / Impossible tile: ${coord.error}`);
        await sendTile(ctx, req, res, name, coord, typeof req.query.v === 'string' ? req.query.v : undefined);
      },
    ),
  ]);
}
