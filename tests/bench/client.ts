import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForMap } from '../helpers/browser';

export interface ClientFigures {
  /** Navigation to the national map fully drawn (thematic colours on), median of cold loads. */
  drawnMs: number;
  /** Bytes over the wire for that first screen (bodies as sent, gzip included, plus headers). */
  transferredBytes: number;
  /** JS the first screen loads (entry and its static imports), gzipped. */
  initialJsGzipBytes: number;
  /** All JS in the build, gzipped (the rest loads lazily). */
  allJsGzipBytes: number;
  /** Coverage recolour of all Comuni: feature-state join and paint change (median). */
  recolourMs: number;
  /** The same until the map is drawn again (median). */
  recolourDrawnMs: number;
}

/** Switches the coverage map between services and reads the app's own recolour timings. */
async function benchRecolour(browser: Browser, baseUrl: string): Promise<{ recolourMs: number; recolourDrawnMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/?mode=coverage&svc=suap`);
  await waitForMap(page);
  const select = page.getByTestId('coverage-panel').getByLabel('Servizio');
  for (const service of ['fundamental', 'suap', 'fundamental', 'suap', 'fundamental']) {
    await select.selectOption(service);
    await page.waitForFunction(() => document.querySelector('[data-testid="coverage-totals"]') !== null);
    await page.waitForTimeout(200);
    await waitForMap(page);
  }
  const durations = (name: string) =>
    page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const result = { recolourMs: median(await durations('ali:recolour')), recolourDrawnMs: median(await durations('ali:recolour-drawn')) };
  await context.close();
  return result;
}

/**
 * The planner in the browser on a region (Piemonte, ~1,180 Comuni): how long the run takes, and the
 * longest task on the main thread meanwhile (the planner runs in a Worker: the page must stay responsive).
 */
export async function benchPlannerPage(browser: Browser, baseUrl: string): Promise<{ planMs: number; planLongestTaskMs: number; planAnswerTaskMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { longTasks: [number, number][] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}/?mode=plan&area=01`);
  await waitForMap(page);
  await page.getByLabel(/^Seme/).fill('5');
  await page.getByRole('button', { name: 'Proponi', exact: true }).last().click();
  await page.getByTestId('plan-result').waitFor({ timeout: 120_000 });
  const result = await page.evaluate(() => {
    const run = performance.getEntriesByName('ali:plan').at(-1);
    const tasks = (window as unknown as { longTasks: [number, number][] }).longTasks;
    if (!run) return { planMs: NaN, planLongestTaskMs: NaN, planAnswerTaskMs: NaN };
    const end = run.startTime + run.duration;
    // Tasks wholly inside the run, while the Worker computes; then the one that takes its answer and draws the plan.
    const during = tasks.filter(([start, d]) => start >= run.startTime && start + d <= end);
    const answer = tasks.filter(([start, d]) => start < end && start + d > end);
    return { planMs: run.duration, planLongestTaskMs: Math.max(0, ...during.map(([, d]) => d)), planAnswerTaskMs: Math.max(0, ...answer.map(([, d]) => d)) };
  });
  await context.close();
  return result;
}

/** Cold loads of the national map in headless Chromium, and the size of the built bundle. */
export async function benchClient(baseUrl: string, clientDir: string, runs = 3): Promise<ClientFigures> {
  const browser: Browser = await launchChromium();
  const times: number[] = [];
  let transferred = 0;
  let recolour: { recolourMs: number; recolourDrawnMs: number };
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const responses: Promise<number>[] = [];
      page.on('requestfinished', (request) =>
        responses.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
      );
      const start = performance.now();
      await page.goto(baseUrl);
      await waitForMap(page);
      times.push(performance.now() - start);
      const sizes = await Promise.all(responses);
      if (run === 0) transferred = sizes.reduce((a, b) => a + b, 0);
      await context.close();
    }
    recolour = await benchRecolour(browser, baseUrl);
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);

  const html = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(clientDir, file))).byteLength;
  const allJs = fs.readdirSync(path.join(clientDir, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    drawnMs: times[Math.floor(times.length / 2)] as number,
    transferredBytes: transferred,
    initialJsGzipBytes: initial.reduce((sum, f) => sum + gz(f), 0),
    allJsGzipBytes: allJs.reduce((sum, f) => sum + gz(path.join('assets', f)), 0),
    ...recolour,
  };
}
