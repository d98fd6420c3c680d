import { describe, expect, it } from 'vitest';
import { outputPath, previewSvg, useStudio } from './studio-harness.js';

const PATIENT = { timeout: 15_000 };
const studio = useStudio();

/** Sets a colour input the way the picker does: its value, then an input event. */
async function pick(page: import('playwright-core').Page, label: string, hex: string) {
  await page.getByLabel(label, { exact: true }).evaluate((el, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, hex);
}

describe('your own colours', { timeout: 120_000 }, () => {
  it('paints the slides in them, shows a colour that fails AA with the one used instead, and takes it in one click', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('switch', { name: 'Use your own colours' }).check({ force: true });
    await pick(page, 'Background', '#101820');
    await expect.poll(async () => (await previewSvg(page)).includes('#101820'), PATIENT).toBe(true);
    await pick(page, 'Text', '#333333');
    const note = page.locator('.contrast-notes li').first();
    await expect.poll(() => note.innerText(), PATIENT).toMatch(/Text #333333 reads at 1\.\d:1 on #[0-9a-f]{6}, under the 4\.5:1 AA needs; the slides use (#[0-9A-F]{6})/i);
    const used = (await note.innerText()).match(/the slides use (#[0-9A-F]{6})/)![1];
    await page.screenshot({ path: outputPath('colours-adjusted.png') });
    await note.getByRole('button', { name: `Use ${used}` }).click();
    await expect.poll(() => page.locator('.contrast-notes li', { hasText: /^Text / }).count(), PATIENT).toBe(0);
    expect(await page.getByLabel('Text', { exact: true }).inputValue()).toBe(used.toLowerCase());
    // Off again: the preset theme's colours come back.
    await page.getByRole('switch', { name: 'Use your own colours' }).uncheck({ force: true });
    await expect.poll(async () => (await previewSvg(page)).includes('#101820'), PATIENT).toBe(false);
    await page.context().close();
  });
});
