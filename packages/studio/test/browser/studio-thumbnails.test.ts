import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStudio } from './studio-harness.js';

const studio = useStudio();
const PATIENT = { timeout: 15_000 };

/** A deck with what a thumbnail must not lose: a photograph, an emoji, a key phrase in the accent colour, on a background that is a gradient. */
async function richProject(): Promise<string> {
  const media = new URL('../../../spool/test/fixtures/media/photos/', import.meta.url);
  const res = await fetch(`${studio().url}/api/assets?name=rocket.jpg`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: readFileSync(new URL('rocket.jpg', media)) });
  expect(res.status).toBe(201);
  const photo = `asset:${((await res.json()) as { id: string }).id}`;
  const author = { name: 'Deep Sky Notes', handle: 'deepskynotes' };
  const text = (t: string) => ({ type: 'paragraph', spans: [{ text: t }] });
  const thread = {
    schemaVersion: 1,
    title: 'What a launch teaches about shipping',
    posts: [
      { id: '1', author, blocks: [text('Every launch starts on the ground 🚀')], media: [] },
      { id: '2', author, blocks: [{ type: 'paragraph', spans: [{ text: 'The countdown is a checklist: ' }, { text: 'nothing flies', marks: ['bold'] }, { text: ' until every line is green.' }] }], media: [{ type: 'image', src: photo, alt: 'A rocket on its pad' }] },
      { id: '3', author, blocks: [text('90% of a launch is the waiting, and the waiting is where the work is.')], media: [] },
    ],
  };
  const created = await fetch(`${studio().url}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Launch', document: thread, design: { colors: { background: '#FFF4E6', backgroundTo: '#FFD9E0', text: '#1F1A2E', accent: '#B4235A' } } }) });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Waits until every slide in the strip shows its picture. */
async function thumbsDrawn(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('.thumb-img')];
    return imgs.length > 0 && imgs.length === document.querySelectorAll('.thumb').length && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });
  return page.locator('.thumb-img').count();
}

/**
 * How far slide `n`'s thumbnail is from the large preview's SVG drawn by the browser at the
 * thumbnail's own pixel size: the mean difference per channel (0-255), and the worst 12 px square's.
 */
async function thumbAgainstPreview(page: Page, n: number): Promise<{ mean: number; worst: number; size: number[] }> {
  await page.locator(`:nth-match(.strip-item, ${n}) .thumb-button`).click();
  await page.locator(`[aria-label="Preview of slide ${n}"] svg`).waitFor();
  return page.evaluate(async (n) => {
    const thumb = document.querySelectorAll<HTMLImageElement>('.thumb-img')[n - 1];
    const svg = document.querySelector('[data-testid=preview] svg')!.outerHTML;
    const w = thumb.naturalWidth;
    const h = thumb.naturalHeight;
    const pixels = async (draw: (ctx: OffscreenCanvasRenderingContext2D) => Promise<void>) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      await draw(ctx);
      return ctx.getImageData(0, 0, w, h).data;
    };
    const a = await pixels(async (ctx) => ctx.drawImage(thumb, 0, 0));
    const b = await pixels(async (ctx) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      await image.decode();
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(image, 0, 0, w, h);
    });
    let total = 0;
    let worst = 0;
    const cell = 12;
    for (let y0 = 0; y0 < h; y0 += cell) {
      for (let x0 = 0; x0 < w; x0 += cell) {
        let sum = 0;
        let count = 0;
        for (let y = y0; y < Math.min(h, y0 + cell); y++) {
          for (let x = x0; x < Math.min(w, x0 + cell); x++) {
            const i = (y * w + x) * 4;
            for (let c = 0; c < 3; c++) sum += Math.abs(a[i + c] - b[i + c]);
            count += 3;
          }
        }
        total += sum;
        worst = Math.max(worst, sum / count);
      }
    }
    return { mean: total / (w * h * 3), worst, size: [w, h] };
  }, n);
}

describe('slide thumbnails', { timeout: 120_000 }, () => {
  it('are pictures, not SVG documents: each SVG in an <img> kept a document alive that every task of the page visited', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await richProject());
    const count = await thumbsDrawn(page);
    expect(count).toBeGreaterThanOrEqual(4);
    await page.locator('.tile-grid img').first().waitFor();
    // An SVG's own size is the slide's, 1080 pixels wide; a picture painted for the strip is as
    // wide as it is shown (76 px, or 112 px for the widest design tile).
    const widths = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.thumb-img, .tile-grid img')].map((i) => i.naturalWidth));
    expect(widths.length).toBeGreaterThan(count);
    expect(Math.max(...widths)).toBeLessThanOrEqual(112);
    await page.context().close();
  });

  // At 1x a photograph resamples differently in the two rasterisers, and an emoji is a few pixels;
  // at 3x an emoji left out changes its square by 100 levels.
  const limits = [
    { deviceScaleFactor: 1, mean: 5, worst: 30 },
    { deviceScaleFactor: 3, mean: 2, worst: 16 },
  ];
  for (const { deviceScaleFactor, ...limit } of limits) {
    it(`show each slide as the preview draws it, photograph, emoji and accent included, at ${deviceScaleFactor}x`, async () => {
      const { page, errors } = await studio().open({ width: 1440, height: 900, deviceScaleFactor }, await richProject());
      const count = await thumbsDrawn(page);
      for (let n = 1; n <= count; n++) {
        const diff = await thumbAgainstPreview(page, n);
        expect(diff.size[0], `slide ${n}`).toBe(76 * deviceScaleFactor);
        // Anti-aliasing differs a little between the canvas and the SVG rasteriser; a missing
        // picture, line or colour changes whole squares.
        expect(diff.mean, `slide ${n}`).toBeLessThan(limit.mean);
        expect(diff.worst, `slide ${n}`).toBeLessThan(limit.worst);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('paint an edited slide once for a burst of keystrokes, and show the text it ends with', async () => {
    const { page, errors } = await studio().open({ width: 1440, height: 900 }, await richProject());
    await thumbsDrawn(page);
    await page.locator(':nth-match(.strip-item, 3) .thumb-button').click();
    await page.getByRole('heading', { name: 'Slide 3' }).waitFor();
    const before = await page.locator('.thumb-img').nth(2).evaluate((i: HTMLImageElement) => i.src);
    const body = page.getByLabel('Body', { exact: true });
    await body.click();
    await body.press('End');
    await page.waitForTimeout(300);
    // Every canvas a thumbnail is painted on, counted from here on (thumbnails are 76 px wide at 1x).
    await page.evaluate(() => {
      const count = window as unknown as { thumbPaints: number };
      count.thumbPaints = 0;
      const Canvas = OffscreenCanvas;
      window.OffscreenCanvas = class extends Canvas {
        constructor(width: number, height: number) {
          super(width, height);
          if (width === 76) count.thumbPaints++;
        }
      };
    });
    await page.keyboard.type(' and then some', { delay: 60 });
    await expect.poll(() => page.locator('.thumb-img').nth(2).evaluate((i: HTMLImageElement) => i.src), PATIENT).not.toBe(before);
    await page.waitForTimeout(600);
    // Fourteen keystrokes at a typist's pace: one picture, not one a key. A busy machine can leave
    // pauses between keys longer than the thumbnail waits for (200 ms, counted from the strip's
    // render, which may lag a key); each pause over 180 ms may paint once more, and one more is allowed.
    const { paints, pauses } = await page.evaluate(() => {
      const edits = performance.getEntriesByName('spool:edit').map((m) => m.startTime).slice(-14);
      return { paints: (window as unknown as { thumbPaints: number }).thumbPaints, pauses: edits.slice(1).filter((t, i) => t - edits[i] > 180).length };
    });
    expect(paints, `${pauses} pauses`).toBeLessThanOrEqual(2 + pauses);
    const diff = await thumbAgainstPreview(page, 3);
    expect(diff.mean).toBeLessThan(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
