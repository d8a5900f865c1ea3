import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserApp, waitForMap } from '../helpers/browser';

const app = useBrowserApp();

/** Where a point (lon, lat) is on the screen, from the camera in the address (Web Mercator, 512-px tiles). */
async function onScreen(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const url = new URL(page.url());
  const [clon, clat, z] = ['lon', 'lat', 'z'].map((k) => Number(url.searchParams.get(k)));
  const world = 512 * 2 ** z!;
  const mx = (l: number) => ((l + 180) / 360) * world;
  const my = (l: number) => ((1 - Math.log(Math.tan((l * Math.PI) / 180) + 1 / Math.cos((l * Math.PI) / 180)) / Math.PI) / 2) * world;
  const box = (await page.getByTestId('atlas-map').boundingBox())!;
  return { x: box.x + box.width / 2 + mx(lon) - mx(clon!), y: box.y + box.height / 2 + my(lat) - my(clat!) };
}

describe.skipIf(!hasChromium)('what the three users tripped on', () => {
  it('Servizi at 1280 px: the panel leaves the filtered region in view beside it', async () => {
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${app.server.url}/?mode=coverage&svc=fundamental&area=08`);
    await page.getByTestId('coverage-totals').waitFor();
    await waitForMap(page);
    await page.waitForTimeout(1200); // the fit's animation
    await waitForMap(page);
    await saveScreenshot(page, 'coverage-emilia-romagna-desktop');
    const atlas = (await (await app.server.get('/api/atlas')).json()) as { regions: { code: string; bbox: [number, number, number, number] }[] };
    const [w, s, e, n] = atlas.regions.find((r) => r.code === '08')!.bbox;
    const [topLeft, bottomRight] = [await onScreen(page, w, n), await onScreen(page, e, s)];
    const panel = (await page.getByTestId('coverage-panel').boundingBox())!;
    const map = (await page.getByTestId('atlas-map').boundingBox())!;
    // The whole region on the map, none of it under the panel.
    expect(topLeft.x).toBeGreaterThanOrEqual(map.x - 1);
    expect(topLeft.y).toBeGreaterThanOrEqual(map.y - 1);
    expect(bottomRight.y).toBeLessThanOrEqual(map.y + map.height + 1);
    expect(bottomRight.x, 'the region ends left of the panel').toBeLessThanOrEqual(panel.x + 1);
  }, 120_000);
});
