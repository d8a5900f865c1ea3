import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserApp, waitForMap } from '../helpers/browser';
import { NO_DATA, PALETTES } from '../../client/map/themes';

const app = useBrowserApp();

/** Opens the national map in a viewport; what the page preloads, what the map asked for, and what reached the server. */
async function firstView(viewport: { width: number; height: number }) {
  const served: string[] = [];
  const watch = (req: IncomingMessage) => req.url?.startsWith('/tiles/') && served.push(req.url);
  app.server.http.on('request', watch);
  const page = await app.browser.newPage({ viewport });
  try {
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/tiles/') && asked.push(r.url().slice(app.server.url.length)));
    await page.goto(app.server.url + '/');
    await waitForMap(page);
    const preloaded = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][href^="/tiles/"]')].filter((l) => matchMedia(l.media || 'all').matches).map((l) => l.getAttribute('href')),
    );
    const modules = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.getAttribute('href')));
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
    return { preloaded, asked, served, modules, scripts };
  } finally {
    await page.close();
    app.server.http.off('request', watch);
  }
}

/**
 * Run in the page before its scripts: the first time the map says aria-busy="false", what its canvas
 * shows at that very moment (in the same task as MapLibre's frame, while the drawing buffer still
 * holds it): how many pixels of each of the default theme's colours, and of the no-data grey; and
 * how many rows the legend has then.
 */
function watchReadiness({ palette, noData }: { palette: readonly string[]; noData: string }): void {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const wanted = [...palette, noData].map(rgb);
  const state = window as unknown as { atReady?: { colours: number[]; pixels: number; legendRows: number } };
  const observer = new MutationObserver(() => {
    const map = document.querySelector('[data-testid="atlas-map"]');
    if (!map || map.getAttribute('aria-busy') !== 'false' || state.atReady) return;
    const canvas = map.querySelector('canvas');
    if (!canvas) return;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const colours = wanted.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      const k = wanted.findIndex((c) => Math.abs(c[0]! - data[i]!) + Math.abs(c[1]! - data[i + 1]!) + Math.abs(c[2]! - data[i + 2]!) < 12);
      if (k >= 0) colours[k]! += 1;
    }
    state.atReady = { colours, pixels: data.length / 4, legendRows: document.querySelectorAll('[data-testid="legend-items"] li').length };
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] }));
}

