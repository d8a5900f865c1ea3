import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserApp } from '../helpers/browser';

const app = useBrowserApp();

describe.skipIf(!hasChromium)('an edit link', { timeout: 120_000 }, () => {
  it('is kept even when the alliance page’s code arrives late (the address is rewritten before it)', async () => {
    const saved = await app.server.post('/api/alliances', {
      name: 'ALI del link di modifica',
      members: ['001065', '001193', '001260'].map((code, i) => ({ code, lead: i === 0 })),
    });
    expect(saved.status).toBe(201);
    const { id, editToken } = (await saved.json()) as { id: number; editToken: string };
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 } });
    // The alliance page's chunk held back for 3 s: a slow network, or a busy machine.
    await page.route(/\/assets\/AlliancePanel-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await page.goto(`${app.server.url}/alleanze/${id}#edit=${editToken}`);
    await page.getByTestId('alliance-page').waitFor();
    await page.getByRole('button', { name: 'Modifica', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Elimina', exact: true }).waitFor();
    // The secret left the address, and stays in this browser.
    expect(page.url()).not.toContain('edit=');
    expect(await page.evaluate((key) => localStorage.getItem(key), `ali-atlas:edit:${id}`)).toBe(editToken);
    await page.close();
  });
});
