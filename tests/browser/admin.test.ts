import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../helpers/test-server';
import { hasChromium, useBrowserApp } from '../helpers/browser';

// Its own database: it changes the service catalogue.
const app = useBrowserApp({ ownDatabase: true });

describe.skipIf(!hasChromium)('administration in a browser', () => {
  it('adds and retires a catalogue service, records a contiguity exception, and deletes an alliance', async () => {
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (dialog) => void dialog.accept());

    await page.goto(`${app.server.url}/?mode=catalogue`);
    const catalogue = page.getByTestId('catalogue');
    // The page preloads the national map's tiles: on a cold server their index is built first.
    await expect.poll(() => catalogue.textContent(), { timeout: 30_000 }).toContain('SUAP');
    expect(await catalogue.getByRole('button', { name: 'Ritira' }).count()).toBe(0); // read-only without the token
    await page.getByLabel('Token di amministrazione').fill(TEST_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Usa', exact: true }).click();

    const add = catalogue.getByRole('region', { name: 'Aggiungi un servizio' });
    await add.getByLabel(/^Codice/).fill('app-io');
    await add.getByLabel('Nome (italiano)').fill('App IO');
    await add.getByLabel('Nome (inglese)').fill('IO app');
    await add.getByRole('button', { name: 'Aggiungi al catalogo' }).click();
    await expect.poll(() => page.getByTestId('catalogue-status').textContent()).toContain('aggiunto al catalogo');
    await page.locator('#catalogue-app-io-toggle').click(); // Ritira, confirmed
    await expect.poll(() => page.getByTestId('catalogue-status').textContent()).toContain('ritirato');
    const services = (await (await app.server.get('/api/services')).json()) as { services: { code: string }[] };
    expect(services.services.map((s) => s.code)).not.toContain('app-io');

    // An alliance in two parts (Agliè and the island of Lipari), opened with its edit link.
    const created = (await (
      await app.server.post('/api/alliances', { name: 'ALI con traghetto', members: [{ code: '001001', lead: true }, { code: '001004' }, { code: '083041' }] })
    ).json()) as { id: number; editToken: string };
    await page.goto(`${app.server.url}/alleanze/${created.id}#edit=${created.editToken}`);
    const form = page.getByTestId('contiguity-exception-form');
    await form.getByLabel(/Motivo/).fill('collegamento in traghetto con Milazzo');
    await form.getByRole('button', { name: "Registra l'eccezione" }).click();
    await expect.poll(() => page.getByTestId('contiguity-exception').textContent()).toContain('traghetto con Milazzo');
    await expect.poll(() => page.getByTestId('alliance-page').textContent()).toContain('versione 2');

    await page.getByRole('button', { name: 'Elimina', exact: true }).click(); // confirmed
    await page.getByTestId('alliance-list').or(page.getByText('Nessuna alleanza salvata finora.')).first().waitFor();
    expect((await app.server.get(`/api/alliances/${created.id}`)).status).toBe(410);
    expect(errors).toEqual([]);
  }, 180_000);
});
