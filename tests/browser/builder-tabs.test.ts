import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, saveScreenshot, useBrowserApp, waitForMap } from '../helpers/browser';
import { outsiders, seriousViolations } from '../helpers/panel-checks';

const app = useBrowserApp();

const TABS = [
  ['territorio', 'Territorio', 'Territory'],
  ['servizi', 'Servizi e costi', 'Services and costs'],
  ['forma', 'Forma e fasi', 'Form and phases'],
  ['adesioni', 'Adesioni', 'Adhesions'],
] as const;

const SHORT = {
  territorio: { it: 'Territorio', en: 'Territory' },
  servizi: { it: 'Servizi', en: 'Services' },
  forma: { it: 'Forma', en: 'Form' },
  adesioni: { it: 'Adesioni', en: 'Adhesions' },
} as const;

const tab = (page: Page, id: string) => page.locator(`[role="tab"]#builder-tab-${id}`);
/** A tab's badge as shown, and what it means as the tab's description. */
const badgeOf = (page: Page, id: string) =>
  tab(page, id).evaluate((el) => ({
    badge: el.querySelector('.tab-badge')?.textContent ?? null,
    description: el.getAttribute('aria-describedby') ? (document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? null) : null,
  }));
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
const focusedTab = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Lugo and the other Comuni of the Unione della Bassa Romagna. */
const BASSA_ROMAGNA = ['039012', '039002', '039003', '039008', '039009', '039011', '039013', '039017', '039001'];

