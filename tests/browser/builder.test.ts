import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PART_COLOURS } from '../../client/builder/parts';
import { PALETTES } from '../../client/map/themes';
import { saveScreenshot, blend, colourAtMapCentre, colourDistance, hasChromium, useBrowserApp, screenshotColours, waitForMap } from '../helpers/browser';

const app = useBrowserApp();

async function newPage(context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await app.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  return ctx.newPage();
}

/** Web Mercator (512-pixel tiles, as MapLibre): the place `dx`, `dy` pixels from the centre of a map. */
function lonLatAt(lon: number, lat: number, zoom: number, dx: number, dy: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const y = size * (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) + dy;
  return [lon + (dx * 360) / size, (360 / Math.PI) * Math.atan(Math.exp(2 * Math.PI * (0.5 - y / size))) - 90];
}

/** The builder on a desktop page centred on Agliè at z12, with Agliè picked by a click on the map's centre. */
async function builderWithAglie() {
  const aglie = (await (await app.server.get('/api/comuni/001001')).json()) as { labelPoint: [number, number] };
  const page = await newPage();
  await page.goto(`${app.server.url}/?mode=build&lon=${aglie.labelPoint[0]}&lat=${aglie.labelPoint[1]}&z=12`);
  await waitForMap(page);
  const box = (await page.getByTestId('atlas-map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const members = page.getByTestId('members').locator('tbody tr');
  await expect.poll(() => members.count()).toBe(1);
  return { page, members };
}

async function addBySearch(page: Page, text: string, option: RegExp) {
  await page.getByRole('combobox', { name: 'Cerca un comune' }).fill(text);
  await page.getByRole('option', { name: option }).click();
}

describe.skipIf(!hasChromium)('the alliance builder in a browser', () => {

  it('picks Comuni on the map from the keyboard: Tab to the map, a cross at its centre, arrows to move, Enter to add', async () => {
    const aglie = (await (await app.server.get('/api/comuni/001001')).json()) as { labelPoint: [number, number] };
    const page = await newPage();
    await page.goto(`${app.server.url}/?mode=build&lon=${aglie.labelPoint[0]}&lat=${aglie.labelPoint[1]}&z=12`);
    await waitForMap(page);
    // Tab through the page until the map has the focus; it says how to use it.
    const onMap = () => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas') ?? false);
    for (let i = 0; i < 80 && !(await onMap()); i++) await page.keyboard.press('Tab');
    expect(await onMap()).toBe(true);
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toContain('Invio per scegliere il comune sotto la croce');
    await page.getByTestId('map-cross').waitFor();
    await expect.poll(() => page.getByTestId('map-centre').textContent()).toBe('Al centro: Agliè. Invio per sceglierlo.');
    await page.keyboard.press('Enter');
    const members = page.getByTestId('members').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(1);
    expect(await members.first().textContent()).toContain('Agliè');
    // Arrow keys move the map (MapLibre's own keys) until another Comune is under the cross.
    let centre = 'Al centro: Agliè. Invio per sceglierlo.';
    for (let i = 0; i < 40 && /Agliè/.test(centre); i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(400); // the map eases; the cross's Comune is announced when it stops
      await waitForMap(page);
      centre = (await page.getByTestId('map-centre').textContent()) ?? '';
    }
    expect(centre).toMatch(/^Al centro: (?!Agliè).+\. Invio per sceglierlo\.$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => members.count()).toBe(2);
    expect(await page.getByTestId('members').textContent()).toContain(/^Al centro: (.+)\. /.exec(centre)![1]!);
    // Leaving the map takes the cross away.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.getByTestId('map-cross').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('selects by click, search and neighbours, warns about a separate part, undoes, saves, edits and detects a conflict', async () => {
    // A click on the map (its centre is Agliè) adds the Comune there.
    const { page, members } = await builderWithAglie();
    expect(await members.first().textContent()).toContain('Agliè');
    // The selection is filled in its part's colour over the theme (Agliè, 2,545 residents: class 1.900 – 3.099).
    await waitForMap(page);
    const expectedFill = blend(PART_COLOURS[0]!, 0.55, PALETTES.ylGnBu[3]!);
    expect(colourDistance(await colourAtMapCentre(page), expectedFill)).toBeLessThan(24);

    await page.getByRole('button', { name: /Aggiungi i confinanti/ }).click();
    await expect.poll(() => members.count()).toBe(8);
    await expect.poll(() => page.getByTestId('contiguity').textContent()).toContain('Contiguo');
    const totals = await page.getByTestId('builder-totals').textContent();
    expect(totals).toContain('9.645'); // Agliè and its 7 neighbours, as the server computes them

    await waitForMap(page);
    // The Canavese part is outlined in the first part colour.
    const [mainPart] = await screenshotColours(page, 'builder-one-part', [PART_COLOURS[0]!]);
    expect(mainPart).toBeGreaterThan(1000);

    await addBySearch(page, 'lipari', /^Lipari/);
    await expect.poll(() => page.getByTestId('contiguity').textContent()).toContain('2 parti');
    expect(await page.getByTestId('contiguity').textContent()).toContain('Lipari non confina con alcun comune (isola o exclave)');
    expect(await page.getByTestId('rules').textContent()).toMatch(/problema\s*Il territorio non è contiguo/);
    // A Comune added by search is brought into view: the map flies to Lipari, far from the Canavese.
    const latitude = () => Number(new URL(page.url()).searchParams.get('lat'));
    await expect.poll(latitude).toBeLessThan(39);
    expect(latitude()).toBeGreaterThan(38);

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // leave the search box
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('contiguity').textContent()).toContain('Contiguo');
    await expect.poll(() => members.count()).toBe(8);

    // A pasted list adds what it can and says what it could not.
    await page.getByText('Importa un elenco').click();
    await page.getByLabel(/Codici ISTAT o nomi/).fill('001001\nAtlantide\nSamone');
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('Non trovati: Atlantide');
    expect(await page.getByTestId('import-result').textContent()).toContain('Samone (TO/TN)');
    await expect.poll(() => members.count()).toBe(8); // Agliè was already in

    await page.getByLabel("Nome dell'alleanza").fill('ALI del Canavese');
    await page.getByLabel('Capofila: Agliè').check();
    await page.getByLabel('Nome', { exact: true }).fill('Città metropolitana di Torino');
    await page.getByLabel('Tipo').selectOption('provincia');
    await page.getByLabel('Ruolo').fill('centrale di committenza');
    await page.getByRole('button', { name: 'Aggiungi partecipante' }).click();
    expect(await page.getByTestId('partners').textContent()).toContain('Città metropolitana di Torino (Provincia · centrale di committenza)');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByTestId('alliance-page').waitFor();
    expect(page.url()).toMatch(/\/alleanze\/\d+/);
    const editUrl = await page.getByTestId('edit-link').locator('input').inputValue();
    expect(editUrl).toMatch(/#edit=[\w-]{20,}$/);
    // One adhesion link for each of the 8 Comuni and for the participating body, each with its message.
    await expect.poll(() => page.getByTestId('invitation').count()).toBe(9);
    expect(await page.getByTestId('invitation').filter({ hasText: 'Città metropolitana di Torino' }).count()).toBe(1);
    // The secret link is copied whole with one click.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await page.getByRole('button', { name: 'Copia il link di modifica' }).click();
    await expect.poll(() => page.getByTestId('edit-link').textContent()).toContain('Copiato negli appunti.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(editUrl);

    // Anyone can open the alliance's page; it shows members and totals, read-only.
    const visitor = await newPage();
    await visitor.goto(page.url().split('#')[0]!);
    await visitor.getByTestId('alliance-page').waitFor();
    expect(await visitor.getByTestId('alliance-totals').textContent()).toContain('9.645');
    expect(await visitor.getByRole('button', { name: 'Modifica', exact: true }).count()).toBe(0);
    expect(await visitor.getByTestId('alliance-page').textContent()).toContain('Città metropolitana di Torino');
    const csvHref = await visitor.getByRole('link', { name: 'Esporta CSV' }).getAttribute('href');
    const csv = await (await fetch(app.server.url + csvHref!)).text();
    expect(csv).toContain('"001001",Agliè,2545,proposto,capofila');

    // The edit link opens the alliance for editing in another app.browser.
    const editor = await newPage();
    await editor.goto(editUrl);
    await editor.getByRole('button', { name: 'Modifica', exact: true }).click();
    await editor.getByLabel("Nome dell'alleanza").fill('ALI del Canavese (v2)');
    await editor.getByRole('button', { name: 'Salva le modifiche' }).click();
    await editor.getByTestId('alliance-page').waitFor();
    await expect.poll(() => editor.getByTestId('alliance-page').textContent()).toContain('versione 2');

    // The first browser still edits version 1: its save is refused with a clear message.
    await page.getByRole('button', { name: 'Modifica', exact: true }).click();
    await page.getByLabel("Nome dell'alleanza").fill('ALI del Canavese (vecchia)');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    expect(await page.getByTestId('save-error').textContent()).toContain('Qualcun altro ha salvato una versione più recente');
    const id = /alliance=(\d+)/.exec(page.url())![1];
    const stored = (await (await app.server.get(`/api/alliances/${id}`)).json()) as { name: string };
    expect(stored.name).toBe('ALI del Canavese (v2)');
    // The second editor re-applies their change on the newer version, reviews it and saves.
    await page.getByTestId('save-error').getByRole('button', { name: 'Riapplica le mie modifiche alla versione più recente' }).click();
    await expect.poll(() => page.getByTestId('save-note').textContent()).toContain('riapplicate alla versione 2');
    expect(await page.getByTestId('save-error').count()).toBe(0);
    expect(await page.getByLabel("Nome dell'alleanza").inputValue()).toBe('ALI del Canavese (vecchia)');
    expect(await members.count()).toBe(8);
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByTestId('alliance-page').waitFor();
    const resaved = (await (await app.server.get(`/api/alliances/${id}`)).json()) as { name: string; version: number };
    expect(resaved).toMatchObject({ name: 'ALI del Canavese (vecchia)', version: 3 });
  }, 240_000); // a whole flow in three browser pages, WebGL drawn on the CPU

  it('selects by rectangle, takes Comuni away with a lasso, and adds from a CSV file', async () => {
    const page = await newPage();
    // Valle d'Aosta around Aosta, at a zoom where the Comuni are large on screen.
    await page.goto(`${app.server.url}/?mode=build&lon=7.32&lat=45.74&z=10`);
    await waitForMap(page);
    const box = (await page.getByTestId('atlas-map').boundingBox())!;
    const at = (dx: number, dy: number) => [box.x + box.width / 2 + dx, box.y + box.height / 2 + dy] as const;
    const members = page.getByTestId('members').locator('tbody tr');

    await page.getByRole('button', { name: /Rettangolo/ }).click();
    expect(await page.getByRole('button', { name: /Rettangolo/ }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-testid="atlas-map"][data-drawing="rectangle"]').waitFor();
    await page.mouse.click(...at(-120, -90));
    await page.mouse.move(...at(0, 0), { steps: 5 });
    await page.mouse.click(...at(120, 90));
    await expect.poll(() => page.getByTestId('draw-status').textContent(), { timeout: 20_000 }).toMatch(/Aggiunti \d+ comuni/);
    const added = Number(/Aggiunti (\d+)/.exec((await page.getByTestId('draw-status').textContent())!)![1]);
    expect(added).toBeGreaterThanOrEqual(3);
    await expect.poll(() => members.count()).toBe(added);
    // The selection is what the server says lies inside that rectangle.
    const [w, n] = lonLatAt(7.32, 45.74, 10, -120, -90);
    const [e, s] = lonLatAt(7.32, 45.74, 10, 120, 90);
    const expected = (await (
      await app.server.post('/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } })
    ).json()) as { codes: string[] };
    expect(expected.codes.length).toBe(added);
    const listed = await members.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(listed.sort()).toEqual([...expected.codes].sort());
    // One drawing per choice of tool: the rectangle is put away, the next click picks a Comune again.
    expect(await page.getByTestId('atlas-map').getAttribute('data-drawing')).toBe('');
    expect(await page.getByRole('button', { name: /Rettangolo/ }).getAttribute('aria-pressed')).toBe('false');
    // The Comuni the rectangle only grazed are named, not silently dropped, and can join with one click.
    const touched = (await (
      await app.server.post('/api/comuni/within', { polygon: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] }, minShare: 0.01 })
    ).json()) as { codes: string[] };
    const partial = touched.codes.filter((c) => !expected.codes.includes(c));
    expect(partial.length).toBeGreaterThan(0);
    const note = page.getByTestId('draw-partial');
    expect(await note.textContent()).toContain(`${partial.length} comuni sono dentro l’area per meno della metà`);
    await note.getByRole('button', { name: 'Aggiungili' }).click();
    await expect.poll(() => members.count()).toBe(added + partial.length);
    await page.getByRole('button', { name: /Annulla/ }).click();
    await expect.poll(() => members.count()).toBe(added);

    // A lasso drawn around the centre with "remove" takes those Comuni away again.
    await page.getByLabel('Togli i comuni').check();
    await page.getByRole('button', { name: /Lazo/ }).click();
    await page.locator('[data-testid="atlas-map"][data-drawing="lasso"]').waitFor();
    const ring = Array.from({ length: 24 }, (_, i) => at(70 * Math.cos((i / 24) * 2 * Math.PI), 55 * Math.sin((i / 24) * 2 * Math.PI)));
    await page.mouse.move(...ring[0]!);
    await page.mouse.down();
    for (const point of [...ring.slice(1), ring[0]!]) await page.mouse.move(...point, { steps: 2 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('draw-status').textContent(), { timeout: 20_000 }).toMatch(/Tolt[oi] \d+ comun/);
    await expect.poll(() => members.count()).toBeLessThan(added);

    // Leaving the drawing mode gives clicks back to selection; Undo restores the lasso's removal.
    await page.getByRole('button', { name: /Lazo/ }).click();
    await page.getByRole('button', { name: /Annulla/ }).click();
    await expect.poll(() => members.count()).toBe(added);

    // A CSV file (as a spreadsheet saves it) adds its Comuni and lists what it could not find.
    await page.getByText('Importa un elenco').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'comuni.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('codice_istat;comune\n="001001";Agliè\n999999;Nessuno\n'),
    });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('Non trovati: 999999');
    await expect.poll(() => members.count()).toBe(added + 1);

    // From the keyboard: everything in view joins the selection.
    await page.getByLabel('Aggiungi i comuni').check();
    await page.getByTestId('draw-view').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('draw-status').textContent(), { timeout: 20_000 }).toMatch(/Aggiunti \d+ comuni/);
    await expect.poll(() => members.count()).toBeGreaterThan(added + 1);
  }, 180_000);

  it('on a phone, centres the map above the builder sheet, so a tap there picks the Comune in view', async () => {
    const aglie = (await (await app.server.get('/api/comuni/001001')).json()) as { labelPoint: [number, number] };
    const page = await (await app.browser.newContext({ viewport: { width: 390, height: 760 }, hasTouch: true })).newPage();
    await page.goto(`${app.server.url}/?mode=build&lon=${aglie.labelPoint[0]}&lat=${aglie.labelPoint[1]}&z=12`);
    await waitForMap(page);
    const map = (await page.getByTestId('atlas-map').boundingBox())!;
    const sheet = (await page.locator('.panel.builder').boundingBox())!;
    expect(sheet.y).toBeLessThan(map.y + map.height); // the sheet covers the lower map
    // The middle of the map left visible above the sheet is where the camera's centre (Agliè) is drawn.
    await page.waitForTimeout(600); // the camera's move to its new padding starts…
    await waitForMap(page); // …and ends
    await page.touchscreen.tap(map.x + map.width / 2, (map.y + sheet.y) / 2);
    const members = page.getByTestId('members').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(1);
    expect(await members.first().getAttribute('data-code')).toBe('001001');
    // "Show on the map" brings a selection made elsewhere back into view.
    await page.getByRole('combobox', { name: 'Cerca un comune' }).fill('lipari');
    await page.getByRole('option', { name: /^Lipari/ }).click();
    await expect.poll(() => members.count()).toBe(2);
    await page.getByRole('button', { name: 'Mostra sulla mappa' }).click();
    await page.waitForFunction(() => Number(new URLSearchParams(location.search).get('z')) < 8, null, { timeout: 30_000 });
    await waitForMap(page);
    await saveScreenshot(page, 'phone-show-selection');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  }, 120_000);

  it('keeps a draft across a reload, warns before leaving it, and offers it back', async () => {
    const { page, members } = await builderWithAglie();
    // Reloaded at once, before the autosave's pause is over: leaving keeps the draft all the same.
    await page.getByLabel("Nome dell'alleanza").fill('ALI in bozza');
    // Leaving asks first (the browser's own "leave the page?" dialog); accepting reloads.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    await waitForMap(page);
    expect(dialogs).toEqual(['beforeunload']);
    const offer = page.getByTestId('draft-offer');
    expect(await offer.textContent()).toContain('«ALI in bozza», 1 comune');
    await offer.getByRole('button', { name: 'Riprendi la bozza' }).click();
    await expect.poll(() => members.count()).toBe(1);
    expect(await members.first().getAttribute('data-code')).toBe('001001');
    expect(await page.getByLabel("Nome dell'alleanza").inputValue()).toBe('ALI in bozza');
    expect(await offer.count()).toBe(0);

    // The draft travels as a link: another browser opens the builder with the same Comuni and name.
    await page.getByRole('button', { name: /Aggiungi i confinanti/ }).click();
    await expect.poll(() => members.count()).toBe(8);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await page.getByTestId('share-draft').getByRole('button').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${app.server.url}/\\?mode=build&membri=[0-9a-z.]+&nome=ALI\\+in\\+bozza$`));
    const other = await newPage();
    await other.goto(link);
    const otherMembers = other.getByTestId('members').locator('tbody tr');
    await expect.poll(() => otherMembers.count()).toBe(8);
    expect(await other.getByLabel("Nome dell'alleanza").inputValue()).toBe('ALI in bozza');
    expect(other.url()).not.toContain('membri=');
    await other.close();

    // Starting another alliance from a Comune asks before replacing this unsaved draft; declining keeps it.
    dialogs.length = 0;
    page.removeAllListeners('dialog');
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Esplora', exact: true }).click();
    await addBySearch(page, 'bairo', /^Bairo/);
    await page.getByRole('button', { name: /Avvia un'alleanza/ }).click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('La bozza «ALI in bozza» (8 comuni) non è salvata');
    await page.getByRole('button', { name: 'Costruisci', exact: true }).click();
    await expect.poll(() => members.count()).toBe(8);
    await page.close();
  }, 120_000);
});
