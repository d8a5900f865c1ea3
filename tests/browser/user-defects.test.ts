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
  it('Servizi at 1280 px: a normal-width panel, and the filtered region in view beside it', async () => {
    const atlas = (await (await app.server.get('/api/atlas')).json()) as { regions: { code: string; bbox: [number, number, number, number] }[] };
    const [w, s, e, n] = atlas.regions.find((r) => r.code === '08')!.bbox;
    /** Emilia-Romagna's box on the screen lies on the map, none of it under the panel. */
    const regionInView = async (page: Page, when: string) => {
      await waitForMap(page);
      await page.waitForTimeout(1200); // the fit's animation
      await waitForMap(page);
      const [topLeft, bottomRight] = [await onScreen(page, w, n), await onScreen(page, e, s)];
      const panel = (await page.getByTestId('coverage-panel').boundingBox())!;
      const map = (await page.getByTestId('atlas-map').boundingBox())!;
      expect(topLeft.x, `${when}: west edge`).toBeGreaterThanOrEqual(map.x - 1);
      expect(topLeft.y, `${when}: north edge`).toBeGreaterThanOrEqual(map.y - 1);
      expect(bottomRight.y, `${when}: south edge`).toBeLessThanOrEqual(map.y + map.height + 1);
      expect(bottomRight.x, `${when}: the region ends left of the panel`).toBeLessThanOrEqual(panel.x + 1);
      // A side panel of normal width: the map keeps the larger part of the screen beside the layers.
      expect(panel.width, `${when}: panel width`).toBeLessThanOrEqual(400);
      expect(map.width, `${when}: map width`).toBeGreaterThan(1.5 * panel.width);
    };
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    // A link straight to Servizi with the filter.
    await page.goto(`${app.server.url}/?mode=coverage&svc=fundamental&area=08`);
    await page.getByTestId('coverage-totals').waitFor();
    await regionInView(page, 'link');
    await saveScreenshot(page, 'coverage-emilia-romagna-desktop');
    // The filter chosen in Esplora (the map fitted to the whole width), then Servizi opened beside it.
    await page.goto(`${app.server.url}/?area=08`);
    await waitForMap(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('z')).not.toBeNull();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Servizi', exact: true }).click();
    await page.getByTestId('coverage-panel').getByLabel('Servizio').selectOption('fundamental');
    await page.getByTestId('coverage-totals').waitFor();
    await regionInView(page, 'Esplora, then Servizi');
    await page.context().close();
  }, 120_000);

  it('Servizi: clicking a Comune stays in Servizi and tells its coverage, who provides it and whether the law obliges it', async () => {
    // Bagnara di Romagna (small, in the Bassa Romagna's Unione): its fundamental functions come from its Unione.
    const bagnara = (await (await app.server.get('/api/comuni/039003')).json()) as { labelPoint: [number, number] };
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${app.server.url}/?mode=coverage&svc=fundamental&lon=${bagnara.labelPoint[0]}&lat=${bagnara.labelPoint[1]}&z=11`);
    await page.getByTestId('coverage-totals').waitFor();
    await waitForMap(page);
    const map = (await page.getByTestId('atlas-map').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const card = page.getByTestId('comune-coverage');
    await card.waitFor();
    expect(await card.getAttribute('data-code')).toBe('039003');
    expect(new URL(page.url()).searchParams.get('mode')).toBe('coverage');
    expect(await page.getByTestId('coverage-panel').isVisible()).toBe(true);
    expect(await page.locator('#details-title').count()).toBe(0);
    await expect.poll(() => card.textContent()).toContain('Riceve il servizio da:');
    expect(await page.getByTestId('comune-coverage-sources').textContent()).toContain('Unione dei Comuni della Bassa Romagna');
    expect(await page.getByTestId('comune-coverage-obligation').textContent()).toContain('La legge lo obbliga a gestire questa funzione in forma associata');
    await saveScreenshot(page, 'coverage-comune-desktop');
    // Another service, which nobody provides and no law obliges anyone to share: the card says so.
    await page.getByTestId('coverage-panel').getByLabel('Servizio').selectOption('pagopa');
    await expect.poll(() => card.textContent()).toContain('Non riceve il servizio');
    expect(await page.getByTestId('comune-coverage-obligation').textContent()).toBe('Nessuna legge obbliga i comuni a gestire questo servizio in forma associata.');
    // The card closes; the mode stays.
    await card.getByRole('button', { name: /^Chiudi la copertura di/ }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('coverage');
    await page.context().close();
  }, 120_000);

  it('the history tells rules, legal form, phase and statuses by name, and dates as each language writes them', async () => {
    const MEMBERS = ['001065', '001193', '001260']; // Castagnole Piemonte, Piobesi Torinese, Scalenghe
    const created = (await (
      await app.server.post('/api/alliances', {
        name: 'ALI della storia leggibile',
        members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })),
        legalForm: 'convenzione',
        governance: { phases: [{ phase: 'ricognizione', date: '2026-01-15' }] },
      })
    ).json()) as { id: number; invitations: { code: string; url: string }[] };
    const link = created.invitations.find((i) => i.code === '001065')!.url;
    const secret = new URL(link, 'http://x').hash.replace(/^#invito=/, '');
    const decided = await app.server.send('POST', `/api/alliances/${created.id}/members/001065/adhesion`, { decision: 'adhere', organ: 'consiglio', actNumber: '12', actDate: '2026-12-07' }, { authorization: `Bearer ${secret}` });
    expect(decided.status).toBe(200);
    for (const [lang, expected] of [
      ['it', ['Regole: — → Piemonte', 'Forma giuridica: — → Convenzione con ente capofila', 'Fase: — → ', 'proposto → aderente (Consiglio comunale, atto n. 12 del 7 dicembre 2026)', 'Stato: — → bozza']],
      ['en', ['Rules: — → Piedmont', 'Legal form: — → Agreement with a lead body (convenzione)', 'Phase: — → ', 'proposed → adhered (Municipal council, act no. 12 of 7 December 2026)', 'Status: — → draft']],
    ] as const) {
      const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${app.server.url}/alleanze/${created.id}?lang=${lang}`);
      const history = page.getByTestId('history');
      await history.waitFor();
      const text = (await history.textContent())!.replace(/\s+/g, ' ');
      for (const part of expected) expect(text, lang).toContain(part);
      // No raw ids and no ISO dates anywhere in it.
      expect(text, lang).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      const raw = lang === 'it' ? /→ (national|piemonte|convenzione|ricognizione|proposed|adhered|draft)\b/ : /→ (national|piemonte|convenzione|ricognizione)\b/;
      expect(text, lang).not.toMatch(raw);
      expect(text, lang).not.toMatch(/history\.action\./);
      // The entries' own dates: day, month and year as the language writes them, and a machine-readable one beside.
      const times = await history.locator('time').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('datetime')]));
      for (const [shown, iso] of times) {
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        const day = new Date(iso!);
        expect(shown).toBe(new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'medium', timeStyle: 'short' }).format(day));
      }
      // The members' list on the same page cites the act the same way.
      const act = (await page.getByTestId('alliance-members').locator('li[data-code="001065"]').textContent())!;
      expect(act, lang).toContain(lang === 'it' ? 'atto n. 12 del 7 dicembre 2026' : 'act no. 12 of 7 December 2026');
      if (lang === 'en') await saveScreenshot(page, 'history-en-desktop');
      await page.context().close();
    }
  }, 120_000);

  it('in English, the map attribution, the legend sources and the Dati page are in English (proper names stay)', async () => {
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${app.server.url}/?mode=data&lang=en`);
    const attribution = page.locator('.attribution');
    await attribution.waitFor();
    const credits = (await attribution.textContent())!;
    expect(credits).toContain('Boundaries: © ISTAT (CC BY 4.0) via openpolis/geojson-italy');
    expect(credits).toContain('Local labour-market areas: ISTAT (CC BY 4.0)');
    for (const italian of ['Confini', 'Popolazione', 'censimento', 'Aree interne', 'Sistemi locali del lavoro:']) expect(credits).not.toContain(italian);
    const boundaries = page.getByTestId('source-boundaries');
    await boundaries.waitFor({ timeout: 60_000 }); // /api/sources counts every dataset: slow on a busy machine
    const figures = (await page.getByTestId('source-figures').textContent())!;
    expect(figures).toContain('permanent census');
    expect(figures).toContain('no licence stated');
    for (const italian of ['censimento permanente', 'nessuna licenza dichiarata', 'classificazione', 'Popolazione e superfici']) expect(figures).not.toContain(italian);
    const unioni = (await page.getByTestId('source-unioni').textContent())!;
    expect(unioni).toContain('ANCI, Elenco Unioni di Comuni 2023'); // a publication's name stays
    expect(unioni).not.toContain("Fatti pubblici dall'elenco ANCI");
    await saveScreenshot(page, 'sources-en-desktop');
    // The legend's source under a theme with words in it.
    await page.goto(`${app.server.url}/?mode=coverage&svc=suap&lang=en`);
    await page.getByTestId('coverage-totals').waitFor();
    await expect.poll(async () => page.locator('.legend-source').textContent()).toContain('ALI Atlas (published alliances), ISTAT 2020');
    // In Italian, the same page is in Italian.
    await page.goto(`${app.server.url}/?mode=data`);
    await page.getByTestId('source-figures').waitFor();
    expect(await page.locator('.attribution').textContent()).toContain('Confini: © ISTAT (CC BY 4.0)');
    expect(await page.getByTestId('source-figures').textContent()).toContain('censimento permanente');
    await page.context().close();
  }, 120_000);

  it('«Quote per comune» on a phone: every member’s amounts and total inside the sheet, no sideways scroll', async () => {
    const neighbours = async (code: string) => ((await (await app.server.get(`/api/comuni/${code}`)).json()) as { neighbours: string[] }).neighbours;
    const members = ['001001', ...(await neighbours('001001'))].slice(0, 6);
    const services = ['suap', 'pagopa', 'protocollo'].map((code) => ({ code, provider: { kind: 'alliance' }, annualCostCents: 1_200_000, equalShare: 0.5 }));
    const created = (await (await app.server.post('/api/alliances', { name: 'ALI delle quote leggibili', members: members.map((code, i) => ({ code, lead: i === 0 })), services })).json()) as { id: number; editToken: string };
    const page = await (await app.browser.newContext({ viewport: { width: 390, height: 760 }, hasTouch: true })).newPage();
    await page.goto(`${app.server.url}/alleanze/${created.id}#edit=${created.editToken}`);
    await page.getByTestId('alliance-page').waitFor();
    await page.getByRole('button', { name: 'Modifica', exact: true }).click();
    await page.getByRole('tab', { name: /^Servizi/ }).click(); // the fee table is in «Servizi e costi»
    const fees = page.getByTestId('fee-table');
    await fees.waitFor();
    const sheet = page.locator('.layout > .panel');
    const rows = fees.locator('tbody tr');
    expect(await rows.count()).toBe(members.length);
    for (let i = 0; i < members.length; i++) {
      const row = rows.nth(i);
      const cells = row.locator('td');
      expect(await cells.count(), 'three services and the total').toBe(4);
      for (let c = 0; c < 4; c++) {
        const cell = cells.nth(c);
        await cell.scrollIntoViewIfNeeded();
        const [box, within] = await Promise.all([cell.boundingBox(), sheet.boundingBox()]);
        expect(box!.x, `row ${i} cell ${c}: left edge`).toBeGreaterThanOrEqual(within!.x - 1);
        expect(box!.x + box!.width, `row ${i} cell ${c}: right edge`).toBeLessThanOrEqual(within!.x + within!.width + 1);
        expect(box!.y, `row ${i} cell ${c}: top`).toBeGreaterThanOrEqual(within!.y - 1);
        expect(box!.y + box!.height, `row ${i} cell ${c}: bottom`).toBeLessThanOrEqual(within!.y + within!.height + 1);
        expect(await cell.isVisible()).toBe(true);
        expect((await cell.textContent())!.replace(/\s/g, ' '), `row ${i} cell ${c}`).toMatch(/^\d{1,3}(\.\d{3})*,\d\d €$/);
      }
      // The total is labelled as such (the card's label comes from the cell).
      expect(await cells.nth(3).getAttribute('data-label')).toBe('Totale');
    }
    const sideways = await page.evaluate(() => {
      const region = document.querySelector('[data-testid="fee-table"] .table-scroll')!;
      const root = document.scrollingElement ?? document.documentElement;
      return { table: region.scrollWidth > region.clientWidth + 1, page: root.scrollWidth > window.innerWidth + 1 };
    });
    expect(sideways).toEqual({ table: false, page: false });
    await fees.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'fees-phone');
    await page.context().close();
  }, 120_000);
});
