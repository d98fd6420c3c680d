import { describe, expect, it } from 'vitest';
import { outputPath, useStudio } from './studio-harness.js';

const studio = useStudio();

const PANELS = ['Canvas & Ratio', 'Layout Template', 'Preset Themes', 'Typography & Sizing', 'Brand Kit', 'Background Pattern', 'Outro Slide CTA'];

describe('the studio screen', { timeout: 120_000 }, () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    it(`opens on the sample project with every panel at ${viewport.width}x${viewport.height}`, async () => {
      const { page, errors } = await studio().open(viewport);
      for (const name of ['Source Content', 'Build Your Carousel', ...PANELS, 'Saved presets']) {
        await expect(page.getByRole('heading', { name, exact: true }).count(), name).resolves.toBe(1);
      }
      for (const name of ['Export', 'Undo', 'Redo', 'Projects', 'Project name']) {
        expect(await page.getByLabel(name, { exact: true }).count(), name).toBeGreaterThan(0);
      }
      expect(await page.getByRole('button', { name: 'Copy caption' }).count()).toBe(1);
      // The sample thread's posts as cards, its slides as engine-painted thumbnails.
      expect(await page.locator('article.post-card').count()).toBeGreaterThan(5);
      // Thumbnails are painted one after another, off the path of the first frame.
      const thumbs = page.locator('.thumb img');
      await page.waitForFunction(() => document.querySelectorAll('.thumb img').length > 5);
      expect(await thumbs.first().getAttribute('src')).toMatch(/^blob:/);
      // Typography defaults as users know them.
      await expect(page.getByLabel('Title Font Size').inputValue()).resolves.toBe('36');
      await expect(page.getByLabel('Body Font Size').inputValue()).resolves.toBe('18');
      await expect(page.getByLabel('Header & Footer Size').inputValue()).resolves.toBe('12');
      // Nothing in the three columns spills out of the window.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.waitForTimeout(600);
      await page.screenshot({ path: outputPath(`studio-${viewport.width}x${viewport.height}.png`) });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('labels every control', async () => {
    const { page } = await studio().open();
    const unlabelled = await page.evaluate(() => {
      const controls = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')].filter((el) => {
        const input = el as HTMLInputElement;
        return !(input.type === 'file' && input.hidden) && el.getAttribute('aria-hidden') !== 'true';
      });
      return controls
        .filter((el) => {
          const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length;
          return !labelled && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(unlabelled).toEqual([]);
    await page.context().close();
  });
});
