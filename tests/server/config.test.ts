import { describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../infra/db/data-dir-lock';
import { ConfigError, describeFatal, EXIT } from '../../infra/fatal';
import { readServerConfig } from '../../server/config';
import { DEFAULT_RATE_LIMITS } from '../../server/http/rate-limits';
import { DEFAULT_FEATURE_BUDGET, DEFAULT_MEGABYTES_BUDGET } from '../../server/http/feature-budget';
import { DEFAULT_TILE_CACHE_MB } from '../../server/tiles/tile-memory';

describe('settings from the environment', () => {
  it('reads the defaults and the optional settings', () => {
    const config = readServerConfig({ DATA_DIR: '/tmp/x' });
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, dataDir: '/tmp/x', adminToken: undefined, trustProxy: false, publicUrl: undefined });
    expect(config.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(config.ogcFeaturesPerMinute).toBe(DEFAULT_FEATURE_BUDGET);
    expect(readServerConfig({ RATE_LIMIT_OGC_FEATURES: '100000' }).ogcFeaturesPerMinute).toBe(100_000);
    expect(config.ogcMegabytesPerMinute).toBe(DEFAULT_MEGABYTES_BUDGET);
    expect(readServerConfig({ RATE_LIMIT_OGC_MB: '200' }).ogcMegabytesPerMinute).toBe(200);
    expect(() => readServerConfig({ RATE_LIMIT_OGC_MB: '1.5' })).toThrow(/RATE_LIMIT_OGC_MB/);
    const set = readServerConfig({ PORT: '8080', TRUST_PROXY: '1', PUBLIC_URL: 'https://atlante.example.it/', TILES_URL: 'https://cdn.example.it/ali/tiles/', RATE_LIMIT_WRITE: '5', ADMIN_TOKEN: 'x'.repeat(16) });
    expect(set).toMatchObject({ port: 8080, trustProxy: 1, publicUrl: 'https://atlante.example.it', tilesUrl: 'https://cdn.example.it/ali/tiles', adminToken: 'x'.repeat(16) });
    expect(set.rateLimits.write).toBe(5);
    expect(config.tileCacheMb).toBe(DEFAULT_TILE_CACHE_MB);
    expect(readServerConfig({ TILE_CACHE_MB: '16' }).tileCacheMb).toBe(16);
    expect(readServerConfig({ RATE_LIMIT_COMPUTE_MS: '30000', RATE_LIMIT_COMPUTE_AT_ONCE: '2' }).rateLimits).toMatchObject({ computeMs: 30_000, computeAtOnce: 2 });
    expect(readServerConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(readServerConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('refuses a setting a person must fix with one bilingual line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: 'abc' }, /^PORT deve essere un numero di porta, non "abc" \/ PORT must be a port number/],
      [{ PORT: '70000' }, /PORT/],
      [{ ADMIN_TOKEN: 'short' }, /^ADMIN_TOKEN deve avere almeno 16 caratteri/],
      [{ PUBLIC_URL: 'ftp://x' }, /^PUBLIC_URL deve essere un indirizzo http\(s\)/],
      [{ TILES_URL: 'cdn.example.it/tiles' }, /^TILES_URL deve essere un indirizzo http\(s\), non "cdn\.example\.it\/tiles"/],
      [{ RATE_LIMIT_READ: '0' }, /^RATE_LIMIT_READ deve essere un intero positivo/],
      [{ RATE_LIMIT_WRITE: '2.5' }, /RATE_LIMIT_WRITE/],
      [{ RATE_LIMIT_OGC_FEATURES: 'lots' }, /^RATE_LIMIT_OGC_FEATURES deve essere un intero positivo/],
      [{ TILE_CACHE_MB: '0' }, /^TILE_CACHE_MB deve essere un intero positivo, non "0" \/ TILE_CACHE_MB must be a positive whole number/],
      [{ TILE_CACHE_MB: '64MB' }, /TILE_CACHE_MB/],
      // The computations' limit is a budget of time now: the old count is not silently read as milliseconds.
      [{ RATE_LIMIT_COMPUTE: '300' }, /^RATE_LIMIT_COMPUTE non esiste più: RATE_LIMIT_COMPUTE_MS .* \/ RATE_LIMIT_COMPUTE is gone/],
      [{ RATE_LIMIT_COMPUTE_MS: '1.5' }, /^RATE_LIMIT_COMPUTE_MS deve essere un intero positivo/],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        readServerConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect(describeFatal(error).exitCode).toBe(EXIT.config);
    }
  });
});

describe('what a stopped command prints', () => {
  it('gives each known cause one line and its own exit code', () => {
    expect(describeFatal(new DataDirLockedError('/data/pglite'))).toEqual({ message: expect.stringMatching(/^Il database in \/data\/pglite è già aperto/), exitCode: EXIT.locked });
    const inUse = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 3000 });
    expect(describeFatal(inUse)).toEqual({ message: expect.stringMatching(/^La porta 3000 è già in uso/), exitCode: EXIT.port });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const described = describeFatal(refused, 'postgres://ali:secret@db.example:5432/ali');
    expect(described.exitCode).toBe(EXIT.database);
    expect(described.message).toContain('postgres://ali:***@db.example:5432/ali');
    expect(described.message).not.toContain('secret');
    expect(described.message.split('\n')).toHaveLength(1);
    const listed = Object.assign(new Error('data'), { describe: () => 'The boundaries have problems\n  - x' });
    expect(describeFatal(listed)).toEqual({ message: 'The boundaries have problems\n  - x', exitCode: EXIT.failed });
  });
});
