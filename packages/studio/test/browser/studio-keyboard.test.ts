import { describe, expect, it } from 'vitest';
import { outputPath, useStudio } from './studio-harness.js';

const PATIENT = { timeout: 15_000 };
const studio = useStudio();

describe('the studio by keyboard', { timeout: 120_000 }, () => {
  it('makes each picker one Tab stop whose arrow keys move the choice', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    for (const group of ['Theme', 'Canvas ratio', 'Layout template', 'Pattern']) {
      const radios = page.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio');
      const tabbable = await radios.evaluateAll((els) => els.filter((el) => (el as HTMLElement).tabIndex >= 0).length);
      expect(tabbable, group).toBe(1);
    }
    const themes = page.getByRole('radiogroup', { name: 'Theme', exact: true }).getByRole('radio');
    const checked = () => themes.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-checked') === 'true'));
    const focused = () => themes.evaluateAll((els) => els.indexOf(document.activeElement as HTMLElement));
    const start = await checked();
    await themes.nth(start).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(checked, PATIENT).toBe(start + 1);
    expect(await focused()).toBe(start + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(checked, PATIENT).toBe(start);
    await page.keyboard.press('End');
    const count = await themes.count();
    await expect.poll(checked, PATIENT).toBe(count - 1);
    // Past the last, the arrows wrap to the first.
    await page.keyboard.press('ArrowDown');
    await expect.poll(checked, PATIENT).toBe(0);
    // Tab leaves the group at once instead of walking every theme.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(-1);
    await page.context().close();
  });

  it('offers a first Tab stop that skips to the carousel', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to the carousel' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('carousel');
    // The next Tab is inside the carousel, not back in the posts.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#carousel'))).toBe(true);
    await page.context().close();
  });

  it('duplicates the selected slide with Ctrl+D and deletes it with Delete, from the strip only', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    const thumbs = page.locator('.strip-item');
    const before = await thumbs.count();
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => thumbs.count(), PATIENT).toBe(before + 1);
    // The copy is selected, as from the toolbar's Duplicate.
    await page.getByRole('heading', { name: 'Slide 3' }).waitFor();
    await page.locator(':nth-match(.strip-item, 3) .thumb-button').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => thumbs.count(), PATIENT).toBe(before);
    // In a text field the same keys are the field's own.
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    const body = page.getByLabel('Body', { exact: true });
    await body.click();
    await page.keyboard.press('Backspace');
    expect(await thumbs.count()).toBe(before);
    await page.context().close();
  });

  it('draws focus unlike the selected state', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    const themes = page.getByRole('radiogroup', { name: 'Theme', exact: true });
    const selected = themes.locator('[aria-checked=true]');
    await selected.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const look = await selected.evaluate((el) => {
      const frame = el.querySelector('.tile-frame') as HTMLElement;
      return { outline: getComputedStyle(el).outlineColor, outlineStyle: getComputedStyle(el).outlineStyle, selectedBorder: getComputedStyle(frame).borderColor };
    });
    expect(look.outlineStyle).toBe('solid');
    expect(look.outline).not.toBe(look.selectedBorder);
    // The ring is ink, not the accent the selected tile wears.
    expect(look.outline).toBe('rgb(22, 22, 29)');
    await themes.screenshot({ path: outputPath('focus-vs-selected.png') });
    await page.context().close();
  });

  it('puts focus on the first imported post after Import, not on the page body', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    const before = await page.locator('article.post-card').count();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill('1/ A post to find by keyboard.\n\n2/ And a second.');
    await page.getByLabel('Thread text').press('Tab');
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName), PATIENT)
      .toBe(`Drag post ${before + 1} onto a slide`);
    // Cancel gives focus back to the Import button.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('form.import-box').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), PATIENT).toBe('Import');
    await page.context().close();
  });
});
