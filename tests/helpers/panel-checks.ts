import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Fields, buttons and cells of the open panel that stick out of it sideways, described; and whether the page scrolls sideways. */
export async function outsiders(page: Page): Promise<{ outside: string[]; sideways: boolean }> {
  return page.evaluate(() => {
    const panel = document.querySelector('.layout > .panel');
    const outside: string[] = [];
    if (panel) {
      const box = panel.getBoundingClientRect();
      for (const el of panel.querySelectorAll('input, select, button, th, td, output, textarea')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not shown
        if (r.left < box.left - 1 || r.right > box.right + 1) outside.push(`${el.tagName.toLowerCase()} «${(el.textContent || (el as HTMLInputElement).value || el.getAttribute('aria-label') || '').trim().slice(0, 30)}» ${Math.round(r.left)}–${Math.round(r.right)} (panel ${Math.round(box.left)}–${Math.round(box.right)})`);
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return { outside, sideways: root.scrollWidth > window.innerWidth + 1 };
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A and AA checks on the page as it is; the serious and critical violations, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    // The map's canvas and its tiles are drawn, not read: the map's own controls and labels are checked.
    const result = await axe.run({ exclude: [['.maplibregl-canvas']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // A run that checked nothing proves nothing.
    return result.passes.length > 10 ? result.violations : [{ id: 'axe-did-not-run', impact: 'critical', help: `${result.passes.length} rules passed`, nodes: [] }];
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
