import { ConfigError } from '../infra/fatal';
import { DEFAULT_RATE_LIMITS, filesBudget, type RateLimits } from './http/rate-limits';
import { readDatabaseSettings, type DatabaseSettings } from '../infra/settings';
import { DEFAULT_PUBLISHER, type Publisher } from './open-data/catalog';
import { DEFAULT_FEATURE_BUDGET, DEFAULT_MEGABYTES_BUDGET } from './http/feature-budget';
import { DEFAULT_TILE_CACHE_MB } from './tiles/tile-memory';

export { PROJECT_ROOT } from '../infra/paths';

export interface ServerConfig extends DatabaseSettings {
  port: number;
  host: string;
  /** Optional raster or vector basemap (style or tile URL) drawn under our own layers. */
  basemapUrl: string | undefined;
  /** Secret for administrators' actions (service catalogue, contiguity exceptions); unset disables them. */
  adminToken: string | undefined;
  rateLimits: RateLimits;
  /** RATE_LIMIT_OGC_FEATURES: OGC API features per client per minute, however paged (see http/feature-budget). */
  ogcFeaturesPerMinute: number;
  /** RATE_LIMIT_OGC_MB: megabytes of OGC API GeoJSON per client per minute (see http/feature-budget). */
  ogcMegabytesPerMinute: number;
  /** TRUST_PROXY: unset = no proxy; a number of hops, `true`, or addresses/subnets as Express reads them. */
  trustProxy: boolean | number | string;
  /** PUBLIC_URL: where people reach the app (e.g. https://atlante.example.it), for absolute links in TileJSON. */
  publicUrl: string | undefined;
  /** Where `npm run tiles:export` archives are served (static server, object store, CDN); undefined = this app. */
  tilesUrl: string | undefined;
  /** Who publishes the open data (PUBLISHER_NAME, PUBLISHER_ID: the body's IPA code), for the DCAT-AP_IT catalogue. */
  publisher: Publisher;
  /** TILE_CACHE_MB: the memory tiles kept after a request may take (encoded and cut), in MB. */
  tileCacheMb: number;
}

/** An http(s) address without a trailing slash, from the variable `name`. */
function httpUrl(name: string, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} deve essere un indirizzo http(s), non "${raw}" / ${name} must be an http(s) URL, got "${raw}"`);
  }
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} deve essere un intero positivo, non "${raw}" / ${name} must be a positive whole number, got "${raw}"`);
  return n;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** An administrator token shorter than this is too easy to guess. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT deve essere un numero di porta, non "${env.PORT}" / PORT must be a port number, got "${env.PORT}"`);
  }
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `ADMIN_TOKEN deve avere almeno ${MIN_ADMIN_TOKEN_LENGTH} caratteri / ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`,
    );
  }
  if (env.RATE_LIMIT_COMPUTE) {
    throw new ConfigError(
      'RATE_LIMIT_COMPUTE non esiste più: RATE_LIMIT_COMPUTE_MS dà i millisecondi di calcolo per minuto e indirizzo / ' +
        'RATE_LIMIT_COMPUTE is gone: RATE_LIMIT_COMPUTE_MS sets the milliseconds of computation per minute and address',
    );
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    ...readDatabaseSettings(env),
    basemapUrl: env.BASEMAP_URL || undefined,
    adminToken,
    rateLimits: {
      read: positiveInteger(env, 'RATE_LIMIT_READ', DEFAULT_RATE_LIMITS.read),
      files: positiveInteger(env, 'RATE_LIMIT_FILES', filesBudget(DEFAULT_RATE_LIMITS)),
      computeMs: positiveInteger(env, 'RATE_LIMIT_COMPUTE_MS', DEFAULT_RATE_LIMITS.computeMs),
      computeAtOnce: positiveInteger(env, 'RATE_LIMIT_COMPUTE_AT_ONCE', DEFAULT_RATE_LIMITS.computeAtOnce),
      write: positiveInteger(env, 'RATE_LIMIT_WRITE', DEFAULT_RATE_LIMITS.write),
      adminFailures: positiveInteger(env, 'RATE_LIMIT_ADMIN_FAILURES', DEFAULT_RATE_LIMITS.adminFailures),
    },
    ogcFeaturesPerMinute: positiveInteger(env, 'RATE_LIMIT_OGC_FEATURES', DEFAULT_FEATURE_BUDGET),
    ogcMegabytesPerMinute: positiveInteger(env, 'RATE_LIMIT_OGC_MB', DEFAULT_MEGABYTES_BUDGET),
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicUrl: httpUrl('PUBLIC_URL', env.PUBLIC_URL),
    tilesUrl: httpUrl('TILES_URL', env.TILES_URL),
    publisher: { name: env.PUBLISHER_NAME || DEFAULT_PUBLISHER.name, id: env.PUBLISHER_ID || DEFAULT_PUBLISHER.id },
    tileCacheMb: positiveInteger(env, 'TILE_CACHE_MB', DEFAULT_TILE_CACHE_MB),
  };
}
