import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database';
import { startTestServer, type TestServer } from './test-server';
import { PROJECT_ROOT } from '../../infra/paths';
import { clientKey } from '../setup/template';

const run = promisify(execFile);

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
  // In its own process with NODE_ENV=production: inside vitest (NODE_ENV=test) Vite would make a
  // development React build, unlike the one people get, and embed this machine's source paths in it.
  await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error', '--outDir', building, '--emptyOutDir'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
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

export type Rgb = readonly [number, number, number];
const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
const distance = (a: Rgb, b: Rgb) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

/** The RGB of every pixel of a PNG screenshot. */
function* pixels(png: Buffer): Generator<Rgb> {
  const { data } = PNG.sync.read(png);
  for (let i = 0; i < data.length; i += 4) yield [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** Saves a screenshot under tests/screenshots for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Saves a screenshot for review and counts its pixels close to each of the given colours. */
export async function screenshotColours(page: Page, name: string, colours: readonly string[]): Promise<number[]> {
  const png = await saveScreenshot(page, name);
  const wanted = colours.map(rgbOf);
  const found = wanted.map(() => 0);
  for (const px of pixels(png)) {
    wanted.forEach((colour, k) => {
      if (distance(px, colour) < 12) found[k]! += 1;
    });
  }
  return found;
}

/** Saves a screenshot of the map alone and counts its pixels close to any colour of each group. */
export async function mapColours(page: Page, name: string, groups: readonly (readonly Rgb[])[]): Promise<number[]> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const png = await page.getByTestId('atlas-map').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const found = groups.map(() => 0);
  for (const px of pixels(png)) {
    groups.forEach((group, k) => {
      if (group.some((colour) => distance(px, colour) < 12)) found[k]! += 1;
    });
  }
  return found;
}

/** The most frequent colour in a small square around the centre of the map (labels and lines are outvoted). */
export async function colourAtMapCentre(page: Page): Promise<Rgb> {
  const box = (await page.getByTestId('atlas-map').boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x + box.width / 2 - 10, y: box.y + box.height / 2 - 10, width: 21, height: 21 } });
  const counts = new Map<string, number>();
  for (const px of pixels(png)) counts.set(px.join(), (counts.get(px.join()) ?? 0) + 1);
  const [dominant] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return dominant.split(',').map(Number) as unknown as Rgb;
}

/** `over` drawn at `opacity` on `under`, as the map blends a translucent fill. */
export const blend = (over: string, opacity: number, under: string): Rgb =>
  rgbOf(over).map((c, i) => Math.round(opacity * c + (1 - opacity) * rgbOf(under)[i]!)) as unknown as Rgb;

export { distance as colourDistance };

/**
 * The index of the palette colour closest to the most frequent colour in a small square around the
 * centre of the map: the thematic class of the Comune drawn there (labels and lines are outvoted).
 */
export async function classAtMapCentre(page: Page, palette: readonly string[]): Promise<number> {
  const rgb = await colourAtMapCentre(page);
  const dominant = rgb.join();
  const colours = palette.map(rgbOf);
  const nearest = colours.reduce((best, colour, i) => (distance(rgb, colour) < distance(rgb, colours[best]!) ? i : best), 0);
  if (distance(rgb, colours[nearest]!) > 24) throw new Error(`the centre of the map is rgb(${dominant}), none of the palette's colours`);
  return nearest;
}

/**
 * For a browser test file: the built client served by the real app over a database copy (shared
 * with the worker's other files unless `ownDatabase`),
 * and a Chromium; all opened before the tests and closed after.
 */
export function useBrowserApp(options: { ownDatabase?: boolean } = {}): { readonly server: TestServer; readonly browser: Browser } {
  const state: { server?: TestServer; browser?: Browser; database?: TestDatabase; clientDir?: string } = {};
  beforeAll(async () => {
    if (!hasChromium) return; // the file's tests are skipped
    state.clientDir = await buildClient();
    state.database = await openTestDatabase({ shared: !options.ownDatabase });
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
