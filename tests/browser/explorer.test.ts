import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUTLINE_OVERLAYS, SELECTION_COLOUR } from '../../client/map/style';
import { PALETTES } from '../../client/map/themes';
import { PNG } from 'pngjs';
import { hasChromium, useBrowserApp, screenshotColours, waitForMap, CHROMIUM, classAtMapCentre, saveScreenshot, SCREENSHOTS } from '../helpers/browser';

if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const app = useBrowserApp();
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function open(path = '/', viewport = { width: 1280, height: 860 }) {
  const page = await app.browser.newPage({ viewport });
  const foreign: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
    if (!r.url().startsWith(app.server.url) && !/^(blob|data):/.test(r.url())) foreign.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(app.server.url + path);
  await waitForMap(page);
  return { page, foreign, errors, requests };
}

const legendItems = (page: Page) => page.getByTestId('legend-items').first().locator('li').allTextContents();

describe.skipIf(!hasChromium)('the map explorer in a browser', { timeout: 120_000 }, () => {

  it('draws every Comune coloured by population, with its legend, from our own server only', async () => {
    const { page, foreign, errors, requests } = await open();
    // The first tiles are asked for at once, by versioned (immutable) URLs: no TileJSON before them.
    const version = await page.locator('meta[name="ali-data-version"]').getAttribute('content');
    expect(version).toMatch(/^\d+$/);
    expect(requests.filter((u) => u.includes('/tiles/comuni/')).every((u) => u.endsWith(`.pbf?v=${version}`))).toBe(true);
    expect(requests.some((u) => u.includes('/tiles/comuni.json'))).toBe(false);
    // The attribute table too: the page preloads it by its versioned URL, and the app takes that one.
    expect(await page.locator('link[rel="preload"][href^="/api/atlas"]').getAttribute('href')).toBe(`/api/atlas?v=${version}`);
    expect(requests.filter((u) => /\/api\/atlas(\?|$)/.test(u))).toEqual([`${app.server.url}/api/atlas?v=${version}`]);
    const counts = await screenshotColours(page, 'national-population', PALETTES.ylGnBu);
    expect(sum(counts)).toBeGreaterThan(60_000); // Italy fills a good part of the map
    expect(counts.filter((n) => n > 300).length).toBeGreaterThanOrEqual(5); // most classes visible
    expect(await page.getByTestId('legend-theme').textContent()).toBe('Popolazione residente');
    const items = await legendItems(page);
    expect(items).toHaveLength(PALETTES.ylGnBu.length + 1);
    expect(items.at(-1)).toBe('Nessun dato');
    expect(items[0]).toMatch(/^\d[\d.]* – [\d.]+$/); // Italian numbers: "0 – 599"
    expect(await page.textContent('.legend-source')).toContain('ISTAT 2020');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recolours by density with a matching legend, and puts it in the URL', async () => {
    const { page } = await open();
    await page.getByLabel('Densità (ab./km²)').check();
    await waitForMap(page);
    expect(page.url()).toContain('theme=density');
    expect(await page.getByTestId('legend-theme').textContent()).toBe('Densità (ab./km²)');
    const items = await legendItems(page);
    expect(items).toHaveLength(PALETTES.viridis.length + 1);
    expect(items[0]).toMatch(/,\d/); // one decimal, Italian comma
    const counts = await screenshotColours(page, 'national-density', PALETTES.viridis);
    expect(sum(counts)).toBeGreaterThan(60_000);
    await page.close();
  });

  it('finds Roma with the keyboard, flies there and shows its population', async () => {
    const { page } = await open();
    // Tab from the top of the page (skip link, navigation) to the search box.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('type'));
    for (let i = 0; i < 12 && (await focused()) !== 'search'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('search');
    await page.keyboard.type('roma');
    await page.getByRole('option', { name: /^Roma \(RM\)/ }).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('population').textContent()).toBe('2.770.226');
    await expect(page.getByRole('listbox').isHidden()).resolves.toBe(true);
    // Focus moves to what was chosen: the details' heading (one Tab from its content, read out).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Roma');
    // The fly there ends when the map has drawn it: slow under SwiftShader on a busy CI machine.
    await page.waitForFunction(() => /[?&]lon=12\.\d+/.test(location.search) && /[?&]lat=41\.\d+/.test(location.search), null, { timeout: 60_000 });
    await waitForMap(page);
    expect(page.url()).toContain('/comuni/058091');
    // The map says what the data says: Roma (2,770,226 residents) is painted in the top class…
    const [selected] = await screenshotColours(page, 'roma-details', [SELECTION_COLOUR]);
    expect(await classAtMapCentre(page, PALETTES.ylGnBu)).toBe(PALETTES.ylGnBu.length - 1);
    expect(selected).toBeGreaterThan(1000); // its outline, drawn in the selection colour
    // …and Morterone (29 residents, the smallest Comune) in the lowest.
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('morterone');
    await page.getByRole('option', { name: /^Morterone/ }).click();
    // The panel changes when Morterone's details arrive: until then it still shows Roma.
    await expect.poll(() => page.getByTestId('population').textContent()).toBe('29');
    await page.waitForFunction(() => /[?&]lon=9\.4\d+/.test(location.search), null, { timeout: 20_000 });
    await waitForMap(page);
    expect(await classAtMapCentre(page, PALETTES.ylGnBu)).toBe(0);
    await page.close();
  });

  it('toggles the SNAI overlay, fetching its tiles only when shown, and Back undoes it', async () => {
    const { page, requests } = await open('/?lon=14.5&lat=40.9&z=7');
    expect(requests.some((u) => u.includes('/tiles/associations/'))).toBe(false);
    const snaiColour = OUTLINE_OVERLAYS.snai!.colour;
    const before = await screenshotColours(page, 'snai-off', [snaiColour]);
    await page.getByLabel('Aree SNAI').check();
    await waitForMap(page);
    expect(requests.some((u) => u.includes('/tiles/associations/'))).toBe(true);
    const after = await screenshotColours(page, 'snai-on', [snaiColour]);
    expect(after[0]).toBeGreaterThan((before[0] as number) + 500);
    expect(page.url()).toContain('ov=snai');
    expect(await page.locator('.legend-overlays li').allTextContents()).toEqual(['Aree SNAI · DPCoe-NUVAP 2022']);
    await page.goBack();
    await expect(page.getByLabel('Aree SNAI').isChecked()).resolves.toBe(false);
    await page.close();
  });

  it('restores exactly the same view from a copied URL', async () => {
    const { page } = await open('/');
    await page.getByLabel('Aree interne (classe A–F)').check();
    await page.getByLabel('Sistemi locali del lavoro').check();
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('agliè');
    await page.getByRole('option', { name: /^Agliè/ }).click();
    await expect(page.getByTestId('population').textContent()).resolves.toBe('2.545');
    await page.getByRole('button', { name: /Sistema locale del lavoro: / }).click();
    await page.getByTestId('association-card').waitFor();
    await waitForMap(page);
    const url = page.url();
    expect(url).toMatch(/theme=innerAreas/);
    expect(url).toMatch(/ov=sll/);
    expect(url).toMatch(/\/comuni\/001001/);
    expect(url).toMatch(/assoc=\d+/);

    const copy = await open(url.replace(app.server.url, ''));
    await expect(copy.page.getByLabel('Aree interne (classe A–F)').isChecked()).resolves.toBe(true);
    await expect(copy.page.getByLabel('Sistemi locali del lavoro').isChecked()).resolves.toBe(true);
    await expect(copy.page.getByTestId('population').textContent()).resolves.toBe('2.545');
    await copy.page.getByTestId('association-card').waitFor();
    const camera = (u: string) => new URL(u).searchParams;
    expect(camera(copy.page.url()).get('lon')).toBe(camera(url).get('lon'));
    expect(camera(copy.page.url()).get('z')).toBe(camera(url).get('z'));
    // Starting an alliance from the association proposes its name.
    const card = (await copy.page.getByTestId('association-card').textContent()) ?? '';
    await copy.page.getByRole('button', { name: 'Parti da questa associazione' }).click();
    const proposed = await copy.page.getByLabel("Nome dell'alleanza").inputValue();
    expect(proposed.length).toBeGreaterThan(3);
    expect(card).toContain(proposed);
    await copy.page.close();
    await page.close();
  });

  it('on a phone, flies to a Comune chosen in the search box, as on a desktop', async () => {
    const { page } = await open('/', { width: 390, height: 760 });
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('agliè');
    await page.getByRole('option', { name: /^Agliè/ }).click();
    await expect(page.getByTestId('population').textContent()).resolves.toBe('2.545');
    const zoom = () => Number(new URL(page.url()).searchParams.get('z'));
    await expect.poll(zoom).toBeGreaterThan(9);
    await waitForMap(page);
    // Agliè is in view above the details sheet: the map's visible part is centred near it.
    const agliè = (await (await app.server.get('/api/comuni/001001')).json()) as { labelPoint: [number, number] };
    const centre = new URL(page.url()).searchParams;
    expect(Math.abs(Number(centre.get('lon')) - agliè.labelPoint[0])).toBeLessThan(0.3);
    await page.close();
  });

  it('speaks English on request and fits a phone screen', async () => {
    const { page } = await open('/?lang=en&sel=058091', { width: 390, height: 760 });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // English figures in English: a comma groups thousands.
    await expect.poll(() => page.getByTestId('population').textContent()).toBe('2,770,226');
    expect(await page.isVisible('#sidebar')).toBe(false); // layers behind a button
    // The map above the details is drawn in the population classes, not left blank.
    const classes = await screenshotColours(page, 'phone-english', PALETTES.ylGnBu);
    expect(classes.filter((n) => n > 50).length).toBeGreaterThanOrEqual(4);
    // Every mode is reachable on a phone too.
    for (const mode of ['Explore', 'Build', 'Alliances', 'Services', 'Compare', 'Catalogue']) {
      expect(await page.getByRole('button', { name: mode, exact: true }).count(), mode).toBe(1);
    }
    await page.getByRole('button', { name: 'Catalogue', exact: true }).scrollIntoViewIfNeeded();
    expect(await page.getByRole('button', { name: 'Catalogue', exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Layers' }).click();
    expect(await page.isVisible('#sidebar')).toBe(true);
    await page.close();
  });

  it('lists the sources and the open data on the Dati page, every link answering, on a phone too', async () => {
    const { page, errors } = await open('/?mode=data', { width: 390, height: 760 });
    await page.getByTestId('source-boundaries').waitFor();
    const openData = page.getByTestId('open-data');
    const hrefs = await openData.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      '/api/open-data/alliances.csv',
      '/api/open-data/alliances.xlsx',
      '/api/open-data/services.csv',
      '/api/open-data/services.xlsx',
      '/api/open-data/fees.csv',
      '/api/open-data/alliances.geojson',
      '/api/open-data/catalog.jsonld',
      '/api/feed.atom',
      '/api/docs',
      '/ogc?f=html',
    ]);
    for (const href of hrefs) expect((await fetch(app.server.url + href!)).status, href!).toBe(200);
    expect(await page.getByTestId('ogc-url').textContent()).toBe(`${app.server.url}/ogc`);
    expect(await page.getAttribute('link[type="application/ld+json"]', 'href')).toBe('/api/open-data/catalog.jsonld');
    await openData.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'phone-open-data');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never scrolls sideways on a phone, in any mode, and panels fit their width', async () => {
    // One page, switching modes as a person would (a full load per mode costs ~8 s under SwiftShader).
    const { page } = await open('/comuni/058091?svc=suap', { width: 390, height: 760 });
    const fits = async (what: string) => {
      await page.waitForTimeout(400); // the panel fills in
      const fit = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        panels: [...document.querySelectorAll<HTMLElement>('.panel')].map((p) => p.scrollWidth - p.clientWidth),
      }));
      expect(fit, what).toEqual({ page: 0, panels: fit.panels.map(() => 0) });
    };
    await fits('Roma’s details at 390 px');
    const modes = ['Costruisci', 'Alleanze', 'Servizi', 'Confronta', 'Catalogo', 'Dati', 'Esplora'];
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 760 });
      for (const mode of modes) {
        await page.locator('nav.modes').getByRole('button', { name: mode, exact: true }).click();
        await fits(`${mode} at ${width} px`);
      }
    }
    expect(await page.getByTestId('coverage-panel').count()).toBe(0); // left Servizi: its panel is gone
    await page.close();
  }, 120_000);

  it('opens a link to an area (no camera) on that area, not on all of Italy', async () => {
    const { page } = await open('/?area=039'); // the province of Ravenna
    await page.waitForFunction(() => new URLSearchParams(location.search).has('z'), null, { timeout: 30_000 });
    await waitForMap(page);
    const q = new URL(page.url()).searchParams;
    expect(Number(q.get('lon'))).toBeGreaterThan(11.5);
    expect(Number(q.get('lon'))).toBeLessThan(12.6);
    expect(Number(q.get('lat'))).toBeGreaterThan(44.1);
    expect(Number(q.get('lat'))).toBeLessThan(44.8);
    expect(Number(q.get('z'))).toBeGreaterThan(7.5);
    expect(q.get('area')).toBe('039');

    // The area's figures, its Comuni by size as bars, and a CSV of them that agrees with the data.
    const summary = page.getByTestId('area-summary');
    expect(await summary.getByRole('heading').textContent()).toBe('Ravenna');
    const figures = Object.fromEntries(
      await summary.locator('.figures div').evaluateAll((items) => items.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])),
    );
    expect(figures).toMatchObject({ Comuni: '18' });
    const bars = await summary.locator('.bars tbody tr td .bar-value').allTextContents();
    expect(bars.map((n) => Number(n.replace(/\./g, ''))).reduce((a, b) => a + b, 0)).toBe(18);
    const downloading = page.waitForEvent('download');
    await summary.getByRole('link', { name: /Scarica i comuni/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('comuni-039.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('istat_code,comune,province,population,small,mountain,inner_area_class,unioni_comunita');
    expect(rows).toHaveLength(19);
    expect(rows.some((r) => r.startsWith('"039012","Lugo","RA",'))).toBe(true);
    const residents = rows.slice(1).reduce((sum, r) => sum + Number(r.split(',')[3]), 0);
    expect(figures.Abitanti).toBe(new Intl.NumberFormat('it-IT', { useGrouping: 'always' }).format(residents));
    // The small Comuni in no Unione or Comunità: as many listed as the figure says, each small and in none.
    const outsideCount = Number(figures['Piccoli comuni in nessuna unione o comunità montana']);
    const outsideRows = rows.slice(1).filter((r) => r.endsWith(',0') && r.split(',')[4] === '1');
    expect(outsideRows).toHaveLength(outsideCount);
    await summary.getByTestId('small-outside-toggle').check();
    await expect.poll(() => summary.getByTestId('small-outside').locator('li').count()).toBe(outsideCount);
    // A Comune found outside the area is shown, not faded: the filter gives way.
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('morterone');
    await page.getByRole('option', { name: /^Morterone/ }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('area') && location.pathname === '/comuni/097055');
    expect(await page.getByTestId('area-summary').count()).toBe(0);
    await page.close();
  });

  it('draws population circles with a size key, and links to the service hubs only where they can be read', async () => {
    // Around Lugo at z 9: circles in vermilion over the blue theme, hub links in their class colours.
    const { page, errors } = await open('/?ov=circles,hubs&lon=11.91&lat=44.42&z=9');
    await waitForMap(page);
    await page.getByTestId('circle-key').waitFor();
    expect(await page.getByTestId('circle-key').textContent()).toContain('5.000 ab. · 50.000 ab. · 500.000 ab.');
    expect(await page.getByTestId('hub-key').textContent()).toContain('visibili da zoom 7 in su');
    await page.waitForTimeout(1500); // deck.gl loads on demand and draws after the map
    await waitForMap(page);
    // Vermilion circle edges: no colour of the blue theme is anywhere near (r high, g and b low).
    const png = PNG.sync.read(await page.getByTestId('atlas-map').screenshot({ path: `${SCREENSHOTS}/overlays-z9.png` }));
    let vermilion = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 150 && png.data[i + 1]! < 110 && png.data[i + 2]! < 80) vermilion += 1;
    expect(vermilion).toBeGreaterThan(500);
    // Pointing at a link names the Comune, its residents and the hub it leads to, with the class.
    const box = (await page.getByTestId('atlas-map').boundingBox())!;
    const tooltip = page.getByTestId('map-tooltip');
    let named = '';
    search: for (let r = 0; r <= 120; r += 8) {
      for (let a = 0; a < 360; a += r === 0 ? 360 : 30) {
        await page.mouse.move(box.x + box.width / 2 + r * Math.cos((a * Math.PI) / 180), box.y + box.height / 2 + r * Math.sin((a * Math.PI) / 180));
        await page.waitForTimeout(40);
        const text = (await tooltip.count()) ? await tooltip.textContent() : '';
        if (text?.includes('polo di servizi')) {
          named = text;
          break search;
        }
      }
    }
    expect(named).toMatch(/^.+ \([A-Z]{2}\)[\d.]+ abitanti→ polo di servizi: .+ · [B-F] – /);
    await page.screenshot({ path: `${SCREENSHOTS}/overlays-z9-link-tooltip.png` });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
