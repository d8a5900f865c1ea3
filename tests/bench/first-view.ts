/**
 * The national first view against a bare MapLibre page on the same tiles (issue 29): navigation
 * until the map says `aria-busy="false"`, cold, median of 5 each (the two pages take turns, so a
 * busy machine weighs on both alike), and the bytes on the wire. `npm run bench -- first-view` runs
 * it alone, on the tests' embedded database when it is there (else a fresh import).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ITALY_CAMERA } from '../../domain/first-view';
import { POPULATION_CLASS_FIELD } from '../../domain/first-view';
import { ITALY_BOUNDS, versionedTilePath } from '../../server/tiles/tile-coords';
import { PALETTES } from '../../client/map/themes';
import { launchChromium } from '../helpers/browser';
import { CACHE_DIR } from '../setup/template';
import { percentile } from './measure';

export interface FirstViewFigures {
  appMs: number[];
  bareMs: number[];
  appBytes: number;
  bareBytes: number;
}

/** The page the app is measured against: MapLibre alone, drawing the same tiles in the same colours. */
function barePage(): Record<string, string> {
  const style = {
    version: 8,
    sources: { ali: { type: 'vector', tiles: ['TILES'], minzoom: 0, maxzoom: 12, bounds: ITALY_BOUNDS } },
    layers: [
      { id: 'fill', type: 'fill', source: 'ali', 'source-layer': 'comuni', paint: { 'fill-color': ['step', ['coalesce', ['get', POPULATION_CLASS_FIELD], 0], ...PALETTES.ylGnBu.flatMap((c, i) => (i === 0 ? [c] : [i, c]))] } },
      { id: 'comuni', type: 'line', source: 'ali', 'source-layer': 'comuni', paint: { 'line-color': '#ffffff', 'line-width': 0.3 } },
      { id: 'provinces', type: 'line', source: 'ali', 'source-layer': 'provinces', paint: { 'line-color': '#4d4d4d', 'line-width': 0.5 } },
      { id: 'regions', type: 'line', source: 'ali', 'source-layer': 'regions', paint: { 'line-color': '#1a1a1a', 'line-width': 0.8 } },
    ],
  };
  const script = `const v = new URLSearchParams(location.search).get('v');
const style = JSON.parse(${JSON.stringify(JSON.stringify(style))}.replace('TILES', location.origin + ${JSON.stringify(versionedTilePath('comuni', 0))}.replace('v=0', 'v=' + v)));
const element = document.getElementById('map');
const map = new maplibregl.Map({ container: element, style, bounds: ${JSON.stringify(ITALY_CAMERA)}, attributionControl: false });
map.on('idle', () => element.setAttribute('aria-busy', 'false'));`;
  return {
    'index.html': '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>MapLibre</title><link rel="stylesheet" href="/bare/maplibre-gl.css"><link rel="stylesheet" href="/bare/bare.css"><script src="/bare/maplibre-gl.js"></script></head><body><div id="map" aria-busy="true"></div><script src="/bare/bare.js"></script></body></html>',
    'bare.css': 'html, body { margin: 0; height: 100%; } #map { position: absolute; inset: 0; }',
    'bare.js': script,
  };
}

