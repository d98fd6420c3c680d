import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paintPng } from '../../../src/paint/png/index.js';
import type { Scene } from '../../../src/scene/types.js';
import { BASELINE_DIR, resources, sampleScene, SLIDE, textCarousel } from '../fixture-scene.js';

function pixel(png: PNG, x: number, y: number): string {
  const i = (y * png.width + x) * 4;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `#${hex(png.data[i])}${hex(png.data[i + 1])}${hex(png.data[i + 2])}`;
}

/** Layout units to pixels at 1080 px wide. */
const px = (units: number) => Math.round(units * 2.5);

describe('paintPng', () => {
  it('renders at exactly the pixel size, with shapes and text where the scene puts them', async () => {
    const png = PNG.sync.read(Buffer.from(await paintPng(sampleScene(), resources, { format: 'png' })));
    expect([png.width, png.height]).toEqual([1080, 1350]);
    expect(pixel(png, px(350), px(490))).toBe('#ef4444'); // red rect
    expect(pixel(png, px(10), px(520))).toBe('#101828'); // background
    expect(pixel(png, px(380), px(420))).not.toBe('#101828'); // circle path
    // The link's underline: 0.96 units thick at 1.6 units below the baseline at y=176.
    expect(pixel(png, px(60), 445)).toBe('#93c5fd');
    // The cover photo fills its rounded box, but not the rounded-off corner.
    expect(pixel(png, px(144), px(330))).not.toBe('#101828');
    expect(pixel(png, px(24) + 2, px(210) + 2)).toBe('#101828');
  });

  it('writes an opaque slide without an alpha channel and keeps transparency otherwise', async () => {
    const opaque = await sharp(await paintPng(sampleScene(), resources, { format: 'png' })).metadata();
    expect(opaque.hasAlpha).toBe(false);
    const clear: Scene = { ...SLIDE, items: [{ type: 'rect', x: 100, y: 100, w: 50, h: 50, fill: '#00ff00' }] };
    const png = PNG.sync.read(Buffer.from(await paintPng(clear, resources, { format: 'png' })));
    expect(png.data[3]).toBe(0);
    expect(pixel(png, px(120), px(120))).toBe('#00ff00');
  });

  it('writes JPEG at the pixel size without alpha', async () => {
    const jpeg = await paintPng(sampleScene(), resources, { format: 'jpeg' });
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1080, height: 1350, channels: 3, hasAlpha: false });
  });

  it('follows the pixel size for other ratios', async () => {
    const square: Scene = { width: 432, height: 432, pixelWidth: 1080, pixelHeight: 1080, items: sampleScene().items };
    const meta = await sharp(await paintPng(square, resources, { format: 'png' })).metadata();
    expect([meta.width, meta.height]).toEqual([1080, 1080]);
    const wide: Scene = { width: 432, height: 226.4, pixelWidth: 1080, pixelHeight: 566, items: [] };
    const wideMeta = await sharp(await paintPng(wide, resources, { format: 'png' })).metadata();
    expect([wideMeta.width, wideMeta.height]).toEqual([1080, 566]);
  });

  it('matches the committed baseline', async () => {
    const file = `${BASELINE_DIR}sample-slide.png`;
    const actual = PNG.sync.read(Buffer.from(await paintPng(sampleScene(), resources, { format: 'png' })));
    if (process.env.SPOOL_UPDATE_BASELINES === '1' || !existsSync(file)) {
      mkdirSync(BASELINE_DIR, { recursive: true });
      writeFileSync(file, PNG.sync.write(actual));
      console.log(`baseline written: ${file}`);
      return;
    }
    const expected = PNG.sync.read(readFileSync(file));
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    const diff = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
    // Anti-aliasing may move by a shade between resvg builds; layout or colour changes move thousands.
    expect(diff / (actual.width * actual.height)).toBeLessThan(0.001);
  });
});
