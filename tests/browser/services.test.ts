import { describe, expect, it } from 'vitest';
import { allianceColour } from '../../client/map/alliance-colours';
import { COVERAGE_COLOURS } from '../../client/map/coverage-theme';
import { hasChromium, screenshotColours, useBrowserApp, waitForMap } from '../helpers/browser';

const app = useBrowserApp();

describe.skipIf(!hasChromium)('shared services in a browser', () => {
  it('adds services with costs, shows the fees, accepts a suggestion, publishes, and sees the members covered', async () => {
    const aglie = (await (await app.server.get('/api/comuni/001001')).json()) as { labelPoint: [number, number] };
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.server.url}/?mode=build&lon=${aglie.labelPoint[0]}&lat=${aglie.labelPoint[1]}&z=11`);
    await waitForMap(page);
    const box = (await page.getByTestId('atlas-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const members = page.getByTestId('members').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(1);
    await page.getByRole('button', { name: /Aggiungi i confinanti/ }).click();
    await expect.poll(() => members.count()).toBe(8);
    await page.getByLabel("Nome dell'alleanza").fill('ALI dei servizi del Canavese');

    // Two services, each with a yearly cost; pagoPA split in equal shares (in the builder's «Servizi e costi» tab).
    await page.getByRole('tab', { name: /^Servizi e costi/ }).click();
    const editor = page.getByTestId('services-editor');
    await editor.getByLabel('Servizio da aggiungere').selectOption('suap');
    await editor.getByRole('button', { name: 'Aggiungi servizio' }).click();
    await page.getByTestId('service-suap').getByLabel('Costo annuo (€)').fill('12.000');
    await editor.getByLabel('Servizio da aggiungere').selectOption('pagopa');
    await editor.getByRole('button', { name: 'Aggiungi servizio' }).click();
    const pagopa = page.getByTestId('service-pagopa');
    await pagopa.getByLabel('Costo annuo (€)').fill('3.000,50');
    await pagopa.getByLabel('Ripartizione').selectOption('equal');

    const fees = editor.getByTestId('fee-table');
    await expect.poll(() => fees.textContent()).toContain('15.000,50');
    expect(await fees.getByTestId('sustainability').textContent()).toContain('Sostenibile');
    // Equal shares of 3.000,50 € among 8 Comuni: 375,06 € (the odd cents go to the first codes).
    const pagopaFees = await fees.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-code'), r.querySelectorAll('td')[1]?.textContent?.replace(/\s/g, ' ')] as const),
    );
    const byCode = [...pagopaFees].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byCode.map(([, fee]) => fee)).toEqual(['375,07 €', '375,07 €', ...Array<string>(6).fill('375,06 €')]);

    // Charging the members 8.000 € of SUAP's 12.000 € leaves a deficit; a grant from the Region covers it.
    const suap = page.getByTestId('service-suap');
    await suap.getByLabel('Quote annue ai comuni (€, vuoto = costo)').fill('8.000');
    await expect.poll(() => fees.getByTestId('sustainability').textContent()).toContain('Non sostenibile');
    expect((await fees.getByTestId('sustainability').textContent())!.replace(/\s/g, ' ')).toContain('disavanzo 4.000,00 €');
    await suap.getByRole('button', { name: 'Aggiungi un contributo' }).click();
    await suap.getByLabel('Fonte del contributo').fill('Regione Piemonte');
    await suap.getByLabel('Importo annuo (€)').fill('4.000');
    await expect.poll(async () => (await fees.getByTestId('sustainability').textContent())!.replace(/\s/g, ' ')).toContain('Sostenibile: quote 11.000,50 € e contributi 4.000,00 € a fronte di costi 15.000,50 €');
    expect((await fees.getByTestId('grants').textContent())!.replace(/\s/g, ' ')).toContain('Contributi: Regione Piemonte 4.000,00 €');

    // A suggested neighbour joins with one click (back in the «Territorio» tab).
    await page.getByRole('tab', { name: /^Territorio/ }).click();
    const suggestions = page.getByTestId('suggestions');
    await suggestions.waitFor();
    expect(await suggestions.textContent()).toMatch(/abitanti/);
    await suggestions.getByRole('button', { name: /^Aggiungi / }).first().click();
    await expect.poll(() => members.count()).toBe(9);

    await page.getByLabel(/Pubblica \(conta/).check();
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByTestId('alliance-page').waitFor();
    const saved = page.getByTestId('alliance-services');
    await expect.poll(() => saved.textContent()).toContain('15.000,50');
    await expect.poll(() => saved.textContent()).toContain('SUAP'); // the catalogue's name, once it has arrived
    // The public page says who pays what: the Comuni's fees, the Region's grant, the cost per resident.
    expect((await saved.textContent())!.replace(/\s/g, ' ')).toContain('Contributi: Regione Piemonte 4.000,00 €');
    expect((await saved.getByTestId('total-cost').textContent())!.replace(/\s/g, ' ')).toMatch(/^Costo annuo totale: 15\.000,50 € \(\d+,\d\d € per abitante all’anno\)$/);
    const csvHref = await saved.getByRole('link', { name: 'Esporta le quote (CSV)' }).getAttribute('href');
    const csv = await (await fetch(app.server.url + csvHref!)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(9 + 1); // header and the nine members

    // The coverage map of SUAP shows the alliance's nine Comuni covered.
    await page.getByRole('button', { name: 'Servizi', exact: true }).click();
    await page.getByTestId('coverage-panel').getByLabel('Servizio').selectOption('suap');
    await expect.poll(() => page.getByTestId('coverage-totals').textContent()).toContain('9 comuni coperti su 7.899');
    expect(await page.getByTestId('coverage-sources').textContent()).toContain('ALI dei servizi del Canavese');
    // The chart by region: every region one bar, Piemonte (the only one covered) first, with its count.
    const chartRows = page.getByTestId('coverage-chart').getByRole('row');
    expect(await chartRows.count()).toBe(20);
    expect((await chartRows.first().textContent())!.replace(/\s/g, ' ')).toMatch(/^Piemonte0,76 % \(9\/1\.179\)$/);
    expect(await chartRows.nth(1).textContent()).toBe('Abruzzo0 % (0/305)'); // then the others, by name
    expect(await page.getByTestId('legend-items').textContent()).toContain('Ricevono il servizio');
    await waitForMap(page);
    const [covered, obliged] = await screenshotColours(page, 'coverage-suap', [COVERAGE_COLOURS.covered, COVERAGE_COLOURS.obliged]);
    expect(covered).toBeGreaterThan(2000);
    expect(obliged).toBeGreaterThan(2000); // the small Comuni around, not covered
    // SUAP is no fundamental function: nobody is "obliged" to share it, the legend says so.
    const legend = await page.getByTestId('legend-items').textContent();
    expect(legend).toContain('Piccoli comuni non coperti (nessun obbligo per questo servizio)');
    expect(legend).not.toContain('Obbligati');
    expect(await page.getByTestId('coverage-totals').textContent()).toContain('piccoli comuni non coperti');
    expect(page.url()).toContain('svc=suap');
    // The tooltip says whether the Comune under the pointer receives the service.
    const report = (await (await app.server.get('/api/coverage?service=suap')).json()) as { covered: Record<string, unknown> };
    const mapBox = (await page.getByTestId('atlas-map').boundingBox())!;
    await page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    const tooltip = page.getByTestId('map-tooltip');
    await tooltip.waitFor();
    const hovered = (await tooltip.getAttribute('data-code'))!;
    expect(await tooltip.textContent()).toContain(report.covered[hovered] ? 'Riceve il servizio' : 'Non riceve il servizio');

    // The saved alliance on the map's alliances overlay, named in the legend in its own colour.
    const id = Number(/\/api\/alliances\/(\d+)\//.exec(csvHref!)![1]);

    // Its public page, opened without a camera in the link, brings the map to the territory.
    const visitor = await (await app.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await visitor.goto(`${app.server.url}/alleanze/${id}`);
    await visitor.getByTestId('alliance-page').waitFor();
    await expect.poll(() => Number(new URL(visitor.url()).searchParams.get('z'))).toBeGreaterThan(9);
    const lon = Number(new URL(visitor.url()).searchParams.get('lon'));
    expect(Math.abs(lon - aglie.labelPoint[0])).toBeLessThan(0.2);
    await visitor.close();
    await page.getByRole('button', { name: 'Esplora', exact: true }).click();
    await page.getByLabel('Alleanze (ALI)').check();
    await expect.poll(() => page.getByTestId('legend-alliances').textContent()).toContain('ALI dei servizi del Canavese');
    await waitForMap(page);
    const [outline] = await screenshotColours(page, 'alliances-overlay', [allianceColour(id)]);
    expect(outline).toBeGreaterThan(300);

    // Side by side with the labour-market area (SLL) of Agliè: totals, rules and shared Comuni.
    const details = (await (await app.server.get('/api/comuni/001001')).json()) as { associations: { id: number; kind: string; name: string }[] };
    const sll = details.associations.find((a) => a.kind === 'sll')!;
    await page.goto(`${app.server.url}/?mode=compare&cmp=a${id},s${sll.id}`);
    const table = page.getByTestId('compare-table');
    await expect.poll(() => table.textContent(), { timeout: 20_000 }).toContain(sll.name);
    expect(await table.textContent()).toContain('ALI dei servizi del Canavese');
    await expect.poll(() => table.textContent()).toMatch(/con .+: \d+ comuni condivisi/);
    // Costs side by side: the alliance's (15.000,50 € a year, 11.000,50 € in fees, 4.000 € granted); an SLL records none.
    const cells = async (row: string) => (await table.locator(`tr[data-row="${row}"] td`).allTextContents()).map((c) => c.replace(/\s/g, ' '));
    expect((await cells('cost'))[0]).toMatch(/^15\.000,50 € · \d+,\d\d € per abitante all’anno$/);
    expect((await cells('fees'))[0]).toMatch(/^11\.000,50 € · /);
    expect((await cells('grants'))[0]).toBe('4.000,00 €');
    expect((await cells('cost'))[1]).toBe('—le associazioni non registrano servizi');
    // The map keeps a useful width beside the comparison (at 1280 px).
    expect((await page.getByTestId('atlas-map').boundingBox())!.width).toBeGreaterThan(420);
    expect(errors).toEqual([]);
  }, 180_000);
});
