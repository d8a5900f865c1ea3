import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../server/tiles/tile-coords';
import { startTestServer, TEST_RATE_LIMITS, useTestServer } from '../helpers/test-server';

const env = useTestServer();

/** A built client as the server sees one: a page and an asset. */
let clientDir: string;
beforeAll(async () => {
  clientDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-client-'));
  await fs.mkdir(path.join(clientDir, 'assets'));
  await fs.writeFile(path.join(clientDir, 'index.html'), '<!doctype html><html><head><title>ALI Atlas</title></head><body><div id="root"></div></body></html>');
  await fs.writeFile(path.join(clientDir, 'assets', 'main.js'), 'console.log(1);');
});
afterAll(async () => {
  await fs.rm(clientDir, { recursive: true, force: true });
});

const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The tiles a map asks while panning around Rome: z9–z11, a block of each. */
function panning(count: number): string[] {
  const paths: string[] = [];
  for (let z = 9; paths.length < count; z = z === 11 ? 9 : z + 1) {
    const { x, y } = tileAt(12.48, 41.89, z);
    for (let d = 0; d < 9 && paths.length < count; d++) paths.push(`/tiles/comuni/${z}/${x + (d % 3) - 1}/${y + Math.floor(d / 3) - 1}.pbf`);
  }
  return paths;
}

describe('read limits (issue 29: an office behind one address)', () => {
  it('leave the page, its scripts and tiles at panning rates to a client past its API reads', async () => {
    const server = await startTestServer(env.database.db, clientDir, { rateLimits: { ...TEST_RATE_LIMITS, read: 5, files: 1_000 } });
    try {
      for (let i = 0; i < 5; i++) expect((await server.get('/api/health')).status).toBe(200);
      expect((await server.get('/api/health')).status).toBe(429);
      const page = await server.get('/', { headers: HTML });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect((await server.get('/esplora', { headers: HTML })).status).toBe(200);
      expect((await server.get('/assets/main.js')).status).toBe(200);
      // Two hundred tiles in a row (a minute's panning for a few people), all served.
      const statuses = [];
      for (const tile of panning(200)) {
        const response = await server.get(tile);
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses.filter((s) => s !== 200 && s !== 204)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('answer a page past its own limit with a small HTML page, Italian then English, and Retry-After', async () => {
    const server = await startTestServer(env.database.db, clientDir, { rateLimits: { ...TEST_RATE_LIMITS, files: 2 } });
    try {
      expect((await server.get('/', { headers: HTML })).status).toBe(200);
      expect((await server.get('/', { headers: HTML })).status).toBe(200);
      const refused = await server.get('/', { headers: HTML });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await refused.text();
      expect(html.indexOf('Troppe richieste')).toBeGreaterThanOrEqual(0);
      expect(html.indexOf('Troppe richieste')).toBeLessThan(html.indexOf('Too many requests'));
      // The API keeps its JSON answer (its own budget is not spent), and a tile refused is JSON too.
      expect((await server.get('/api/health', { headers: HTML })).status).toBe(200);
      const tile = await server.get('/tiles/comuni/10/547/380.pbf');
      expect(tile.status).toBe(429);
      expect(((await tile.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    } finally {
      await server.close();
    }
  });
});
