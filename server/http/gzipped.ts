import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/** A gzipped body with its ETag: 304 when the client has it, gzip when accepted, plain otherwise. */
function sendGzippedBody(req: Request, res: Response, body: Buffer, type: string, etag: string, cacheControl: string): void {
  res.set('ETag', etag);
  res.set('Cache-Control', cacheControl);
  res.set('Vary', 'Accept-Encoding');
  if (req.get('If-None-Match') === etag) {
    res.status(304).end();
    return;
  }
  res.type(type);
  if (req.acceptsEncodings('gzip')) res.set('Content-Encoding', 'gzip').send(body);
  else res.send(gunzipSync(body));
}

/**
 * Sends a pre-gzipped, versioned body: 304 when the client has this version, gzip when accepted.
 * `immutable` when the URL itself names the version.
 */
export function sendGzipped(req: Request, res: Response, body: Buffer, type: string, version: number, immutable: boolean): void {
  sendGzippedBody(req, res, body, type, `"v${version}"`, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
}

/** Sends a gzipped body cached by the server, revalidated by its ETag on every request. */
export function sendCachedGzip(req: Request, res: Response, body: Buffer, type: string, etag: string): void {
  sendGzippedBody(req, res, body, type, etag, 'no-cache');
}

/** A body to keep in memory and send many times: gzipped once, with an ETag from its content. */
export function cachedBody(text: string): { gzipped: Buffer; etag: string } {
  return { gzipped: gzipSync(text), etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"` };
}
