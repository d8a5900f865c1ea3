import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../server/config';
import { POPULATION_COLOURS } from '../../client/map/style';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'screenshots');
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let database: TestDatabase;
let server: TestServer;
let browser: Browser;
let clientDir: string;

describe.skipIf(!hasChromium)('the map in a browser', () => {
  beforeAll(async () => {
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-client-'));
    await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: clientDir, emptyOutDir: true } });
    database = await openTestDatabase();
    server = await startTestServer(database.db, clientDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.dispose();
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('draws every Comune coloured by population, from our own tiles only', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="atlas-map"][data-state="idle"]', { timeout: 45_000 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const png = await page.screenshot({ path: path.join(SCREENSHOTS, 'national-map.png') });

    // Count screenshot pixels in each legend colour: the choropleth must really be drawn.
    const counts = await page.evaluate(
      async ({ data, colours }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, img.width, img.height).data;
        const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
        const found = rgb.map(() => 0);
        for (let i = 0; i < px.length; i += 4) {
          rgb.forEach(([r, gg, b], k) => {
            if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - gg!) + Math.abs(px[i + 2]! - b!) < 12) found[k]!++;
          });
        }
        return found;
      },
      { data: png.toString('base64'), colours: POPULATION_COLOURS },
    );
    const drawn = counts.reduce((a, b) => a + b, 0);
    expect(drawn).toBeGreaterThan(50_000); // Italy covers a good part of the 900k-pixel view
    expect(counts.filter((n) => n > 200).length).toBeGreaterThanOrEqual(4); // several classes visible
    expect(await page.getByLabel('Legenda').textContent()).toContain('Popolazione residente');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
