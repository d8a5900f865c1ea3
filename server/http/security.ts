import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** Security headers; the Content-Security-Policy allows only our own origin (plus an optional basemap). */
export function securityHeaders(basemapUrl?: string): RequestHandler {
  const extra = basemapUrl ? [new URL(basemapUrl).origin] : [];
  return helmet({
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
}
