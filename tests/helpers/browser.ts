import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database';
import { startTestServer, type TestServer } from './test-server';
import { PROJECT_ROOT } from '../../infra/paths';
import { clientKey } from '../setup/template';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
// In CI a missing browser is a broken machine, not a reason to skip: fail loudly.
if (!hasChromium && process.env.CI) {
  throw new Error(`Chromium non trovato in ${CHROMIUM} (CI): installa il pacchetto chromium / Chromium not found at ${CHROMIUM} in CI: apt-get install chromium`);
}
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'tests', 'screenshots');

/** Debian Chromium, headless, WebGL through SwiftShader, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * The client built once for every browser test file of a run (and reused by later runs while its
 * sources are unchanged), under tests/.cache; the tests never touch dist/. Older builds are removed
 * by the global setup, before any file runs.
 */
export async function buildClient(): Promise<string> {
  const cache = path.join(PROJECT_ROOT, 'tests', '.cache');
  const outDir = path.join(cache, `client-${clientKey()}`);
  if (fs.existsSync(path.join(outDir, 'index.html'))) return outDir;
  const building = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-client-'));
  await build({ configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: building, emptyOutDir: true } });
  fs.mkdirSync(cache, { recursive: true });
  try {
    fs.cpSync(building, `${outDir}.tmp-${process.pid}`, { recursive: true });
    fs.renameSync(`${outDir}.tmp-${process.pid}`, outDir);
  } catch (error) {
    // Another file built it at the same moment: theirs is as good.
    fs.rmSync(`${outDir}.tmp-${process.pid}`, { recursive: true, force: true });
    if (!fs.existsSync(path.join(outDir, 'index.html'))) throw error;
  }
  fs.rmSync(building, { recursive: true, force: true });
  return outDir;
}

/** Waits until the map has drawn everything in view with its thematic colours. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="atlas-map"][data-state="idle"]', { timeout: 60_000 });
}

/** Saves a screenshot for review and counts its pixels close to each of the given colours. */
export async function screenshotColours(page: Page, name: string, colours: readonly string[]): Promise<number[]> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  return page.evaluate(
    async ({ data, colours }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      if (!g) throw new Error('no 2D context');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, img.width, img.height).data;
      const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number]);
      const found = rgb.map(() => 0);
      for (let i = 0; i < px.length; i += 4) {
        for (let k = 0; k < rgb.length; k++) {
          const [r, gg, b] = rgb[k] as [number, number, number];
          if (Math.abs((px[i] as number) - r) + Math.abs((px[i + 1] as number) - gg) + Math.abs((px[i + 2] as number) - b) < 12) {
            found[k] = (found[k] as number) + 1;
          }
        }
      }
      return found;
    },
    { data: png.toString('base64'), colours: [...colours] },
  );
}

/**
 * For a browser test file: the built client served by the real app over a private database copy,
 * and a Chromium; all opened before the tests and closed after.
 */
export function useBrowserApp(): { readonly server: TestServer; readonly browser: Browser } {
  const state: { server?: TestServer; browser?: Browser; database?: TestDatabase; clientDir?: string } = {};
  beforeAll(async () => {
    if (!hasChromium) return; // the file's tests are skipped
    state.clientDir = await buildClient();
    state.database = await openTestDatabase();
    state.server = await startTestServer(state.database.db, state.clientDir);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    await state.database?.dispose();
  });
  return {
    get server() {
      if (!state.server) throw new Error('the app is not running');
      return state.server;
    },
    get browser() {
      if (!state.browser) throw new Error('Chromium is not running');
      return state.browser;
    },
  };
}
