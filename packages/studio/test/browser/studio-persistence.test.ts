import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { outputPath, previewText, useStudio, waitForPreview, waitSaved } from './studio-harness.js';
import { expectValidPdf } from '../../../spool/test/helpers/qpdf.js';

const studio = useStudio();

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  await expectValidPdf(bytes);
  const pdf = await getDocument({ data: bytes, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

describe('export and saving', { timeout: 120_000 }, () => {
  it('exports a PDF with one page per slide page and real text', async () => {
    const { page } = await studio().open();
    await page.getByRole('button', { name: 'Export' }).click();
    const pdfItem = page.getByRole('button', { name: /PDF document/ });
    const pages = Number((await pdfItem.innerText()).match(/(\d+) pages/)![1]);
    expect(pages).toBeGreaterThanOrEqual(await page.locator('.thumb').count());
    const [download] = await Promise.all([page.waitForEvent('download'), pdfItem.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = outputPath('studio-export.pdf');
    await download.saveAs(file);
    const text = await pdfPages(new Uint8Array(await readFile(file)));
    expect(text).toHaveLength(pages);
    expect(text[0]).toContain('Turn a thread into a carousel people finish');
    expect(text[1]).toContain('Your best thread deserves a second life');
    expect(text[2]).toContain('A carousel is not a thread with bigger fonts');
    expect(text[pages - 1]).toMatch(/Follow|Repost/);
    // The menu has done its job once the file is on its way.
    await expect.poll(() => pdfItem.count()).toBe(0);
    await page.context().close();
  });

  it('keeps every change through a reload and a server restart', async () => {
    const { page } = await studio().open();
    const name = page.getByLabel('Project name');
    await name.fill('Launch thread');
    await name.press('Enter');
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    const body = page.getByLabel('Body', { exact: true });
    await body.click();
    await body.press('End');
    await page.keyboard.type(' Saved for **later**.');
    await expect.poll(() => previewText(page)).toContain('later');
    await waitSaved(page);

    await page.reload();
    await waitForPreview(page);
    await expect(name.inputValue()).resolves.toBe('Launch thread');
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    await expect.poll(() => previewText(page)).toContain('Saved for');
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toContain('Saved for **later**.');

    await studio().restartServer();
    await page.reload();
    await waitForPreview(page);
    await expect(name.inputValue()).resolves.toBe('Launch thread');
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    await expect.poll(() => previewText(page)).toContain('Saved for');
    await page.context().close();
  });
});
