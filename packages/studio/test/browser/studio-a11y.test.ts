import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addClientBrandKit, outputPath, useStudio } from './studio-harness.js';

/** axe-core's source, evaluated through the debugging protocol: the studio's CSP rightly refuses inline scripts. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const studio = useStudio(addClientBrandKit);

interface Found {
  rule: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core in the page (WCAG 2.1 A and AA and best practices) and lists what it finds. */
async function violations(page: Page, scope?: string): Promise<Found[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 40).map((n: any) => ({ target: String(n.target.join(' ')), summary: String(n.failureSummary ?? '').slice(0, 300) })),
    }));
  }, scope);
}

describe('accessibility (axe-core)', { timeout: 120_000 }, () => {
  it('finds nothing on the main screen, at 1024×768 and 1440×900', async () => {
    for (const viewport of [{ width: 1024, height: 768 }, { width: 1440, height: 900 }]) {
      const { page } = await studio().open(viewport, await studio().freshProject());
      // A brand whose avatar is initials on its colour, as a client without a picture has.
      await page.getByRole('button', { name: 'Use brand profile Acme Studio' }).click();
      expect(await violations(page), `${viewport.width}×${viewport.height}`).toEqual([]);
      await page.context().close();
    }
  });

  it('finds nothing in the import form, a popover dialog and the brand form', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const found = [...(await violations(page, 'form.import-box'))];
    // A file or a page offers condensed or full text, with a slide count.
    await page.getByRole('tab', { name: 'From URL' }).click();
    await page.getByRole('radio', { name: /Condensed: about/ }).waitFor();
    found.push(...(await violations(page, 'form.import-box')));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Projects' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, '[role=dialog]')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.locator('.brand-form, form').last().waitFor();
    found.push(...(await violations(page)));
    await page.screenshot({ path: outputPath('a11y-brand-form.png') });
    expect(found).toEqual([]);
    await page.context().close();
  });
});