/** A copy of the built client with the bare page beside it (/bare/), served by the same server. */
export function withBarePage(clientDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ali-first-view-'));
  fs.cpSync(clientDir, dir, { recursive: true });
  const bare = path.join(dir, 'bare');
  fs.mkdirSync(bare);
  const maplibre = path.dirname(createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.js'));
  fs.copyFileSync(path.join(maplibre, 'maplibre-gl.js'), path.join(bare, 'maplibre-gl.js'));
  fs.copyFileSync(path.join(maplibre, 'maplibre-gl.css'), path.join(bare, 'maplibre-gl.css'));
  for (const [name, text] of Object.entries(barePage())) fs.writeFileSync(path.join(bare, name), text);
  return dir;
}

/** One cold load (a fresh context: nothing cached) until the map is drawn; its time and bytes on the wire. */
async function coldLoad(browser: Browser, url: string, drawn: string): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  try {
    const start = performance.now();
    await page.goto(url);
    await page.waitForSelector(drawn, { timeout: 120_000 });
    const ms = performance.now() - start;
    return { ms, bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

/** The app's national first view and the bare page, `runs` cold loads each, taking turns. */
export async function benchFirstView(baseUrl: string, dataVersion: number, runs = 5): Promise<FirstViewFigures> {
  const browser = await launchChromium();
  const figures: FirstViewFigures = { appMs: [], bareMs: [], appBytes: 0, bareBytes: 0 };
  try {
    for (let run = 0; run < runs; run++) {
      const app = await coldLoad(browser, `${baseUrl}/`, '[data-testid="atlas-map"][aria-busy="false"]');
      const bare = await coldLoad(browser, `${baseUrl}/bare/index.html?v=${dataVersion}`, '#map[aria-busy="false"]');
      figures.appMs.push(app.ms);
      figures.bareMs.push(bare.ms);
      figures.appBytes = Math.max(figures.appBytes, app.bytes);
      figures.bareBytes = Math.max(figures.bareBytes, bare.bytes);
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/**
 * The main bundle: the entry script and every chunk it imports statically (what runs before anything
 * is loaded on demand), gzipped; and the chunks the page preloads for the first view besides.
 */
export function bundleFigures(clientDir: string): { mainGzipBytes: number; firstViewGzipBytes: number } {
  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(clientDir, 'assets', file))).byteLength;
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in index.html');
  const main = new Set<string>();
  const walk = (file: string) => {
    if (main.has(file)) return;
    main.add(file);
    const code = fs.readFileSync(path.join(clientDir, 'assets', file), 'utf8');
    // Static imports only: `import … from "./x.js"` or `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g)) walk(m[1] as string);
  };
  walk(entry);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string).filter((f) => !main.has(f));
  return {
    mainGzipBytes: [...main].reduce((sum, f) => sum + gz(f), 0),
    firstViewGzipBytes: preloaded.reduce((sum, f) => sum + gz(f), 0),
  };
}

export type RecordRow = (engine: string, measure: string, value: number, unit: string, goal?: string) => void;

/** Writes the first view's figures as bench rows. */
export function recordFirstView(record: RecordRow, engine: string, f: FirstViewFigures, bundle: ReturnType<typeof bundleFigures>): void {
  const app = percentile(f.appMs, 50);
  const bare = percentile(f.bareMs, 50);
  record(engine, `client: main bundle, entry + static imports (gzip; the map's chunk ${(bundle.firstViewGzipBytes / 1e3).toFixed(0)} KB preloaded beside it)`, bundle.mainGzipBytes / 1e3, 'KB', '≤ 250 KB');
  record(engine, `browser: national first view to aria-busy="false", median of ${f.appMs.length} cold loads`, app / 1000, 's');
  record(engine, `browser: bare MapLibre page on the same tiles, same run, median of ${f.bareMs.length}`, bare / 1000, 's');
  record(engine, 'browser: first view / bare MapLibre page', app / bare, '×', '≤ 1.5×');
  record(engine, 'browser: first view, bytes on the wire', f.appBytes / 1e6, 'MB', '≤ 1 MB');
  record(engine, 'browser: bare MapLibre page, bytes on the wire', f.bareBytes / 1e6, 'MB');
}

/** The newest embedded test database the tests prepared (tests/.cache), if any. */
export function testTemplate(): string | null {
  if (!fs.existsSync(CACHE_DIR)) return null;
  const ready = fs.readdirSync(CACHE_DIR).filter((d) => d.startsWith('pglite-') && !d.includes('.building-') && fs.existsSync(path.join(CACHE_DIR, d, 'ready')));
  return ready.length > 0 ? path.join(CACHE_DIR, ready[0] as string, 'pgdata') : null;
}
