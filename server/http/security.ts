import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { Request, Response } from 'express';

/**
 * Security headers, set by the returned function; the Content-Security-Policy allows only our own origin (plus an optional
 * basemap and tile server). Helmet computes them once; each response then gets the same headers cheaply,
 * which matters on the tile path (thousands of requests a second).
 */
export function securityHeaders(basemapUrl?: string, tilesUrl?: string): (req: Request, res: Response) => void {
  const extra = [basemapUrl, tilesUrl].filter((url): url is string => !!url).map((url) => new URL(url).origin);
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...extra],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...extra],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  middleware({} as IncomingMessage, recorder, () => undefined);
  if (headers.length === 0) throw new Error('helmet set no headers');

  // HSTS tells browsers to use HTTPS from then on: only say it over HTTPS (directly, or behind a
  // proxy trusted with TRUST_PROXY that says X-Forwarded-Proto: https).
  const hsts = headers.find(([name]) => name.toLowerCase() === 'strict-transport-security');
  const always = headers.filter((h) => h !== hsts);
  return (req, res) => {
    for (const [name, value] of always) res.setHeader(name, value);
    if (hsts && req.secure) res.setHeader(hsts[0], hsts[1]);
  };
}
