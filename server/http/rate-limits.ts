import { Router, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import { HttpError } from './errors';
import { limitOf, type LimitClass, type RouteSpec } from './route';
import { tooManyRequestsPage } from './too-many-page';

/** Per client address (settings RATE_LIMIT_*; see README). */
export interface RateLimits {
  /** GET and HEAD of the API (/api, /ogc), per minute. */
  read: number;
  /**
   * GET and HEAD of everything else, per minute: tiles (immutable, versioned), the client's scripts
   * and styles, and its pages. A budget of its own, far higher: ten people panning behind one
   * address ask thousands of tiles a minute, and must still get the home page. Default: `read` × 10.
   */
  files?: number;
  /**
   * Milliseconds of computation per minute: the time the address's computations took, measured,
   * whatever their number. Computations store nothing: POSTs (contiguity, analysis, lasso,
   * suggestions, resolve, plans) and the heavy downloads (open-data files, feeds, histories). OGC API
   * items are reads here, and pay by the feature in their own budget (http/feature-budget.ts), so that
   * paging 10 at a time is not punished.
   */
  computeMs: number;
  /** Computations an address may have under way at once: with the time budget, what one address can hold. */
  computeAtOnce: number;
  /** Writes per minute: saving, editing and deleting alliances. */
  write: number;
  /** Refused tokens (administrator's or edit link's) per 15 minutes: token guessing. */
  adminFailures: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { read: 3_000, files: 30_000, computeMs: 15_000, computeAtOnce: 4, write: 30, adminFailures: 10 };

/** The files budget when none is set: ten times the reads. */
export const filesBudget = (limits: RateLimits) => limits.files ?? limits.read * 10;

type Kind = LimitClass | 'files';

/** Any path outside the API (/api, /ogc, in any case): tiles, TileJSON, assets, static files, pages. */
const FILES = /^\/(?!(?:api|ogc)(?:[/.?]|$))/i;

const KIND = Symbol('rate limit class');
type Classified = Request & { [KIND]?: Kind };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const defaultKind = (method: string): Kind => (method === 'GET' || method === 'HEAD' ? 'read' : 'write');
/** A read outside the API (a tile, a script, a page) counts against the files budget instead. */
const readOrFiles = (kind: Kind, req: Request): Kind => (kind === 'read' && (req.method === 'GET' || req.method === 'HEAD') && FILES.test(req.path) ? 'files' : kind);

/**
 * The class of a request, from the route it matches (each route says its own: http/route.ts),
 * matched as the app's own routes match (an Express router with the same defaults:
 * case-insensitive, trailing slash optional, the path as sent, not decoded): `/API/OPEN-DATA/x/` is
 * the computation `/api/open-data/x` is. A request no route matches is classed by its method.
 */
function classifier(routes: readonly RouteSpec[]): (req: Request, res: Response) => Promise<Kind> {
  const router = Router();
  for (const spec of routes) {
    const kind = limitOf(spec);
    router[spec.method](spec.path, (req, _res, next) => {
      (req as Classified)[KIND] = kind;
      next('router');
    });
  }
  return (req, res) => {
    // The router itself answers OPTIONS for the paths it knows: they are light reads, left to the app.
    if (req.method === 'OPTIONS') return Promise.resolve('read');
    const request = req as Classified;
    delete request[KIND];
    // An error (a parameter that cannot be decoded) leaves the request to its method's class: the app's
    // router answers it, counted all the same.
    return new Promise((resolve) => {
      router(req, res, () => resolve(readOrFiles(request[KIND] ?? defaultKind(req.method), req)));
    });
  };
}

const MESSAGES = {
  read: 'Troppe richieste: riprova tra poco / Too many requests: try again shortly',
  files: 'Troppe richieste: riprova tra poco / Too many requests: try again shortly',
  compute: 'Troppi calcoli richiesti: riprova tra poco / Too many computations requested: try again shortly',
  write: 'Troppi salvataggi da questo indirizzo: riprova tra poco / Too many saves from this address: try again shortly',
  adminFailures: 'Troppi tentativi respinti da questo indirizzo: riprova più tardi / Too many refused attempts from this address: try again later',
} as const;

/** A 429 with Retry-After: a small HTML page for a browser asking for a page, else the API's JSON error. */
const tooMany = (req: Request, res: Response, message: string, retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  res.status(429).set('Retry-After', String(seconds));
  if (wantsPage(req)) res.set('Cache-Control', 'no-store').type('html').send(tooManyRequestsPage(seconds));
  else res.json({ error: { code: 'too_many_requests', message } });
};

/** A page request: outside the API, and HTML preferred to JSON (what a browser's navigation sends). */
const wantsPage = (req: Request) => FILES.test(req.path) && !req.path.toLowerCase().startsWith('/tiles/') && req.accepts(['json', 'html']) === 'html';

/**
 * A budget of computing time per address and minute: each computation's measured duration (from its
 * admission to its answer) is charged when it ends; an address past its budget, or with `atOnce`
 * under way, is refused until the minute is over. Entries of idle addresses are
 * swept once a minute, so the table holds at most the addresses of the last two minutes.
 */
class ComputeBudget {
  private readonly spent = new Map<string, { windowStart: number; ms: number; running: number }>();
  private lastSweep = Date.now();

  constructor(
    private readonly budgetMs: number,
    private readonly atOnce: number,
    private readonly windowMs = 60_000,
  ) {}

  admit(key: string, req: Request, res: Response): boolean {
    const now = Date.now();
    this.sweep(now);
    let entry = this.spent.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      entry = { windowStart: now, ms: 0, running: entry?.running ?? 0 };
      this.spent.set(key, entry);
    }
    const retryAfter = entry.windowStart + this.windowMs - now;
    if (entry.ms >= this.budgetMs || entry.running >= this.atOnce) {
      tooMany(req, res, MESSAGES.compute, entry.running >= this.atOnce ? 1_000 : retryAfter);
      return false;
    }
    const charged = entry;
    charged.running++;
    const started = performance.now();
    res.once('close', () => {
      charged.running--;
      charged.ms += performance.now() - started;
    });
    return true;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, entry] of this.spent) if (entry.running === 0 && now - entry.windowStart >= this.windowMs) this.spent.delete(key);
  }
}

