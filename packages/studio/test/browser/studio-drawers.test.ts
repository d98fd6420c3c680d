import { describe, expect, it } from 'vitest';
import { outputPath, useStudio } from './studio-harness.js';

const PATIENT = { timeout: 15_000 };
const studio = useStudio();

describe('below 1024 px wide', { timeout: 120_000 }, () => {
  it('opens posts and design as drawers over a carousel that keeps the width', async () => {
    const { page } = await studio().open({ width: 800, height: 700 }, await studio().freshProject());
    const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    await page.screenshot({ path: outputPath('narrow-800.png') });
    expect(await scrollsSideways()).toBe(false);
    // The preview is painted again as fonts arrive, so its box is read when it is there.
    const previewWidth = async () => (await page.locator('[data-testid=preview] svg').first().boundingBox())?.width ?? 0;
    await expect.poll(previewWidth, PATIENT).toBeGreaterThanOrEqual(240);
    // Closed drawers are out of sight and out of the Tab order.
    const posts = page.getByRole('button', { name: 'Posts', exact: true });
    expect(await page.locator('article.post-card').first().isVisible()).toBe(false);
    expect(await page.getByRole('radio', { name: 'Paper theme' }).isVisible()).toBe(false);
    await page.screenshot({ path: outputPath('narrow-800.png') });

    await posts.click();
    await expect.poll(() => page.locator('article.post-card').first().isVisible(), PATIENT).toBe(true);
    expect(await posts.getAttribute('aria-expanded')).toBe('true');
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath('narrow-800-posts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('article.post-card').first().isVisible(), PATIENT).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Posts');

    await page.getByRole('button', { name: 'Design', exact: true }).click();
    const ink = page.getByRole('radio', { name: 'Ink theme' });
    await expect.poll(() => ink.isVisible(), PATIENT).toBe(true);
    await ink.click();
    await expect.poll(() => ink.getAttribute('aria-checked'), PATIENT).toBe('true');
    await page.waitForTimeout(300);
    await page.screenshot({ path: outputPath('narrow-800-design.png') });
    // The backdrop closes it too.
    await page.mouse.click(40, 400);
    await expect.poll(() => ink.isVisible(), PATIENT).toBe(false);
    expect(await scrollsSideways()).toBe(false);

    // From 1024 up, the three columns are back and the drawer buttons gone.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => page.locator('article.post-card').first().isVisible(), PATIENT).toBe(true);
    expect(await posts.count()).toBe(0);
    await page.context().close();
  });
});
