import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';

/** Requests per client address per minute, by kind of request (settings RATE_LIMIT_*; see README). */
export interface RateLimits {
  /** GET and HEAD of the API, tiles and pages. */
  read: number;
  /**
   * Computations that store nothing: POSTs (contiguity, analysis, lasso, suggestions, resolve) and
   * the heavy downloads (open-data files). OGC API items are reads here, and pay by the feature
   * in their own budget (http/feature-budget.ts), so that paging 10 at a time is not punished.
   */
  compute: number;
  /** Writes: saving, editing and deleting alliances. */
  write: number;
  /** Refused administrator attempts (wrong or missing token), per 15 minutes: token guessing. */
  adminFailures: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { read: 3_000, compute: 300, write: 30, adminFailures: 10 };

const COMPUTE_PATHS = new Set(['/api/contiguity', '/api/territories/analyze', '/api/comuni/within', '/api/comuni/resolve', '/api/suggestions', '/api/plans']);

/** Whether a request may change what is stored: any method but GET, HEAD and OPTIONS, except the computations. */
export const mayWrite = (method: string, path: string): boolean =>
  method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !(method === 'POST' && COMPUTE_PATHS.has(path));

const ADMIN_PATHS = /^\/api\/(services(\/|$)|alliances\/\d+\/contiguity-exception$)/;

type Kind = keyof RateLimits;

/** Reads that cost seconds of database work each: counted as computations. */
const HEAVY_READS = /^\/(api\/open-data\/(?!catalog)|api\/feed\.atom$|api\/alliances\/\d+\/(history|feed\.atom)$)/;

/** Routes an administrator's token opens, reading ones included: only refused attempts count. */
const ADMIN_OR_FOUNDER_PATHS = /^\/api\/(alliances\/\d+\/invitations(\/\d+)?|health\/memory)$/;

function kindOf(method: string, path: string): Kind {
  if (ADMIN_OR_FOUNDER_PATHS.test(path) && method !== 'POST') return 'adminFailures';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return HEAVY_READS.test(path) ? 'compute' : 'read';
  if (COMPUTE_PATHS.has(path)) return 'compute';
  return ADMIN_PATHS.test(path) ? 'adminFailures' : 'write';
}

const MESSAGES: Record<Kind, string> = {
  read: 'Troppe richieste: riprova tra poco / Too many requests: try again shortly',
  compute: 'Troppi calcoli richiesti: riprova tra poco / Too many computations requested: try again shortly',
  write: 'Troppi salvataggi da questo indirizzo: riprova tra poco / Too many saves from this address: try again shortly',
  adminFailures: "Troppi tentativi di amministrazione respinti: riprova più tardi / Too many refused administrator attempts: try again later",
};

/** The limits as middleware, and the same count of reads for a path that skips the middleware. */
export interface RateLimiter {
  middleware: RequestHandler;
  /**
   * Counts one read of this client in the same window as the middleware does (the tile path,
   * thousands a second, skips the generic middleware for this): true when allowed, otherwise
   * the 429 has been answered.
   */
  admitRead(req: Request, res: Response): Promise<boolean>;
}

/**
 * Per-address limits (express-rate-limit, standard `RateLimit` / `RateLimit-Policy` headers, IETF
 * draft 8): generous for reading, stricter for writes, and only refused attempts count for the
 * administrators' routes, so a guessed token gets few tries while the real one is never slowed.
 */
export function rateLimits(limits: RateLimits): RateLimiter {
  const readStore = new MemoryStore();
  const make = (kind: Kind) =>
    rateLimit({
      windowMs: kind === 'adminFailures' ? 15 * 60_000 : 60_000,
      limit: limits[kind],
      identifier: kind,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skipSuccessfulRequests: kind === 'adminFailures',
      ...(kind === 'read' ? { store: readStore } : {}),
      handler: (_req, res, _next, options) => {
        res.status(options.statusCode).json({ error: { code: 'too_many_requests', message: MESSAGES[kind] } });
      },
    });
  const limiters: Record<Kind, RequestHandler> = { read: make('read'), compute: make('compute'), write: make('write'), adminFailures: make('adminFailures') };
  return {
    middleware: (req, res, next) => limiters[kindOf(req.method, req.path)](req, res, next),
    admitRead: async (req, res) => {
      // The key the middleware uses by default: the address (behind TRUST_PROXY, the client's), IPv6 by /56.
      const { totalHits, resetTime } = await readStore.increment(ipKeyGenerator(req.ip ?? ''));
      if (totalHits <= limits.read) return true;
      const retry = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      res.status(429).set('Retry-After', String(retry)).json({ error: { code: 'too_many_requests', message: MESSAGES.read } });
      return false;
    },
  };
}
