import type { Request } from 'express';
import type { AppContext } from '../context';

/**
 * The absolute address of this app in links that leave it (OGC API, the DCAT catalogue): PUBLIC_URL,
 * or else the request's own scheme and Host. Answers built with it must be revalidated (no shared
 * cache may hand one host's links to another). TileJSON never uses the Host: it gives paths instead.
 */
export const publicBase = (ctx: Pick<AppContext, 'publicUrl'>, req: Request): string =>
  ctx.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