/** The window of refused tokens: 15 minutes. */
const FAILURES_WINDOW_MS = 15 * 60_000;

/** What a request with a token may learn when its token is refused: set by the middleware, read by refusedToken. */
const refusals = new WeakMap<Request, () => HttpError | null>();

/**
 * The error to answer for a refused token (wrong administrator's or edit link's token): the refusal is
 * counted against the address, and past RATE_LIMIT_ADMIN_FAILURES in 15 minutes it is a 429 instead.
 * Only refusals count, wherever the token is checked and however the path is spelled; the right token
 * is never refused.
 */
export function refusedToken(req: Request, refusal: HttpError): HttpError {
  return refusals.get(req)?.() ?? refusal;
}

/** The limits as middleware, and the same count of reads for a path that skips the middleware. */
export interface RateLimiter {
  middleware: RequestHandler;
  /**
   * Whether a request, once past the middleware, may change what is stored: any method but GET,
   * HEAD and OPTIONS, except the computations (which store nothing).
   */
  mayWrite(req: Request): boolean;
  /**
   * Counts one tile of this client in the same window (the files budget) as the middleware does
   * (the tile path, thousands a second, skips the generic middleware for this): true when allowed,
   * otherwise the 429 has been answered.
   */
  admitTile(req: Request, res: Response): Promise<boolean>;
}

/**
 * Per-address limits (express-rate-limit, standard `RateLimit` / `RateLimit-Policy` headers, IETF
 * draft 8, for reads and writes): generous for reading, stricter for writes, a budget of time for
 * computations, and for tokens only refused attempts count, so a guessed token gets few tries while
 * the real one is never slowed. Requests are classed by the route they match, as each route declares.
 */
export function rateLimits(limits: RateLimits, routes: readonly RouteSpec[]): RateLimiter {
  const classify = classifier(routes);
  const filesStore = new MemoryStore();
  const budgets = { read: limits.read, files: filesBudget(limits), write: limits.write };
  const make = (kind: 'read' | 'files' | 'write') =>
    rateLimit({
      windowMs: 60_000,
      limit: budgets[kind],
      identifier: kind,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      ...(kind === 'files' ? { store: filesStore } : {}),
      handler: (req, res) => {
        const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        tooMany(req, res, MESSAGES[kind], (resetTime?.getTime() ?? Date.now() + 60_000) - Date.now());
      },
    });
  const counted = { read: make('read'), files: make('files'), write: make('write') };
  const compute = new ComputeBudget(limits.computeMs, limits.computeAtOnce);
  const failures = new MemoryStore();
  failures.init({ windowMs: FAILURES_WINDOW_MS } as Parameters<MemoryStore['init']>[0]);
  // The key the middleware uses by default: the address (behind TRUST_PROXY, the client's), IPv6 by /56.
  const keyOf = (req: Request) => ipKeyGenerator(req.ip ?? '');

  const watchTokens = async (req: Request, res: Response) => {
    if (!req.headers.authorization) return;
    const key = keyOf(req);
    // Read now: the store hands out its live record, which the refusal below increments.
    const record = await failures.get(key);
    const refusedBefore = record?.totalHits ?? 0;
    const resetAt = record?.resetTime?.getTime() ?? Date.now() + FAILURES_WINDOW_MS;
    refusals.set(req, () => {
      void failures.increment(key);
      const seconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
      // Said as the other limits say theirs (RateLimit headers, IETF draft 8), next to them.
      res.append('RateLimit-Policy', `"adminFailures"; q=${limits.adminFailures}; w=${FAILURES_WINDOW_MS / 1000}`);
      res.append('RateLimit', `"adminFailures"; r=${Math.max(0, limits.adminFailures - refusedBefore - 1)}; t=${seconds}`);
      if (refusedBefore < limits.adminFailures) return null;
      res.set('Retry-After', String(seconds));
      return new HttpError(429, 'too_many_requests', MESSAGES.adminFailures);
    });
  };

  return {
    middleware: async (req, res, next) => {
      await watchTokens(req, res);
      const kind = await classify(req, res);
      if (kind !== 'compute') return counted[kind](req, res, next);
      if (compute.admit(keyOf(req), req, res)) next();
    },
    mayWrite: (req) => WRITE_METHODS.has(req.method) && (req as Classified)[KIND] !== 'compute',
    admitTile: async (req, res) => {
      const { totalHits, resetTime } = await filesStore.increment(keyOf(req));
      if (totalHits <= budgets.files) return true;
      tooMany(req, res, MESSAGES.files, (resetTime?.getTime() ?? Date.now() + 60_000) - Date.now());
      return false;
    },
  };
}
