import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../src/node/image-header.js';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

const red = () => sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } });
const translucent = () => sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } });

/** What sharp's metadata says about the fields the header reader covers. */
async function sharpSays(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return {
    format: m.format,
    width: m.width,
    height: m.height,
    orientation: m.orientation ?? 1,
    cmyk: m.space === 'cmyk',
    sixteenBit: m.depth === 'ushort',
    interlaced: m.format === 'png' ? Boolean(m.isProgressive) : false,
  };
}

function weSay(bytes: Buffer) {
  const h = readImageHeader(bytes);
  return (
    h && {
      format: h.format,
      width: h.width,
      height: h.height,
      orientation: h.orientation,
      cmyk: h.components === 4,
      sixteenBit: h.bitDepth > 8,
      interlaced: h.interlaced,
    }
  );
}

describe('readImageHeader', () => {
  it('reads the fixtures: a JPEG, an RGBA PNG and a WebP', () => {
    expect(readImageHeader(readFileSync(`${MEDIA}kd-1.jpg`))).toEqual({
      format: 'jpeg',
      width: 1200,
      height: 675,
      orientation: 1,
      bitDepth: 8,
      components: 3,
      interlaced: false,
    });
    expect(readImageHeader(readFileSync(`${MEDIA}kd-7.png`))).toEqual({
      format: 'png',
      width: 1000,
      height: 1000,
      orientation: 1,
      bitDepth: 8,
      colourType: 6,
      interlaced: false,
    });
    expect(readImageHeader(readFileSync(`${MEDIA}kd-16.webp`))).toMatchObject({ format: 'webp', width: 1600, height: 900, orientation: 1 });
  });

  it('reads a CMYK JPEG and an EXIF-rotated one', async () => {
    const cmyk = await red().toColourspace('cmyk').jpeg().toBuffer();
    expect(readImageHeader(cmyk)).toMatchObject({ format: 'jpeg', components: 4, orientation: 1 });
    const rotated = await red().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(readImageHeader(rotated)).toMatchObject({ format: 'jpeg', width: 40, height: 20, orientation: 6, components: 3 });
    const progressive = await red().toColourspace('b-w').jpeg({ progressive: true }).toBuffer();
    expect(readImageHeader(progressive)).toMatchObject({ format: 'jpeg', components: 1 });
  });

  it('reads PNG bit depth, colour type and interlacing', async () => {
    const interlaced = await red().png({ progressive: true }).toBuffer();
    expect(readImageHeader(interlaced)).toMatchObject({ format: 'png', interlaced: true, bitDepth: 8, colourType: 2 });
    const deep = await red().toColourspace('rgb16').png().toBuffer();
    expect(readImageHeader(deep)).toMatchObject({ format: 'png', interlaced: false, bitDepth: 16, colourType: 2 });
    const palette = await red().png({ palette: true, colours: 4 }).toBuffer();
    expect(readImageHeader(palette)).toMatchObject({ format: 'png', colourType: 3 });
    expect(readImageHeader(palette)!.bitDepth).toBeLessThanOrEqual(8);
    const rotated = await red().png().withMetadata({ orientation: 8 }).toBuffer();
    expect(readImageHeader(rotated)).toMatchObject({ format: 'png', orientation: 8 });
  });

  it('reads WebP (lossy, lossless, extended with EXIF) and GIF', async () => {
    expect(readImageHeader(await red().webp().toBuffer())).toMatchObject({ format: 'webp', width: 40, height: 20 });
    expect(readImageHeader(await red().webp({ lossless: true }).toBuffer())).toMatchObject({ format: 'webp', width: 40, height: 20 });
    expect(readImageHeader(await red().webp().withMetadata({ orientation: 5 }).toBuffer())).toMatchObject({ orientation: 5 });
    expect(readImageHeader(await red().gif().toBuffer())).toMatchObject({ format: 'gif', width: 40, height: 20 });
  });

  it('marks still, opaque, lossy WebP as a photo, and nothing else', async () => {
    expect(readImageHeader(await red().webp().toBuffer())?.photo).toBe(true);
    expect(readImageHeader(await red().webp().withMetadata({ orientation: 3 }).toBuffer())?.photo).toBe(true);
    expect(readImageHeader(await red().webp({ lossless: true }).toBuffer())?.photo).toBeFalsy();
    expect(readImageHeader(await translucent().webp().toBuffer())?.photo).toBeFalsy();
    expect(readImageHeader(await red().png().toBuffer())?.photo).toBeFalsy();
  });

  it('agrees with sharp on every field it reads', async () => {
    const images = [
      red().jpeg(),
      red().jpeg({ progressive: true }),
      red().toColourspace('b-w').jpeg(),
      red().toColourspace('cmyk').jpeg(),
      red().png(),
      red().png({ progressive: true }),
      red().toColourspace('rgb16').png(),
      red().toColourspace('grey16').png(),
      red().toColourspace('b-w').png(),
      red().png({ palette: true }),
      translucent().png(),
      translucent().png({ palette: true }),
      red().webp(),
      red().webp({ lossless: true }),
      translucent().webp(),
      red().gif(),
      translucent().gif(),
      ...[2, 3, 4, 5, 6, 7, 8].flatMap((orientation) => [
        red().jpeg().withMetadata({ orientation }),
        red().png().withMetadata({ orientation }),
        red().webp().withMetadata({ orientation }),
      ]),
    ];
    for (const image of images) {
      const bytes = await image.toBuffer();
      expect(weSay(bytes)).toEqual(await sharpSays(bytes));
    }
  });

  it('leaves what it does not know to sharp', () => {
    expect(readImageHeader(Buffer.from('hello'))).toBeUndefined();
    expect(readImageHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'))).toBeUndefined();
    // Cut inside the JPEG's markers, or a PNG without its header chunk.
    expect(readImageHeader(readFileSync(`${MEDIA}kd-1.jpg`).subarray(0, 30))).toBeUndefined();
    expect(readImageHeader(readFileSync(`${MEDIA}kd-7.png`).subarray(0, 20))).toBeUndefined();
  });
});
