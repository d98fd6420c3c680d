import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { paintPdf } from '../../../src/paint/pdf/index.js';
import type { Scene, SceneItem } from '../../../src/scene/types.js';
import { expectValidPdf } from '../../helpers/qpdf.js';

/** Shapes drawn by poppler from our PDF, sampled where the colour is known. */

const W = 200;
const H = 100;

async function raster(items: SceneItem[]): Promise<(x: number, y: number) => number[]> {
  const scene: Scene = { width: W, height: H, pixelWidth: W, pixelHeight: H, items };
  const pdf = await paintPdf([scene], { face: () => { throw new Error('no text'); }, image: () => undefined });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-pdf-shapes-'));
  await writeFile(path.join(dir, 'page.pdf'), pdf);
  await expectValidPdf(pdf);
  const png = execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', path.join(dir, 'page.pdf')]);
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return (x, y) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
}

const near = (actual: number[], expected: number[], tolerance = 6) =>
  actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);

describe('shapes in the PDF', () => {
  it('fills solid, translucent and rounded rectangles where the scene puts them (y down)', async () => {
    const at = await raster([
      { type: 'rect', x: 0, y: 0, w: 100, h: 50, fill: '#ff0000' },
      { type: 'rect', x: 100, y: 50, w: 100, h: 50, fill: '#0000ff', opacity: 0.5 },
      { type: 'rect', x: 110, y: 5, w: 80, h: 40, radius: 20, fill: '#00ff00' },
    ]);
    expect(near(at(50, 25), [255, 0, 0])).toBe(true);
    expect(near(at(50, 75), [255, 255, 255])).toBe(true);
    expect(near(at(150, 75), [128, 128, 255])).toBe(true);
    expect(near(at(150, 25), [0, 255, 0])).toBe(true);
    // The rounded corner leaves the page white at the box's corner.
    expect(near(at(111, 6), [255, 255, 255])).toBe(true);
  });

  it('paints linear gradients through every stop, and fades stops with opacity', async () => {
    const at = await raster([
      {
        type: 'rect', x: 0, y: 0, w: W, h: 50,
        fill: { type: 'linear', x1: 0, y1: 0, x2: W, y2: 0, stops: [
          { offset: 0, color: '#ff0000' }, { offset: 0.5, color: '#00ff00' }, { offset: 1, color: '#0000ff' },
        ] },
      },
      {
        type: 'rect', x: 0, y: 50, w: W, h: 50,
        fill: { type: 'linear', x1: 0, y1: 0, x2: W, y2: 0, stops: [
          { offset: 0, color: '#000000' }, { offset: 1, color: '#000000', opacity: 0 },
        ] },
      },
    ]);
    expect(near(at(1, 25), [255, 0, 0], 12)).toBe(true);
    expect(near(at(100, 25), [0, 255, 0], 12)).toBe(true);
    expect(near(at(198, 25), [0, 0, 255], 12)).toBe(true);
    expect(near(at(1, 75), [0, 0, 0], 12)).toBe(true);
    expect(near(at(100, 75), [128, 128, 128], 12)).toBe(true);
    expect(near(at(198, 75), [255, 255, 255], 12)).toBe(true);
  });

  it('strokes paths, arcs included', async () => {
    const at = await raster([
      { type: 'path', d: 'M10 90 L190 90', stroke: { color: '#000000', width: 6 } },
      { type: 'path', d: 'M100 10 a20 20 0 1 0 0.01 0Z', fill: '#ff00ff' },
    ]);
    expect(near(at(100, 90), [0, 0, 0], 30)).toBe(true);
    expect(near(at(100, 30), [255, 0, 255])).toBe(true);
    expect(near(at(100, 60), [255, 255, 255])).toBe(true);
  });
});
