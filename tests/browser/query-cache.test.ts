import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useBrowserApp } from '../helpers/browser';

// Its own database: it counts the alliances it saves.
const app = useBrowserApp({ ownDatabase: true });

/** A published alliance of three small Comuni near Turin, saved through the API (as another person would). */
async function publish(name: string): Promise<{ id: number; editToken: string }> {
  const saved = await app.server.post('/api/alliances', {
    name,
    status: 'published',
    members: ['001065', '001193', '001260'].map((code, i) => ({ code, lead: i === 0 })),
  });
  expect(saved.status).toBe(201);
  return (await saved.json()) as { id: number; editToken: string };
}

const isList = (url: string) => new URL(url).pathname === '/api/alliances';
const isRevision = (url: string) => new URL(url).pathname === '/api/alliances/revision';

/** The page hears of changes when it is shown again, or every 30 s: here, a focus. */
const focus = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

describe.skipIf(!hasChromium)('server data through the one query cache, in a browser', { timeout: 300_000 }, () => {
  it('asks for the alliance list once per server revision, however many read it, and again once when someone else saves', async () => {
    await publish('ALI della prima ora');
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 } });
    const lists: string[] = [];
    const revisions: string[] = [];
    page.on('request', (r) => {
      if (isList(r.url())) lists.push(r.url());
      if (isRevision(r.url())) revisions.push(r.url());
    });
    // Two readers of the list: the Alleanze panel and the overlay's toggle, which counts them.
    await page.goto(`${app.server.url}/?mode=alliances&ov=alliances`);
    const list = page.getByTestId('alliance-list');
    await expect.poll(() => list.textContent()).toContain('ALI della prima ora');
    await expect.poll(() => page.locator('#sidebar').textContent()).toMatch(/Alleanze \(ALI\) \(1\)/);
    expect(lists).toHaveLength(1);

    // Leaving the panel and coming back mounts it again: from the cache, nothing asked.
    await page.getByRole('button', { name: 'Esplora', exact: true }).click();
    await expect.poll(() => list.count()).toBe(0);
    await page.getByRole('button', { name: 'Alleanze', exact: true }).click();
    await expect.poll(() => list.textContent()).toContain('ALI della prima ora');
    expect(lists).toHaveLength(1);

    // Nothing changed: the page checks the revision, and asks for nothing else.
    const checked = revisions.length;
    await focus(page);
    await expect.poll(() => revisions.length).toBeGreaterThan(checked);
    await page.waitForLoadState('networkidle', { timeout: 60_000 }); // a loaded machine draws slowly
    expect(lists).toHaveLength(1);

    // Someone else saves, outside this page: the next check sees the new revision, and the list is asked for once.
    await publish('ALI di un altro ufficio');
    await focus(page);
    await expect.poll(() => list.textContent()).toContain('ALI di un altro ufficio');
    await expect.poll(() => page.locator('#sidebar').textContent()).toMatch(/Alleanze \(ALI\) \(2\)/);
    await page.waitForLoadState('networkidle', { timeout: 60_000 }); // a loaded machine draws slowly
    expect(lists).toHaveLength(2);
    await page.close();
  });

  it('after a write of its own, reads the list again at once (no waiting for the next check), once', async () => {
    const { id, editToken } = await publish('ALI da eliminare');
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('dialog', (dialog) => void dialog.accept());
    const lists: string[] = [];
    page.on('request', (r) => {
      if (isList(r.url())) lists.push(r.url());
    });
    await page.goto(`${app.server.url}/alleanze/${id}#edit=${editToken}`);
    await page.getByTestId('alliance-page').waitFor();
    await page.getByRole('button', { name: 'Chiudi', exact: true }).click();
    const list = page.getByTestId('alliance-list');
    await expect.poll(() => list.textContent()).toContain('ALI da eliminare');
    expect(lists).toHaveLength(1);

    await list.getByRole('button', { name: 'ALI da eliminare', exact: true }).click();
    await page.getByRole('button', { name: 'Elimina', exact: true }).click(); // confirmed
    // Back on the list, without the deleted one, from a single new request.
    // (The list may now be empty: tests run in any order, and this may be the only alliance saved.)
    const panel = page.locator('aside.panel').first();
    await expect
      .poll(async () => {
        const text = (await panel.textContent()) ?? '';
        return text.startsWith('Alleanze salvate') && !text.includes('ALI da eliminare');
      })
      .toBe(true);
    await page.waitForLoadState('networkidle', { timeout: 60_000 }); // a loaded machine draws slowly
    expect(lists).toHaveLength(2);
    await page.close();
  });
});
