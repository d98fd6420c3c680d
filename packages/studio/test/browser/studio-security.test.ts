import { describe, expect, it } from 'vitest';
import { previewSvg, previewText, useStudio } from './studio-harness.js';

const studio = useStudio();

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

describe('untrusted post text', { timeout: 120_000 }, () => {
  it('shows HTML and script payloads as inert text and runs nothing', async () => {
    const { page, dialogs, errors } = await studio().open();
    await page.evaluate(() => {
      (window as { pwned?: number }).pwned = 0;
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill(`Hello ${IMG} there\n\nSecond post ${SCRIPT} end`);
    await page.getByLabel('Author name').fill('Mallory <b>Bold</b>');
    await page.getByLabel('Author handle').fill('mallory');
    // Into a project of its own, so its posts are the first cards and its slides the first slides.
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();

    const first = page.locator('article.post-card').first();
    // The import opens a project of its own: the worker may still be starting on a busy machine.
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toContain(IMG);
    await expect(page.locator('article.post-card').nth(1).innerText()).resolves.toContain(SCRIPT);
    await expect(first.innerText()).resolves.toContain('Mallory <b>Bold</b>');

    // The slides built from the posts carry the same characters, drawn as glyphs.
    await page.locator(':nth-match(.strip-item, 1) .thumb-button').click();
    await expect.poll(() => previewText(page)).toContain('onerror=alert(1)');
    expect(await previewSvg(page)).not.toMatch(/<img/i);
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    // Set large as a statement, the payload may wrap: its characters are compared without line breaks.
    await expect.poll(async () => (await previewText(page)).replace(/\s+/g, '')).toContain(SCRIPT.replace(/\s+/g, ''));
    const svg = await previewSvg(page);
    expect(svg).not.toMatch(/<img|<script/i);
    expect(svg).toContain('&lt;script&gt;');

    // Typed into a slide, too.
    const body = page.getByLabel('Body', { exact: true });
    await body.fill(`Typed ${IMG} and ${SCRIPT}`);
    await expect.poll(() => previewText(page)).toContain('Typed');

    await page.waitForTimeout(800);
    const dom = await page.evaluate(() => ({
      imgX: document.querySelectorAll('img[src="x"], img[onerror]').length,
      scripts: [...document.scripts].filter((s) => !s.src).length,
      pwned: (window as { pwned?: number }).pwned,
      bold: [...document.querySelectorAll('article.post-card b')].length,
    }));
    expect(dom).toEqual({ imgX: 0, scripts: 0, pwned: 0, bold: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
