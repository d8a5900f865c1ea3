import type { Browser, Page } from 'playwright-core';
import { waitForMap } from '../helpers/browser';

/** How long a founder takes, and how many actions, from the landing page to a saved alliance. */
export interface WalkFigures {
  desktop: { seconds: number; actions: number };
  phone: { seconds: number; actions: number };
}

/**
 * The founder's shortest path to the Bassa Romagna alliance: search Lugo, start from its Unione,
 * name it, save. Actions are clicks and typed fields, counted as a person would.
 */
async function walk(browser: Browser, baseUrl: string, viewport: { width: number; height: number }): Promise<{ seconds: number; actions: number }> {
  const context = await browser.newContext({ viewport });
  const page: Page = await context.newPage();
  let actions = 0;
  const act = async (step: () => Promise<unknown>) => {
    actions += 1;
    await step();
  };
  const start = performance.now();
  await page.goto(`${baseUrl}/`);
  await waitForMap(page);
  await act(() => page.getByRole('combobox', { name: 'Cerca un comune' }).fill('lugo'));
  await act(() => page.getByRole('option', { name: /^Lugo \(RA\)/ }).click());
  await act(() => page.getByRole('button', { name: /Unione dei Comuni della Bassa Romagna/ }).click());
  await act(() => page.getByTestId('association-card').getByRole('button', { name: /Parti da questa associazione/ }).click());
  await page.getByTestId('members').waitFor();
  await act(() => page.getByLabel("Nome dell'alleanza").fill('ALI della Bassa Romagna'));
  await act(() => page.getByRole('button', { name: 'Salva', exact: true }).click());
  await page.getByTestId('alliance-page').waitFor();
  const seconds = (performance.now() - start) / 1000;
  await context.close();
  return { seconds, actions };
}

export async function benchWalk(browser: Browser, baseUrl: string): Promise<WalkFigures> {
  return { desktop: await walk(browser, baseUrl, { width: 1280, height: 800 }), phone: await walk(browser, baseUrl, { width: 390, height: 760 }) };
}
