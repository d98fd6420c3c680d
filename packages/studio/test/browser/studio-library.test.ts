import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addClientBrandKit, previewSvg, previewText, useStudio } from './studio-harness.js';

const studio = useStudio(addClientBrandKit);

const background = async (page: Page) => (await previewSvg(page)).match(/<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="([^"]+)"/)?.[1];

describe('brand profiles and saved presets', { timeout: 120_000 }, () => {
  it('switches the brand profile and the preview header follows', async () => {
    const { page } = await studio().open();
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    expect(await previewText(page)).toContain('@spoolstudio');
    await page.getByRole('button', { name: 'Use brand profile Acme Studio' }).click();
    await expect.poll(() => previewText(page)).toContain('Acme Studio');
    const text = await previewText(page);
    expect(text).toContain('@acme');
    expect(text).toContain('acme.example');
    expect(text).not.toContain('@spoolstudio');
    // The profile's accent colour reaches the slide (the accent rule and the swipe hint).
    expect(await previewSvg(page)).toContain('#0E9F6E');
    await page.getByRole('button', { name: 'Use brand profile Spool' }).click();
    await expect.poll(() => previewText(page)).toContain('@spoolstudio');
    await page.context().close();
  });

  it('saves the current design as a named preset and applies it in one click', async () => {
    const { page } = await studio().open();
    await page.getByRole('radio', { name: 'Forest theme' }).click();
    await page.getByRole('radio', { name: 'Big statement' }).click();
    await expect.poll(() => background(page)).toBe('#EEF3EC');
    await page.getByLabel('Preset name').fill('Forest statements');
    await page.getByRole('button', { name: 'Save current design' }).click();
    await page.getByRole('button', { name: 'Apply preset Forest statements' }).waitFor();

    await page.getByRole('radio', { name: 'Ocean theme' }).click();
    await page.getByRole('radio', { name: 'Classic' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Forest theme' }).getAttribute('aria-checked')).toBe('false');

    await page.getByRole('button', { name: 'Apply preset Forest statements' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Forest theme' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.getByRole('radio', { name: 'Big statement' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => background(page)).toBe('#EEF3EC');

    // The preset lives on the server: a fresh page lists it too.
    const second = await studio().open();
    await second.page.getByRole('button', { name: 'Apply preset Forest statements' }).waitFor();
    await second.page.context().close();
    await page.context().close();
  });
});
