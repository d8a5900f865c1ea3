import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * What serving one request costs besides its features (the request itself, its count of matches),
 * weighed as features. A policy, not a measurement: high enough that tiny pages cannot multiply
 * requests (a budget of 40,000 admits at most 2,000 a minute), low enough that GDAL 3.6's pages of
 * 10 (its default, kept whatever the API definition says) read the 7,899 Comuni and the 1,141
 * associations within one minute's budget (about 27,000).
 */
export const REQUEST_COST = 20;

/** Features a client may be served per minute through OGC API – Features, unless RATE_LIMIT_OGC_FEATURES says otherwise. */
export const DEFAULT_FEATURE_BUDGET = 40_000;

/**
 * Megabytes of GeoJSON a client may be served per minute, unless RATE_LIMIT_OGC_MB says otherwise.
 * Features alone do not bound the work: 40,000 association outlines a minute are about 300 pages
 * of 2 MB, each about 200 ms of one core's time, so one client could keep a core busy. 64 MB lets a
 * GIS client read every collection at full detail within a minute (Comuni about 17 MB, associations
 * about 11 MB) and holds a client to about 7 s of serialising a minute.
 */
export const DEFAULT_MEGABYTES_BUDGET = 64;

const MESSAGE = 'Troppi elementi richiesti in un minuto: riprova tra poco / Too many features requested within a minute: try again shortly';
const BYTES_MESSAGE = 'Troppi dati richiesti in un minuto: riprova tra poco / Too much data requested within a minute: try again shortly';

/** The byte budget's unit (the limiter counts whole points). */
const KB = 1024;

export interface FeatureBudget {
  /**
   * Admits a request that may serve up to `features` features while the client's budget has room
   * for the request itself, and charges it those features before they are read (a page may overdraw
   * the budget by what it serves; the next request waits). False when the 429 has been answered.
   */
  take(req: Request, res: Response, features: number): Promise<boolean>;
  /** Gives back the features a request was charged for and did not serve (the last page, a bbox). */
  giveBack(req: Request, features: number): Promise<void>;
  /** Charges the bytes a request serves (known once its page is read: a page may overdraw the budget, the next request waits). */
  chargeBytes(req: Request, bytes: number): Promise<void>;
}

/**
 * A per-client budget of features per minute for OGC items, however they are paged: a client
 * reading 8,000 Comuni pays about the same in pages of 10 (GDAL's default) or of 1,000, and a
 * hostile one gets at most about `perMinute` features (or `perMinute / REQUEST_COST` requests) a
 * minute, plus one page; and at most `megabytesPerMinute` of GeoJSON, plus one page (2 MB).
 * Clients are keyed as the rate limits key them (the address; behind TRUST_PROXY, the client's).
 */
export function featureBudget(perMinute: number, megabytesPerMinute = DEFAULT_MEGABYTES_BUDGET): FeatureBudget {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'ogc-features' });
  const kilobytes = megabytesPerMinute * KB;
  const bytesLimiter = new RateLimiterMemory({ points: kilobytes, duration: 60, keyPrefix: 'ogc-bytes' });
  const key = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const refuse = (res: Response, msBeforeNext: number, message: string) => {
    const retry = Math.max(1, Math.ceil(msBeforeNext / 1000));
    res.status(429).set('Retry-After', String(retry)).json({ error: { code: 'too_many_requests', message } });
    return false;
  };
  return {
    take: async (req, res, features) => {
      const spent = await limiter.get(key(req));
      if (spent && spent.consumedPoints + REQUEST_COST > perMinute) return refuse(res, spent.msBeforeNext, MESSAGE);
      const sent = await bytesLimiter.get(key(req));
      if (sent && sent.consumedPoints >= kilobytes) return refuse(res, sent.msBeforeNext, BYTES_MESSAGE);
      await limiter.penalty(key(req), REQUEST_COST + features);
      return true;
    },
    chargeBytes: async (req, bytes) => {
      if (bytes > 0) await bytesLimiter.penalty(key(req), Math.ceil(bytes / KB));
    },
    giveBack: async (req, features) => {
      if (features > 0) await limiter.reward(key(req), features);
    },
  };
}
