import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputPath, previewSvg, previewText, useStudio } from './studio-harness.js';

const PATIENT = { timeout: 20_000 };
const FIXTURES = path.resolve(import.meta.dirname, '../../../spool/test/fixtures');
const studio = useStudio();

describe('Japanese text, a table and a formula in the studio', () => {
  it('shows them in the preview as the export draws them: CJK faces, a table, the formula as outlines', async () => {
    {
      const { page, errors } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('tab', { name: 'Upload file' }).click();
      await page.getByLabel('Thread file and its images').setInputFiles(path.join(FIXTURES, 'scripts/mixed-article.md'));
      await page.getByRole('radio', { name: /Full text/ }).check();
      await page.getByRole('radio', { name: 'Start a new project from it' }).check();
      await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
      await expect.poll(() => previewText(page), PATIENT).toContain('知識蒸留の仕組み');
      // The slide with the formula and the table.
      await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
      await expect.poll(() => previewText(page), PATIENT).toContain('生徒が学ぶもの');
      // MathJax loads on first need; then the formula is a filled outline, never its TeX.
      await expect.poll(async () => (await previewSvg(page)).match(/<path[^>]+d="[^"]{800,}"/)?.length ?? 0, PATIENT).toBeGreaterThan(0);
      expect(await previewSvg(page)).not.toContain('\\frac');
      expect(await previewText(page)).toContain('応答ベース');
      await page.screenshot({ path: outputPath('scripts-1440.png') });
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect.poll(() => previewText(page), PATIENT).toContain('応答ベース');
      await page.screenshot({ path: outputPath('scripts-1024.png') });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('fetches no face for a script the deck does not use: the CJK faces are 10 MB each', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    const fonts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/api/fonts/')));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((n) => /\/api\/fonts\/noto-(sc|tc|jp|kr|arabic|hebrew|thai|devanagari)\//.test(n))).toEqual([]);
    await page.close();
  });
});
