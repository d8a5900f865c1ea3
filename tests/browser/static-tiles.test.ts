import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../client/map/themes';
import { exportTiles } from '../../server/tiles/tile-export';
import { buildClient, hasChromium, launchChromium, screenshotColours, waitForMap } from '../helpers/browser';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The static / CDN mode: `tiles:export` archives on a plain static file server (another origin,
 * HTTP range requests, CORS as an object store is configured), the app started with TILES_URL.
 */
describe.skipIf(!hasChromium)('tiles from exported archives on a static file server (TILES_URL)', () => {
  const state: { dir?: string; database?: TestDatabase; statics?: Server; app?: TestServer; browser?: Browser; staticUrl?: string; ranges: string[] } = { ranges: [] };

  beforeAll(async () => {
    const clientDir = await buildClient();
    state.database = await openTestDatabase({ shared: true });
    state.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ali-tiles-'));
    // z0–z7 keeps the test quick; the national view needs no more, and the map over-zooms.
    await exportTiles(state.database.db.knex, state.dir, { maxZoom: 7 });
    const files = express();
    files.use((req, res, next) => {
      if (req.headers.range) state.ranges.push(`${req.path} ${req.headers.range}`);
      res.set('Access-Control-Allow-Origin', '*');
      next();
    });
    files.use(express.static(state.dir));
    state.statics = await new Promise<Server>((resolve) => {
      const s = files.listen(0, '127.0.0.1', () => resolve(s));
    });
    state.staticUrl = `http://127.0.0.1:${(state.statics.address() as AddressInfo).port}`;
    state.app = await startTestServer(state.database.db, clientDir, { tilesUrl: state.staticUrl });
    state.browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
    await new Promise((resolve) => state.statics?.close(resolve));
    await state.database?.dispose();
    if (state.dir) await fs.rm(state.dir, { recursive: true, force: true });
  });

  it('draws the national map from the archives by range requests, asking the app for no tile', async () => {
    const written = (await fs.readdir(state.dir!)).sort();
    expect(written).toEqual(['associations.json', 'associations.pmtiles', 'comuni.json', 'comuni.pmtiles']);
    const tilejson = JSON.parse(await fs.readFile(path.join(state.dir!, 'comuni.json'), 'utf8')) as { maxzoom: number; vector_layers: { id: string }[] };
    expect(tilejson.maxzoom).toBe(7);
    expect(tilejson.vector_layers.map((l) => l.id)).toContain('comuni');

    const page = await state.browser!.newPage({ viewport: { width: 1280, height: 860 } });
    const appTiles: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${state.app!.url}/tiles/`)) appTiles.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(state.app!.url);
    await waitForMap(page);
    const counts = await screenshotColours(page, 'static-tiles-national', PALETTES.ylGnBu);
    expect(sum(counts)).toBeGreaterThan(60_000); // Italy drawn in the population classes, as from the app
    expect(counts.filter((n) => n > 300).length).toBeGreaterThanOrEqual(5);
    expect(appTiles).toEqual([]);
    expect(state.ranges.some((r) => r.startsWith('/comuni.pmtiles bytes='))).toBe(true);
    expect(errors).toEqual([]);

    // A Comune's click still finds it (the features carry their codes): Roma's details from the map.
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('roma');
    await page.getByRole('option', { name: /^Roma \(RM\)/ }).click();
    await expect.poll(() => page.getByTestId('population').textContent()).toBe('2.770.226');
    await page.close();
  }, 120_000);
});
