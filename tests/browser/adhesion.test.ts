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
    expect(await form.getByTestId('adhesion-status').textContent()).toContain('Consiglio comunale, atto n. 12 del 2026-03-01');
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
    expect(await row.textContent()).toContain('Consiglio comunale, atto n. 12 del 2026-03-01');
    expect(await row.getByRole('link').getAttribute('href')).toBe('https://albo.example.it/scalenghe/12');
    expect((await visitor.getByTestId('status-legend').textContent())!.replace(/\s+/g, ' ')).toContain('2 proposto');
    expect((await visitor.getByTestId('status-legend').textContent())!.replace(/\s+/g, ' ')).toContain('1 aderente');
    await expect.poll(() => visitor.getByTestId('history').locator('li[data-action="adhesion"]').first().textContent()).toContain('Comune di Scalenghe');
    expect(await visitor.getByTestId('history').textContent()).toContain('Scalenghe (001260): proposto → aderente');
    expect(await visitor.getByTestId('constitution').textContent()).toContain('Non ancora costituita');
    // On the map, the members are filled in their status colours over the theme (Scalenghe adhered, the others proposed).
    await waitForMap(visitor);
    await saveScreenshot(visitor, 'adhesion-public-page');
    const over = (colour: string) => PALETTES.ylGnBu.map((under) => blend(colour, STATUS_FILL_OPACITY, under));
    const [adhered, proposed] = await mapColours(visitor, 'adhesion-public-map', [over(MEMBER_STATUS_COLOURS.adhered), over(MEMBER_STATUS_COLOURS.proposed)]);
    expect(adhered).toBeGreaterThan(5000); // Scalenghe, some 290 × 140 pixels at this zoom
    expect(proposed).toBeGreaterThan(5000);
    await founder.close();
    await office.close();
  }, 120_000);
});
