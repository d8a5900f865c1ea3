import fs from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { MEMBER_STATUS_COLOURS } from '../../client/map/member-status';
import { STATUS_FILL_OPACITY } from '../../client/map/style';
import { PALETTES } from '../../client/map/themes';
import { blend, hasChromium, mapColours, saveScreenshot, useBrowserApp, waitForMap } from '../helpers/browser';

const app = useBrowserApp();

// Castagnole Piemonte with two neighbours (see tests/api/adhesion.test.ts for the whole story through the API).
const MEMBERS = ['001065', '001193', '001260'];

describe.skipIf(!hasChromium)('a Comune adheres through its own link', () => {
  it('the founder copies an invitation; the Comune opens it in another browser and adheres; the public page shows it', async () => {
    const created = (await (
      await app.server.post('/api/alliances', { name: 'ALI della pianura pinerolese', members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })) })
    ).json()) as { id: number; editToken: string };
    const id = created.id;

    // The founder, on the alliance's page through the edit link, issues a new link for Scalenghe and copies it.
    const founder = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await founder.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    const page = await founder.newPage();
    await page.goto(`${app.server.url}/alleanze/${id}#edit=${created.editToken}`);
    await page.getByTestId('alliance-page').waitFor();
    await page.getByText('Gestisci i link di adesione').click();
    const scalenghe = page.getByTestId('invitations').locator('li', { hasText: 'Comune di Scalenghe' });
    // Replacing a live link asks first (the current one stops working).
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Creare un nuovo link di adesione per Comune di Scalenghe?');
      void dialog.accept();
    });
    await scalenghe.getByRole('button', { name: 'Nuovo link' }).click();
    const issued = page.getByTestId('invitation').filter({ hasText: 'Comune di Scalenghe' });
    await issued.waitFor();
    await issued.getByRole('button', { name: 'Copia il link' }).click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(new RegExp(`^${app.server.url}/alleanze/${id}/adesione\\?comune=001260#invito=[\\w-]{32}$`));
    // The ready-to-send message names the Comune, the alliance and the link.
    await issued.getByRole('button', { name: 'Copia il testo da inviare' }).click();
    const message = await page.evaluate(() => navigator.clipboard.readText());
    expect(message).toContain('Gentile Ufficio di Segreteria del Comune di Scalenghe');
    expect(message).toContain('«ALI della pianura pinerolese»');
    expect(message).toContain(url);
    // Every new link at once: copied together, or downloaded as a CSV.
    await page.getByRole('button', { name: 'Copia tutti i link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`Comune di Scalenghe: ${url}`);
    const [links] = await Promise.all([page.waitForEvent('download'), page.getByTestId('invitations-csv').click()]);
    const csv = await fs.promises.readFile((await links.path())!, 'utf8');
    expect(csv).toContain(`"Comune di Scalenghe","001260","${url}"`);
    await saveScreenshot(page, 'adhesion-invitations-desktop');

    // Scalenghe's office, in a browser of its own, opens the link and records its council's act.
    const office = await app.browser.newContext({ viewport: { width: 390, height: 760 } });
    const form = await office.newPage();
    await form.goto(url);
    await expect.poll(() => form.getByTestId('adhesion-status').textContent()).toContain('Stato attuale: proposto');
    // The secret leaves the address bar once read; nothing is chosen for the office.
    expect(form.url()).toBe(url.split('#')[0]);
    expect(await form.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Registra la decisione' }).isDisabled()).toBe(true);
    expect(await form.getByRole('heading', { level: 2 }).textContent()).toBe('ALI della pianura pinerolese');
    await form.getByLabel('Aderire all’alleanza').check();
    await form.getByLabel('Numero dell’atto').fill('12');
    await form.getByLabel('Data dell’atto').fill('2026-03-01');
    await form.getByLabel('Indirizzo dell’atto all’albo pretorio (facoltativo)').fill('https://albo.example.it/scalenghe/12');
    await form.getByRole('button', { name: 'Registra la decisione' }).click();
    await expect.poll(() => form.getByRole('status').first().textContent()).toContain('Decisione registrata: ora risulta «aderente»');
    expect(await form.getByTestId('adhesion-status').textContent()).toContain('Consiglio comunale, atto n. 12 del 1 marzo 2026');
    expect(await form.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await saveScreenshot(form, 'adhesion-form-phone');
    // An old, revoked or mistyped link says so.
    const wrong = await office.newPage();
    await wrong.goto(url.replace(/invito=.*/, 'invito=not-the-secret-not-the-secret-xx'));
    await expect.poll(() => wrong.getByRole('alert').textContent()).toContain('Link di adesione non valido o revocato');

    // The public page: Scalenghe adhered with its act, the legend counts each status, the history says who.
    const visitor = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await visitor.goto(`${app.server.url}/alleanze/${id}`);
    await visitor.getByTestId('alliance-page').waitFor();
    const row = visitor.getByTestId('alliance-members').locator('li[data-code="001260"]');
    await expect.poll(() => row.getAttribute('data-status')).toBe('adhered');
    expect(await row.textContent()).toContain('Consiglio comunale, atto n. 12 del 1 marzo 2026');
    expect(await row.getByRole('link').getAttribute('href')).toBe('https://albo.example.it/scalenghe/12');
    expect((await visitor.getByTestId('status-legend').textContent())!.replace(/\s+/g, ' ')).toContain('2 proposto');
    expect((await visitor.getByTestId('status-legend').textContent())!.replace(/\s+/g, ' ')).toContain('1 aderente');
    await expect.poll(() => visitor.getByTestId('history').locator('li[data-action="adhesion"]').first().textContent()).toContain('Comune di Scalenghe');
    expect(await visitor.getByTestId('history').textContent()).toContain('Scalenghe (001260): proposto → aderente');
    expect(await visitor.getByTestId('constitution').textContent()).toContain('Non ancora costituita');
    // Every term a citizen meets links to its explanation.
    const term = visitor.getByTestId('status-legend').getByRole('link', { name: 'aderente: ha aderito con un proprio atto' });
    expect(await term.getAttribute('href')).toBe('/?mode=about#glossario-aderente');
    const glossary = await app.browser.newPage({ viewport: { width: 390, height: 760 } });
    await glossary.goto(`${app.server.url}/?mode=about#glossario-aderente`);
    await glossary.getByTestId('about-panel').waitFor();
    expect(await glossary.locator('#glossario-aderente').textContent()).toContain('Un comune che ha aderito con un proprio atto');
    expect(await glossary.getByTestId('about-panel').textContent()).toContain('Autogoverno: decidono i comuni');
    expect(await glossary.locator('.principles li').count()).toBe(6);
    expect(await glossary.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await saveScreenshot(glossary, 'about-phone');
    await glossary.close();
    // On the map, the members are filled in their status colours over the theme (Scalenghe adhered, the others proposed).
    await waitForMap(visitor);
    await saveScreenshot(visitor, 'adhesion-public-page');
    const over = (colour: string) => PALETTES.ylGnBu.map((under) => blend(colour, STATUS_FILL_OPACITY, under));
    const [adhered, proposed] = await mapColours(visitor, 'adhesion-public-map', [over(MEMBER_STATUS_COLOURS.adhered), over(MEMBER_STATUS_COLOURS.proposed)]);
    expect(adhered).toBeGreaterThan(5000); // Scalenghe, some 290 × 140 pixels at this zoom
    expect(proposed).toBeGreaterThan(5000);

    // Share and keep: this view's link, the map as a PNG with its legend, the page as an A4 dossier.
    await visitor.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await visitor.getByRole('button', { name: 'Copia il link di questa vista' }).click();
    expect(await visitor.evaluate(() => navigator.clipboard.readText())).toBe(visitor.url());
    const downloading = visitor.waitForEvent('download');
    await visitor.getByRole('button', { name: 'Scarica la mappa (PNG con legenda)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('ali-atlas-population.png');
    const png = PNG.sync.read(fs.readFileSync((await download.path())!));
    const mapBox = (await visitor.getByTestId('atlas-map').boundingBox())!;
    expect(png.width).toBe(Math.round(mapBox.width));
    expect(png.height).toBeGreaterThan(Math.round(mapBox.height) + 60); // the legend's band below the map
    // The band holds the legend's swatches: every class colour of the theme is drawn there.
    const band = new Set<string>();
    for (let y = Math.round(mapBox.height); y < png.height; y += 1) {
      for (let x = 0; x < png.width; x += 1) {
        const i = (y * png.width + x) * 4;
        band.add(`#${[png.data[i]!, png.data[i + 1]!, png.data[i + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`);
      }
    }
    for (const colour of PALETTES.ylGnBu) expect(band.has(colour.toLowerCase()), colour).toBe(true);
    // Printing puts a picture of the map above the page (a WebGL canvas would print blank).
    await visitor.evaluate(() => {
      window.print = () => {
        const img = document.querySelector<HTMLImageElement>('.print-map');
        document.body.dataset.printed = img?.src.startsWith('data:image/png') ? 'with-map' : 'without-map';
      };
    });
    await visitor.getByRole('button', { name: 'Stampa il dossier (A4)' }).click();
    await expect.poll(() => visitor.evaluate(() => document.body.dataset.printed)).toBe('with-map');
    await visitor.emulateMedia({ media: 'print' });
    expect(await visitor.locator('.topbar').isVisible()).toBe(false);
    expect(await visitor.getByTestId('alliance-page').isVisible()).toBe(true);
    // The printout begins with the map's picture, the page's content after it.
    expect(await visitor.locator('.print-map').evaluate((img: HTMLImageElement) => img.getBoundingClientRect().height > 200 && img.naturalWidth > 0)).toBe(true);
    await visitor.setViewportSize({ width: 794, height: 1123 });
    await visitor.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(visitor, 'alliance-dossier-print');
    // As Chromium prints it to PDF: a few A4 pages (its print events take the map's picture away after).
    const pdf = await visitor.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    await visitor.emulateMedia({ media: 'screen' });
    await founder.close();
    await office.close();
  }, 120_000);
});