describe.skipIf(!hasChromium)('the builder in tabs', () => {
  it('puts every section in a tab: keys, the URL, badges; nothing outside the panel and no serious axe violation in any tab, in both languages, at 1280 and 390 px', async () => {
    const services = ['suap', 'pagopa', 'protocollo'].map((code) => ({ code, provider: { kind: 'alliance' }, annualCostCents: 1_200_000, equalShare: 0.5 }));
    const created = (await (
      await app.server.post('/api/alliances', { name: 'ALI della Bassa Romagna e dei suoi servizi digitali', members: BASSA_ROMAGNA.map((code, i) => ({ code, lead: i === 0 })), services, legalForm: 'convenzione' })
    ).json()) as { id: number; editToken: string };

    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 760 }]) {
      const where = viewport.width < 500 ? 'phone' : 'desktop';
      // The app's CSP forbids injected scripts: this page lets axe-core in.
      const context = await app.browser.newContext({ viewport, hasTouch: viewport.width < 500, bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${app.server.url}/alleanze/${created.id}#edit=${created.editToken}`);
      await page.getByTestId('alliance-page').waitFor();
      await waitForMap(page);
      await page.getByRole('button', { name: 'Modifica', exact: true }).click();
      await expect.poll(() => page.getByTestId('members').locator('tbody tr').count(), { message: errors.join('\n'), timeout: 30_000 }).toBe(9);
      await waitForMap(page);

      // Four tabs, Territorio open; the counts are on the tabs.
      expect(await page.getByRole('tab').count()).toBe(4);
      expect(await selectedTab(page)).toBe('builder-tab-territorio');
      expect(await badgeOf(page, 'territorio')).toEqual({ badge: '9', description: '9 comuni' });
      expect(await badgeOf(page, 'servizi')).toEqual({ badge: '3', description: '3 servizi' });
      expect(await badgeOf(page, 'forma')).toEqual({ badge: null, description: null });
      expect(await badgeOf(page, 'adesioni')).toEqual({ badge: '0/9', description: '0 su 9 aderenti' });
      // The tab's name is what it shows: the full name beside the map, the short one on a phone.
      expect(await page.getByRole('tab', { name: viewport.width < 500 ? 'Servizi 3' : 'Servizi e costi 3', exact: true }).count()).toBe(1);

      // The keyboard of the WAI-ARIA tabs: one tab stop, arrows (wrapping), Home and End; the focus follows.
      await tab(page, 'territorio').focus();
      await page.keyboard.press('ArrowRight');
      expect(await focusedTab(page)).toBe('builder-tab-servizi');
      expect(await selectedTab(page)).toBe('builder-tab-servizi');
      expect(await page.getByTestId('builder-panel-servizi').isVisible()).toBe(true);
      expect(await page.getByTestId('builder-panel-territorio').isVisible()).toBe(false);
      expect(new URL(page.url()).searchParams.get('scheda')).toBe('servizi');
      await page.keyboard.press('End');
      expect(await focusedTab(page)).toBe('builder-tab-adesioni');
      await page.keyboard.press('ArrowRight');
      expect(await focusedTab(page)).toBe('builder-tab-territorio');
      await page.keyboard.press('ArrowLeft');
      expect(await focusedTab(page)).toBe('builder-tab-adesioni');
      await page.keyboard.press('Home');
      expect(await selectedTab(page)).toBe('builder-tab-territorio');
      expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('scheda')).toBeNull();

      // Scrolled deep into a section, another tab opens its section at the top, just under the sticky tabs.
      await page.locator('.panel.builder').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await tab(page, 'servizi').click();
      const gap = async () => {
        const [tabs, section] = await Promise.all([page.locator('.builder-tabs').boundingBox(), page.getByTestId('builder-panel-servizi').boundingBox()]);
        return Math.abs(section!.y - (tabs!.y + tabs!.height));
      };
      await expect.poll(gap, { message: `${where}: the new section starts under the tabs` }).toBeLessThan(40);
      await tab(page, 'territorio').click();

      for (const lang of ['it', 'en'] as const) {
        if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
        for (const [id, it, en] of TABS) {
          await tab(page, id).click();
          const panel = page.getByRole('tabpanel', { name: new RegExp(`^${(viewport.width < 500 ? SHORT[id] : { it, en })[lang]}`) });
          await panel.waitFor();
          if (id === 'servizi') await panel.getByTestId('fee-table').waitFor();
          if (id === 'adesioni') await panel.getByTestId('alliance-members').waitFor();
          await page.waitForTimeout(200);
          expect(await outsiders(page), `${where} ${lang} ${id}`).toEqual({ outside: [], sideways: false });
          expect(await seriousViolations(page), `${where} ${lang} ${id}`).toEqual([]);
          // The tab row never hides a tab on a phone: all four are inside the panel.
          const panelBox = (await page.locator('.panel.builder').boundingBox())!;
          for (const box of await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))) {
            expect(box.right, `${where} ${lang} tab inside the panel`).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
          }
          if (lang === 'it') await saveScreenshot(page, `builder-tab-${id}-${viewport.width}`);
        }
      }
      await page.getByRole('button', { name: 'IT', exact: true }).click();

      // Adesioni: each member's status and the founder's links, for the saved alliance.
      expect(await page.getByTestId('alliance-members').locator('li').count()).toBe(9);
      expect(await page.getByTestId('invitations').count()).toBe(1);

      // The save bar never covers the open section's last field when it has the focus.
      await tab(page, 'forma').click();
      const last = page.getByTestId('builder-panel-forma').locator('input, select, button').last();
      await last.focus();
      const [field, bar] = await Promise.all([last.boundingBox(), page.locator('.save-bar').boundingBox()]);
      expect(field!.y + field!.height, `${where}: focused field above the save bar`).toBeLessThanOrEqual(bar!.y + 1);

      // A link (and a reload) opens the same section.
      expect(new URL(page.url()).searchParams.get('scheda')).toBe('forma');
      await page.reload();
      await page.getByTestId('builder-panel-forma').waitFor();
      expect(await selectedTab(page)).toBe('builder-tab-forma');
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 480_000);

  it('drafts the form of a new alliance, prefills an Unione’s members from the existing one, warns on a territory in parts, and saves the form with the alliance', async () => {
    const unioni = (await (await app.server.get('/api/associations?kind=unione')).json()) as { associations: { id: number; name: string }[] };
    const bassa = unioni.associations.find((u) => u.name === 'Unione dei Comuni della Bassa Romagna')!;
    const page = await (await app.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${app.server.url}/?mode=build&scheda=adesioni`);
    // Before the first save, Adesioni says when they come.
    expect(await page.getByTestId('adhesions-after-save').textContent()).toContain('dopo il primo salvataggio');

    await tab(page, 'territorio').click();
    for (const [text, option] of [['lugo', /^Lugo \(RA\)/], ['lipari', /^Lipari/]] as const) {
      await page.getByRole('combobox', { name: 'Cerca un comune' }).fill(text);
      await page.getByRole('option', { name: option }).click();
    }
    const members = page.getByTestId('members').locator('tbody tr');
    await expect.poll(() => members.count()).toBe(2);
    // A territory in parts: the Territorio tab warns, in words for a screen reader.
    await expect.poll(() => badgeOf(page, 'territorio')).toEqual({ badge: '⚠ 2', description: '2 comuni, territorio non contiguo' });
    expect(await tab(page, 'territorio').locator('.tab-badge.problem').count()).toBe(1);

    await page.getByLabel("Nome dell'alleanza").fill('Unione della Bassa Romagna allargata');
    await tab(page, 'forma').click();
    const form = page.getByRole('tabpanel', { name: /^Forma e fasi/ });
    await form.getByLabel('Forma giuridica').selectOption('unione');
    // An Unione in parts is a problem of the form: the tab says so.
    await expect.poll(() => badgeOf(page, 'forma')).toEqual({ badge: '⚠ 1', description: '1 problema' });
    await form.getByLabel("Estende un'Unione esistente").selectOption(String(bassa.id));
    const difference = form.getByTestId('unione-difference');
    await expect.poll(() => difference.textContent()).toContain("Dell'Unione mancano 8 comuni");
    expect(await difference.textContent()).toContain("Fuori dall'Unione 1 comune: Lipari");
    await difference.getByRole('button', { name: "Prendi i membri dall'Unione (9 comuni)" }).click();
    await expect.poll(() => members.count()).toBe(9);
    expect((await members.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).sort()).toEqual([...BASSA_ROMAGNA].sort());
    expect(await difference.textContent()).toContain("I membri coincidono con quelli dell'Unione «Unione dei Comuni della Bassa Romagna»");
    expect(await page.getByTestId('unione-prefilled').textContent()).toContain('9 comuni');
    await expect.poll(() => badgeOf(page, 'territorio')).toEqual({ badge: '9', description: '9 comuni' });
    expect(await badgeOf(page, 'forma')).toEqual({ badge: null, description: null }); // no problem left
    // Undo brings back the previous selection.
    await tab(page, 'territorio').click();
    await page.getByRole('button', { name: /Annulla/ }).click();
    await expect.poll(() => members.count()).toBe(2);
    await page.getByRole('button', { name: /Ripeti/ }).click();
    await expect.poll(() => members.count()).toBe(9);
    await tab(page, 'forma').click();

    // The capofila, the RTD and a first phase, then one save for the alliance and its form.
    await form.getByRole('combobox', { name: /^Capofila/ }).selectOption('039012');
    await form.getByLabel("Sede dell'RTD").selectOption('unione');
    await form.getByLabel("Nome dell'ufficio").fill('Ufficio associato per la transizione al digitale');
    await form.getByLabel('E-mail o PEC istituzionale').fill('transizione.digitale@pec.example.it');
    await form.getByRole('button', { name: 'Aggiungi una fase' }).click();
    await form.getByLabel('Data').last().fill('2026-01-15');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByTestId('alliance-page').waitFor();
    const id = Number(/\/alleanze\/(\d+)/.exec(page.url())![1]);
    const saved = (await (await app.server.get(`/api/alliances/${id}`)).json()) as {
      legalForm: string;
      governance: { existingUnione: number; rtd: { office: string }; phases: { phase: string; date: string }[] };
      members: { code: string; lead: boolean }[];
    };
    expect(saved.legalForm).toBe('unione');
    expect(saved.governance.existingUnione).toBe(bassa.id);
    expect(saved.governance.rtd.office).toBe('Ufficio associato per la transizione al digitale');
    expect(saved.governance.phases).toEqual([{ phase: 'ricognizione', date: '2026-01-15' }]);
    expect(saved.members.find((m) => m.lead)?.code).toBe('039012');
    expect(await page.getByTestId('legal-form').textContent()).toContain('Unione di comuni');

    // Saved: Adesioni in the builder now lists the members and the founder's links.
    await page.getByRole('button', { name: 'Modifica', exact: true }).click();
    await tab(page, 'adesioni').click();
    await expect.poll(() => page.getByTestId('alliance-members').locator('li').count()).toBe(9);
    expect(await page.getByTestId('adhesions-after-save').count()).toBe(0);
    await page.context().close();
  }, 240_000);
});
