import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserApp, waitForMap } from '../helpers/browser';
import { seriousViolations } from '../helpers/panel-checks';

const app = useBrowserApp();

describe.skipIf(!hasChromium)('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds no serious or critical violation in any mode, at 1280 px and at 390 px', async () => {
    const created = (await (await app.server.post('/api/alliances', { name: 'ALI accessibile', members: [{ code: '001001', lead: true }, { code: '001015' }] })).json()) as {
      id: number;
      invitations: { code: string; url: string }[];
    };
    // The app's CSP forbids injected scripts: this test's page lets axe-core in.
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const found: string[] = [];
    const check = async (where: string) => {
      for (const v of await seriousViolations(page)) found.push(`${where}: ${v}`);
    };
    await page.goto(`${app.server.url}/comuni/001001`);
    await waitForMap(page);
    await page.getByTestId('population').waitFor();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 760 });
      await check(`${width} explore`);
      for (const [mode, label] of [['build', 'Costruisci'], ['alliances', 'Alleanze'], ['coverage', 'Servizi'], ['compare', 'Confronta'], ['catalogue', 'Catalogo'], ['data', 'Dati'], ['about', "Cos'è un'ALI"]] as const) {
        await page.getByRole('button', { name: label, exact: true }).click();
        await page.waitForFunction((m) => new URLSearchParams(location.search).get('mode') === m || (m === 'alliances' && location.pathname.startsWith('/alleanze')), mode);
        await page.waitForTimeout(300);
        await check(`${width} ${mode}`);
      }
      // The footer links the accessibility statement as AgID's checks expect; it is a page of its own.
      await page.locator('[data-element="accessibility-link"]').click();
      await page.getByTestId('accessibility-page').waitFor();
      await check(`${width} accessibility`);
      // Every mode again in English (the site's own pages too).
      for (const mode of ['explore', 'build', 'alliances', 'coverage', 'compare', 'catalogue', 'data', 'about', 'legal', 'accessibility']) {
        await page.goto(`${app.server.url}/?mode=${mode}&lang=en${mode === 'explore' ? '&sel=001001' : ''}`);
        await page.locator('.topbar').waitFor();
        await page.waitForTimeout(300);
        await check(`${width} ${mode} (en)`);
      }
      await page.goto(`${app.server.url}/alleanze/${created.id}`);
      await page.getByTestId('history').waitFor();
      await check(`${width} alliance page`);
      await page.goto(`${app.server.url}${created.invitations[0]!.url}`);
      await page.getByTestId('adhesion-status').waitFor();
      await check(`${width} adhesion page`);
      // Both language buttons are readable on the white page (EN was white on white).
      for (const name of ['IT', 'EN']) {
        const [ink, ground] = await page.getByRole('button', { name, exact: true }).evaluate((button) => {
          let element: Element | null = button;
          let ground = 'rgba(0, 0, 0, 0)';
          while (element && ground === 'rgba(0, 0, 0, 0)') {
            ground = getComputedStyle(element).backgroundColor;
            element = element.parentElement;
          }
          return [getComputedStyle(button).color, ground];
        });
        expect(ink, `${width} ${name} button`).not.toBe(ground);
      }
      await page.goto(`${app.server.url}/comuni/001001`);
      await waitForMap(page);
    }
    expect(found).toEqual([]);
    await page.close();
  }, 480_000);
});
