import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** Cache-Control of a versioned body: forever when its URL names the version, else checked each time. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * A gzipped body with its ETag: 304 when the client has it, gzip when accepted, plain otherwise.
 * Written with Node's own calls (no Express `send`: it would hash the body again and look up the
 * type), as the tile path answers thousands a second; HEAD gets the headers only (Node drops the body).
 */
function sendGzippedBody(req: Request, res: Response, body: Buffer, type: string, etag: string, cacheControl: string): void {
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', type.endsWith('json') ? `${type}; charset=utf-8` : type);
  const gzip = req.acceptsEncodings('gzip') === 'gzip';
  const sent = gzip ? body : gunzipSync(body);
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', sent.length);
  res.end(sent);
}

/**
 * Sends a pre-gzipped, versioned body: 304 when the client has this version, gzip when accepted.
 * `immutable` when the URL itself names the version.
 */
export function sendGzipped(req: Request, res: Response, body: Buffer, type: string, version: number, immutable: boolean): void {
  sendGzippedBody(req, res, body, type, `"v${version}"`, immutable ? IMMUTABLE : REVALIDATE);
}

/** Sends a gzipped body cached by the server, revalidated by its ETag on every request. */
export function sendCachedGzip(req: Request, res: Response, body: Buffer, type: string, etag: string): void {
  sendGzippedBody(req, res, body, type, etag, 'no-cache');
}

/**
 * Sends a file built once and kept by the server, revalidated by its ETag: a gzipped one as it is
 * when gzip is accepted, else unzipped on the way a piece at a time (it may be megabytes: never
 * whole, never blocking); a file compressed in its own way (XLSX, a zip) as it is.
 */
export function sendBuiltFile(req: Request, res: Response, file: { body: Buffer; gzipped: boolean; etag: string }, type: string): void {
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', 'no-cache');
  if (file.gzipped) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', type);
  if (!file.gzipped || req.acceptsEncodings('gzip') === 'gzip') {
    if (file.gzipped) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', file.body.length);
    res.end(file.body);
  } else if (req.method === 'HEAD') {
    res.end();
  } else {
    // A client gone half-way is no error of ours.
    pipeline(Readable.from([file.body]), createGunzip(), res).catch(() => undefined);
  }
}

/** A body to keep in memory and send many times: gzipped once, with an ETag from its content. */
export function cachedBody(text: string): { gzipped: Buffer; etag: string } {
  return { gzipped: gzipSync(text), etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"` };
}
