import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readJpeg, readPng } from '../../../src/paint/pdf/pdf-bitmaps.js';
import { paintPdf } from '../../../src/paint/pdf/index.js';
import type { ImageResource, Scene } from '../../../src/scene/types.js';
import { expectValidPdf } from '../../helpers/qpdf.js';

/**
 * Images are embedded without decoding (JPEG as DCT data, PNG data with PNG predictors), so the
 * proof is a viewer's rendering: each image fills a page, poppler rasterises the page at the
 * image's own size, and the pixels must be the image's, over white where it is transparent.
 * poppler smooths a hard edge by a pixel here and there (a few of 1,536 pixels); a wrong stride,
 * channel order or orientation would differ almost everywhere.
 */

const W = 48;
const H = 32;

/** A gradient with a hard-edged block: wrong rows, channels or strides show at once. */
function pixels(channels: 3 | 4): Buffer {
  const data = Buffer.alloc(W * H * channels);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const at = (y * W + x) * channels;
      const block = x > 30 && y < 12;
      data[at] = block ? 20 : Math.round((x / W) * 255);
      data[at + 1] = block ? 200 : Math.round((y / H) * 255);
      data[at + 2] = block ? 40 : 128;
      if (channels === 4) data[at + 3] = x < 12 ? 0 : x < 24 ? 128 : 255;
    }
  }
  return data;
}

async function render(res: ImageResource): Promise<Buffer> {
  const scene: Scene = {
    width: W,
    height: H,
    pixelWidth: W,
    pixelHeight: H,
    items: [{ type: 'image', key: res.key, x: 0, y: 0, w: W, h: H, fit: 'fill' }],
  };
  const pdf = await paintPdf([scene], { face: () => { throw new Error('no text'); }, image: () => res });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spool-pdf-bitmap-'));
  await writeFile(path.join(dir, 'page.pdf'), pdf);
  await expectValidPdf(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', path.join(dir, 'page.pdf'), path.join(dir, 'page')]);
  return readFile(path.join(dir, 'page.png'));
}

async function rgba(png: Buffer | Uint8Array): Promise<Buffer> {
  return sharp(png).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer();
}

async function mismatch(res: ImageResource, expected: Buffer): Promise<number> {
  const actual = await rgba(await render(res));
  const want = await rgba(expected);
  return pixelmatch(actual, want, undefined, W, H, { threshold: 0.1 }) / (W * H);
}

/** PNG bytes with one more chunk before the first IDAT. */
function withChunk(png: Buffer, type: string, data: Buffer): Buffer {
  const at = png.indexOf('IDAT') - 4;
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 8 + data.length);
  return Buffer.concat([png.subarray(0, at), chunk, png.subarray(at)]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const resource = (key: string, mime: ImageResource['mime'], bytes: Buffer): ImageResource => ({
  key, mime, bytes: new Uint8Array(bytes), width: W, height: H,
});
const raw = (channels: 3 | 4) => sharp(pixels(channels), { raw: { width: W, height: H, channels } });

describe('bitmaps in the PDF', () => {
  it('draws RGB and grey JPEG data as it is', async () => {
    for (const grey of [false, true]) {
      const jpeg = await (grey ? raw(3).toColourspace('b-w') : raw(3)).jpeg({ quality: 95 }).toBuffer();
      expect(readJpeg(jpeg)).toMatchObject({ width: W, height: H, components: grey ? 1 : 3 });
      // JPEG decoders differ by a level here and there: the threshold allows that, not a wrong image.
      expect(await mismatch(resource(`jpeg-${grey}`, 'image/jpeg', jpeg), await sharp(jpeg).png().toBuffer())).toBeLessThan(0.02);
    }
  });

  it('draws RGB, grey and palette PNGs without decoding them', async () => {
    const cases: [string, Buffer][] = [
      ['rgb', await raw(3).png().toBuffer()],
      ['grey', await raw(3).toColourspace('b-w').png().toBuffer()],
      ['palette', await raw(3).png({ palette: true, colours: 16, dither: 0 }).toBuffer()],
      ['two-bit', await raw(3).toColourspace('b-w').png({ palette: true, colours: 4, dither: 0 }).toBuffer()],
    ];
    for (const [name, png] of cases) {
      const info = readPng(png)!;
      expect(info.interlaced, name).toBe(false);
      expect(await mismatch(resource(name, 'image/png', png), png), name).toBeLessThan(0.005);
    }
  });

  it('keeps transparency through a soft mask', async () => {
    const png = await raw(4).png().toBuffer();
    expect(await mismatch(resource('alpha', 'image/png', png), png)).toBeLessThan(0.03);
  });

  it('keeps the transparent colour (tRNS) of a grey or RGB PNG transparent', async () => {
    // The block is (20, 200, 40); keyed out, the white page shows through it and only there.
    const png = withChunk(await raw(3).png().toBuffer(), 'tRNS', Buffer.from([0, 20, 0, 200, 0, 40]));
    const expected = await sharp(pixels(4).map((v, i) => (i % 4 === 3 ? 255 : v)), { raw: { width: W, height: H, channels: 4 } })
      .composite([{ input: Buffer.alloc(17 * 12 * 4, 255), raw: { width: 17, height: 12, channels: 4 }, left: 31, top: 0 }])
      .png()
      .toBuffer();
    expect(await mismatch(resource('keyed', 'image/png', png), expected)).toBeLessThan(0.005);
    // Without the key the block is drawn: the comparison does tell the two apart.
    expect(await mismatch(resource('unkeyed', 'image/png', await raw(3).png().toBuffer()), expected)).toBeGreaterThan(0.1);
  });

  it('refuses PNG data it cannot embed as it is, naming the image', async () => {
    const interlaced = await raw(3).png({ progressive: true }).toBuffer();
    await expect(render(resource('photo.png', 'image/png', interlaced))).rejects.toThrow(/photo\.png: PNG must be normalised/);
  });
});
