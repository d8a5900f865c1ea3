import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserApp } from '../helpers/browser';

const app = useBrowserApp();

/** Lugo and the other Comuni of the Unione della Bassa Romagna. */
const MEMBERS = ['039012', '039002', '039003', '039008', '039009', '039011', '039013', '039017', '039001'];

describe.skipIf(!hasChromium)('form and phases on the alliance page', () => {
  it('shows form, capofila, RTD office, phase timeline and efficiency check, without horizontal scroll at 1280 and 390 px; the founder moves to the next phase', async () => {
    const created = (await (
      await app.server.post('/api/alliances', {
        name: 'ALI Bassa Romagna',
        members: MEMBERS.map((code, i) => ({ code, lead: i === 0 })),
        services: [{ code: 'suap', provider: { kind: 'lead' }, annualCostCents: 4_800_000, equalShare: 0.3 }],
        legalForm: 'convenzione',
        governance: {
          rtd: { seat: 'capofila', office: 'Ufficio associato per la transizione al digitale', email: 'transizione.digitale.associata@pec.unione.labassaromagna.it', act: { organ: 'Decreto del Sindaco di Lugo', number: '7/2026', date: '2026-02-10' } },
          phases: [{ phase: 'ricognizione', date: '2026-01-15', survey: { '039012': { software: { status: 'parziale', note: 'due gestionali' } } } }],
        },
      })
    ).json()) as { id: number; editToken: string };

    for (const [width, height, name] of [[1280, 900, 'governance-desktop'], [390, 760, 'governance-mobile']] as const) {
      const context = await app.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/alleanze/${created.id}`);
      const section = page.getByTestId('governance');
      await section.waitFor();
      expect(await page.getByTestId('legal-form').textContent()).toContain('Convenzione con ente capofila');
      expect(await section.textContent()).toContain('Capofila');
      expect(await page.getByTestId('rtd-office').textContent()).toContain('Ufficio associato per la transizione al digitale');
      expect(await page.getByTestId('phase-timeline').locator('li[aria-current="step"]').textContent()).toContain('Ricognizione');
      expect(await page.getByTestId('governance-rules').textContent()).toContain('20.000');
      expect(await page.getByTestId('success-factors').locator('li').count()).toBe(6);
      expect(await section.getByRole('link', { name: 'Scarica la convenzione (.docx)' }).getAttribute('href')).toBe(`/api/alliances/${created.id}/convenzione.docx`);
      await section.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(page, name);
      await context.close();
    }

    // The founder, through the edit link, opens «Forma e fasi» in the builder, adds the next phase (progettazione) and saves.
    const founder = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await founder.newPage();
    await page.goto(`${app.server.url}/alleanze/${created.id}#edit=${created.editToken}`);
    await page.getByTestId('governance').waitFor();
    await page.getByRole('button', { name: 'Modifica forma e fasi' }).click();
    const editor = page.getByRole('tabpanel', { name: /^Forma e fasi/ }).getByTestId('governance-editor');
    await editor.waitFor();
    expect(new URL(page.url()).searchParams.get('scheda')).toBe('forma');
    expect(await editor.getByLabel('Forma giuridica').inputValue()).toBe('convenzione');
    await editor.getByRole('button', { name: 'Aggiungi una fase' }).click();
    await editor.getByLabel('Data').last().fill('2026-03-01');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByTestId('alliance-page').waitFor();
    await expect.poll(async () => page.getByTestId('phase-timeline').locator('li[aria-current="step"]').textContent()).toContain('Progettazione');
    // The RTD and the first phase's survey came back unchanged through the builder.
    const saved = (await (await app.server.get(`/api/alliances/${created.id}`)).json()) as { governance: { rtd: { office: string }; phases: { phase: string; survey?: unknown }[] } };
    expect(saved.governance.rtd.office).toBe('Ufficio associato per la transizione al digitale');
    expect(saved.governance.phases.map((p) => p.phase)).toEqual(['ricognizione', 'progettazione']);
    expect(saved.governance.phases[0]!.survey).toEqual({ '039012': { software: { status: 'parziale', note: 'due gestionali' } } });
    await founder.close();
  }, 180_000); // two public pages, then the builder (its map drawn on the CPU)
});