describe.skipIf(!hasChromium)('the first view', { timeout: 180_000 }, () => {
  it('says aria-busy="false" only once Italy is drawn in the default theme\'s colours, beside its legend', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.addInitScript(watchReadiness, { palette: PALETTES.ylGnBu, noData: NO_DATA });
      // The tiles held back until the legend is there: a map that called itself ready before drawing them is caught.
      await page.route(/\/tiles\/comuni\//, async (route) => {
        await page.getByTestId('legend-items').waitFor({ timeout: 60_000 }).catch(() => undefined);
        await route.continue().catch(() => undefined);
      });
      await page.goto(app.server.url + '/');
      await page.waitForSelector('[data-testid="atlas-map"][aria-busy="false"]', { timeout: 60_000 });
      const atReady = await page.evaluate(() => (window as unknown as { atReady?: { colours: number[]; pixels: number; legendRows: number } }).atReady);
      expect(atReady).toBeDefined();
      const { colours, pixels, legendRows } = atReady!;
      const themed = colours.slice(0, PALETTES.ylGnBu.length);
      // Italy fills a good part of the map, in every class of the theme (quantiles: each a seventh of the Comuni)…
      expect(themed.reduce((a, b) => a + b, 0) / pixels).toBeGreaterThan(0.05);
      for (const [k, count] of themed.entries()) expect(count, `class ${k + 1}`).toBeGreaterThan(1000);
      // …with hardly any Comune grey for want of figures, and the legend's classes and no-data row beside it.
      expect(colours[PALETTES.ylGnBu.length]! / pixels).toBeLessThan(0.01);
      expect(legendRows).toBe(PALETTES.ylGnBu.length + 1);
    } finally {
      await page.close();
    }
  });

  // A desktop (z5: the four tiles of Italy), a wide screen (z5 too) and a phone (z4: two tiles).
  for (const [viewport, zoom] of [[{ width: 1280, height: 800 }, 5], [{ width: 1920, height: 1080 }, 5], [{ width: 390, height: 844 }, 4]] as const) {
    it(`is preloaded by the page, the server sending only those tiles (${viewport.width}×${viewport.height}: zoom ${zoom})`, async () => {
      const { preloaded, asked, served } = await firstView(viewport);
      expect(preloaded.length).toBe(zoom === 5 ? 4 : 2);
      expect(preloaded.every((href) => href?.startsWith(`/tiles/comuni/${zoom}/`))).toBe(true);
      // Exactly the tiles the map asks for: nothing preloaded for nothing, nothing the map needs left out…
      expect([...new Set(asked)].sort()).toEqual([...preloaded].sort());
      // …and the server sent those tiles and no others. Most runs send each once (the map's request answered
      // by the preload), but a map that cancels a tile still in flight (a resize on a loaded machine) asks
      // for it again, so the count is not asserted.
      expect([...new Set(served)].sort()).toEqual([...preloaded].sort());
    });
  }

  it('preloads the map chunk beside the main bundle, and loads no other mode before it is opened', async () => {
    const { modules, scripts } = await firstView({ width: 1280, height: 800 });
    expect(modules.some((href) => /\/assets\/AtlasMap-[\w-]+\.js$/.test(href ?? ''))).toBe(true);
    expect(scripts.some((p) => /\/AtlasMap-/.test(p))).toBe(true);
    for (const lazy of ['BuilderPanel', 'PlannerPanel', 'AlliancePanel', 'CoveragePanel', 'ComparePanel', 'CataloguePanel', 'SourcesPanel', 'AboutPanel', 'SitePages', 'AdhesionPage', 'draw-tools']) {
      expect(scripts.filter((p) => p.includes(`/${lazy}-`)), lazy).toEqual([]);
    }
  });

  it('says so, in the map\'s place, when the map\'s code cannot be downloaded (the map stays busy)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.route(/\/assets\/AtlasMap-[\w-]+\.js$/, (route) => route.abort());
      await page.goto(app.server.url + '/');
      await expect.poll(() => page.getByRole('main').getByRole('alert').textContent()).toMatch(/^Impossibile caricare la mappa: /);
      expect(await page.locator('.atlas-map').getAttribute('aria-busy')).toBe('true');
      // The rest of the page works: the legend of the default theme is there.
      await page.getByTestId('legend-items').waitFor();
    } finally {
      await page.close();
    }
  });

  it('fetches a mode\'s code when its tab is pointed at, before the click', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(app.server.url + '/');
      await waitForMap(page);
      const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/SourcesPanel-/.test(e.name)));
      expect(await loaded()).toBe(false);
      await page.getByRole('button', { name: 'Dati', exact: true }).hover();
      await expect.poll(loaded).toBe(true);
      await page.getByRole('button', { name: 'Dati', exact: true }).click();
      await page.getByTestId('sources-origin').waitFor();
    } finally {
      await page.close();
    }
  });

  it('says that a panel is loading while its code travels (a status screen readers announce)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    try {
      await page.route(/\/assets\/AboutPanel-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(app.server.url + '/');
      await waitForMap(page);
      await page.getByRole('button', { name: "Cos'è un'ALI", exact: true }).click();
      await expect.poll(() => page.getByTestId('panel-loading').getByRole('status').textContent()).toBe('Caricamento del pannello…');
      release();
      await page.getByTestId('about-panel').waitFor();
      expect(await page.getByTestId('panel-loading').count()).toBe(0);
    } finally {
      release();
      await page.close();
    }
  });
});
