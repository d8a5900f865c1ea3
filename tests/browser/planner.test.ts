import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PLAN_PALETTE } from '../../client/planner/plan-colours';
import { hasChromium, saveScreenshot, screenshotColours, useBrowserApp, waitForMap } from '../helpers/browser';

// Its own database: the plan's alliances are saved as drafts.
const app = useBrowserApp({ ownDatabase: true });

const CUNEO = '004';

/** The proposed alliances as the page lists them: members and colour. */
async function proposed(page: Page): Promise<{ members: string[]; colour: string }[]> {
  return page
    .getByTestId('plan-explanations')
    .locator(':scope > li')
    .evaluateAll((items) => items.map((li) => ({ members: (li.getAttribute('data-members') ?? '').split(' '), colour: li.getAttribute('data-colour') ?? '' })));
}

async function waitForPlan(page: Page): Promise<void> {
  await page.getByTestId('plan-result').waitFor({ timeout: 90_000 });
  await waitForMap(page);
}

describe.skipIf(!hasChromium)('Proponi: the planner in a browser', () => {
  it('plans a province in a Worker, draws it in colours that differ between neighbours, opens one alliance in the builder, and the link gives the same plan', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Proponi', exact: true }).click();
    await page.getByRole('combobox', { name: 'Una regione o provincia' }).selectOption(CUNEO);
    await page.getByLabel(/^Seme/).fill('7');
    await page.getByRole('button', { name: 'Proponi', exact: true }).last().click();
    // While it runs the page answers (the planner is in a Worker): the progress bar is there, then the plan.
    await waitForPlan(page);
    expect(page.url()).toContain('piano=20000-soft-7');
    const plan = await proposed(page);
    expect(plan.length).toBeGreaterThan(5);
    expect(await page.getByTestId('plan-table').locator('tbody tr').count()).toBe(plan.length);

    // Two bordering alliances (by the border graph the server publishes) differ in colour, and both colours are drawn.
    const atlas = (await (await app.server.get('/api/atlas')).json()) as { code: string[] };
    const adjacency = (await (await app.server.get('/api/atlas/adjacency')).json()) as { a: number[]; b: number[] };
    const owner = new Map(plan.flatMap((a, i) => a.members.map((c) => [c, i] as const)));
    const pairs = new Set<string>();
    adjacency.a.forEach((a, k) => {
      const i = owner.get(atlas.code[a]!);
      const j = owner.get(atlas.code[adjacency.b[k]!]!);
      if (i !== undefined && j !== undefined && i !== j) pairs.add(`${Math.min(i, j)}-${Math.max(i, j)}`);
    });
    expect(pairs.size).toBeGreaterThan(5);
    for (const pair of pairs) {
      const [i, j] = pair.split('-').map(Number) as [number, number];
      expect(plan[i]!.colour, `alliances ${i + 1} and ${j + 1} border each other`).not.toBe(plan[j]!.colour);
    }
    const [first] = [...pairs].map((p) => p.split('-').map(Number) as [number, number]);
    const colours = [plan[first![0]]!.colour, plan[first![1]]!.colour];
    const counts = await screenshotColours(page, 'planner-cuneo-1280', colours);
    for (const [k, n] of counts.entries()) expect(n, `pixels of ${colours[k]}`).toBeGreaterThan(200);
    expect(PLAN_PALETTE).toContain(colours[0]);

    // The link, opened afresh, gives the same plan.
    const link = page.url();
    const again = await context.newPage();
    await again.goto(link);
    await waitForPlan(again);
    expect(await proposed(again)).toEqual(plan);
    await again.close();

    // One alliance opened in the builder: the same members.
    const chosen = plan[1]!;
    await page.getByRole('button', { name: 'Apri nel costruttore' }).nth(1).click();
    const members = page.getByTestId('members').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(chosen.members.length);
    expect(page.url()).toContain('mode=build');
    await context.close();
  }, 300_000);

  it('saves every proposed alliance as an unpublished draft, explains them in English, and cancels a long run', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?mode=plan&area=${CUNEO}&piano=20000-hard-3`);
    await waitForPlan(page);
    const plan = await proposed(page);
    await page.getByRole('button', { name: 'Salva tutte come bozze' }).click();
    await expect.poll(() => page.getByTestId('plan-drafts').textContent(), { timeout: 60_000 }).toContain(`Salvate ${plan.length} bozze`);
    const ids = ((await page.getByTestId('plan-drafts').getAttribute('data-ids')) ?? '').split(' ').map(Number);
    expect(ids).toHaveLength(plan.length);
    for (const [i, id] of ids.entries()) {
      const saved = (await (await app.server.get(`/api/alliances/${id}`)).json()) as { status: string; members: { code: string }[] };
      expect(saved.status).toBe('draft');
      expect(saved.members.map((m) => m.code).sort()).toEqual(plan[i]!.members);
    }

    // In English: why each alliance, against the floor.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-explanations').textContent()).toMatch(/residents against a floor of 20,000/);

    // Two runs side by side: the one kept, and another seed's.
    await page.getByRole('button', { name: 'Keep for comparison' }).click();
    await page.getByRole('button', { name: 'Try another seed' }).click();
    await expect.poll(() => page.getByTestId('plan-score').locator('thead').textContent(), { timeout: 60_000 }).toBe('KeptLatest');
    expect(await page.getByTestId('plan-score').locator('tbody tr').first().locator('td').count()).toBe(2);

    // A large region at a low floor (seconds of work): the run shows its progress and stops at Cancel.
    await page.getByRole('combobox', { name: 'A region or province' }).selectOption('03');
    await page.getByLabel(/^Floor/).fill('1000');
    await page.getByLabel(/^Seed/).fill('5');
    await page.getByRole('button', { name: 'Propose', exact: true }).last().click();
    // Clicked as soon as it shows (a click that waits for the button to settle could come after the plan).
    await page.waitForFunction(() => {
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
      cancel?.click();
      return cancel !== undefined;
    });
    await expect.poll(() => page.getByTestId('planner-status').textContent()).toContain('Cancelled.');
    await context.close();
  }, 240_000);

  it('fits a phone (390 px): the panel is a bottom sheet and nothing scrolls sideways', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?mode=plan&area=${CUNEO}&piano=20000-soft-7`);
    await waitForPlan(page);
    await saveScreenshot(page, 'planner-cuneo-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = (await page.getByTestId('planner-panel').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(390);
    await context.close();
  }, 180_000);
});
