import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserApp, waitForMap } from '../helpers/browser';
import { outsiders } from '../helpers/panel-checks';

const app = useBrowserApp();

describe.skipIf(!hasChromium)('the layout at 1280 × 800 and 390 × 760', () => {
  it('keeps every field and cell of a 9-member, 3-service alliance inside the builder, with no sideways scroll', async () => {
    const neighbours = async (code: string) => ((await (await app.server.get(`/api/comuni/${code}`)).json()) as { neighbours: string[] }).neighbours;
    // Agliè, its neighbours, and as many of theirs as make nine.
    const members = ['001001', ...(await neighbours('001001'))];
    for (const code of [...members]) for (const next of await neighbours(code)) if (members.length < 9 && !members.includes(next)) members.push(next);
    expect(members).toHaveLength(9);
    const services = ['suap', 'pagopa', 'protocollo'].map((code) => ({ code, provider: { kind: 'alliance' }, annualCostCents: 1_200_000, equalShare: 0.5 }));
    const created = (await (await app.server.post('/api/alliances', { name: 'ALI del Canavese e dei suoi servizi digitali', members: members.map((code, i) => ({ code, lead: i === 0 })), services })).json()) as { id: number; editToken: string };
    expect(created.editToken).toBeTruthy();

    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 760 }]) {
      const page = await (await app.browser.newContext({ viewport, hasTouch: viewport.width < 500 })).newPage();
      const phone = viewport.width < 500 ? 'phone' : 'desktop';
      await page.goto(`${app.server.url}/alleanze/${created.id}#edit=${created.editToken}`);
      await page.getByTestId('alliance-page').waitFor();
      await waitForMap(page);
      await page.screenshot({ path: `/tmp/ali-layout-alliance-${viewport.width}.png` });
      expect(await outsiders(page), `${phone}: alliance page`).toEqual({ outside: [], sideways: false });
      await page.getByRole('button', { name: 'Modifica', exact: true }).click();
      await expect.poll(() => page.getByTestId('members').locator('tbody tr').count()).toBe(9);
      await expect.poll(() => page.getByTestId('fee-table').count()).toBeGreaterThan(0);
      await waitForMap(page);
      await page.screenshot({ path: `/tmp/ali-layout-build-${viewport.width}.png` });
      expect(await outsiders(page), `${phone}: builder`).toEqual({ outside: [], sideways: false });

      // The focused «Togli … ×» of the last member is never under the sticky save bar; taking it
      // away moves the focus to a neighbouring member's button, not to the page.
      const remove = page.getByTestId('members').locator('tbody tr').last().getByRole('button');
      await remove.focus();
      const [button, bar] = await Promise.all([remove.boundingBox(), page.locator('.save-bar').boundingBox()]);
      expect(button!.y + button!.height, `${phone}: focused button above the save bar`).toBeLessThanOrEqual(bar!.y + 1);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('members').locator('tbody tr').count()).toBe(8);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName), { message: `${phone}: focus after removal` }).toMatch(/^Togli /);

      // Every other mode: nothing wider than the screen.
      for (const mode of ['explore', 'alliances', 'coverage', 'compare', 'catalogue', 'data', 'about']) {
        await page.goto(`${app.server.url}/?mode=${mode}${mode === 'explore' ? '&sel=001001' : mode === 'coverage' ? '&svc=suap' : ''}`);
        await page.locator('.topbar').waitFor();
        await page.waitForTimeout(300);
        if (mode === 'explore') await waitForMap(page);
        if (mode === 'explore') await page.screenshot({ path: `/tmp/ali-layout-explore-${viewport.width}.png` });
        expect((await outsiders(page)).sideways, `${phone}: ${mode}`).toBe(false);
      }
      // The map's sources fold away on a phone (they covered a sixth of the map) and stay open beside a wide screen.
      await page.goto(`${app.server.url}/?lon=12.5&lat=42.3&z=9`);
      await waitForMap(page);
      const attribution = await page.locator('.attribution').boundingBox();
      const map = await page.getByTestId('atlas-map').boundingBox();
      if (viewport.width < 500) expect(attribution!.width * attribution!.height, 'phone: attribution area').toBeLessThan(0.03 * map!.width * map!.height);
      else expect(await page.locator('.attribution').getAttribute('open')).not.toBeNull();
      // A tooltip near the map's right edge opens to the left of the pointer, inside the screen.
      await page.mouse.move(map!.x + map!.width - 15, map!.y + map!.height / 3);
      await page.getByTestId('map-tooltip').waitFor();
      const tip = await page.getByTestId('map-tooltip').boundingBox();
      expect(tip!.x + tip!.width, `${phone}: tooltip inside the screen`).toBeLessThanOrEqual(viewport.width);
      await page.context().close();
    }
  }, 300_000);
});
