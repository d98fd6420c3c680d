import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../src/node/image-header.js';
import { imageFromBytes, loadImage, stageImage } from '../../src/node/images.js';
import { splitTransparentPngs } from '../../src/paint/pdf/pdf-alpha.js';
import type { ImageResource, PaintResources, Scene } from '../../src/scene/types.js';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

describe('loadImage', () => {
  it('keeps a JPEG or PNG of a reasonable size byte for byte', async () => {
    const jpg = await loadImage('kd-1.jpg', MEDIA);
    expect(jpg).toMatchObject({ mime: 'image/jpeg', width: 1200, height: 675 });
    expect(Buffer.from(jpg.bytes).equals(readFileSync(`${MEDIA}kd-1.jpg`))).toBe(true);
    const png = await loadImage(`${MEDIA}kd-7.png`, '/elsewhere');
    expect(png).toMatchObject({ mime: 'image/png', width: 1000, height: 1000 });
  });

  it('converts lossy WebP to JPEG and lossless WebP to PNG', async () => {
    const img = await loadImage('kd-16.webp', MEDIA);
    expect(img).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 900 });
    expect((await sharp(img.bytes).metadata()).format).toBe('jpeg');
    // A lossless WebP is measured: this flat chart is not a photo, so it stays lossless.
    const lossless = await sharp(readFileSync(`${MEDIA}kd-16.webp`)).webp({ lossless: true }).toBuffer();
    const png = await imageFromBytes(new Uint8Array(lossless), 'chart.webp');
    expect(png).toMatchObject({ mime: 'image/png', width: 1600, height: 900 });
  });

  it('gives stable keys from the content', async () => {
    const a = await loadImage('kd-1.jpg', MEDIA);
    const b = await loadImage(`data:image/jpeg;base64,${readFileSync(`${MEDIA}kd-1.jpg`).toString('base64')}`, '/');
    expect(a.key).toMatch(/^img-[0-9a-f]{20}$/);
    expect(b.key).toBe(a.key);
  });

  it('scales down images above 2160 px, keeping the format', async () => {
    const noise = Buffer.alloc(3000 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 3000, height: 1200, channels: 3 } }).jpeg().toBuffer();
    const img = await imageFromBytes(big, 'big.jpg');
    expect(img).toMatchObject({ mime: 'image/jpeg', width: 2160, height: 864 });
  });

  it('turns EXIF-rotated photos upright', async () => {
    const raw = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const img = await imageFromBytes(raw, 'rotated.jpg');
    expect([img.width, img.height]).toEqual([20, 40]);
    expect((await sharp(img.bytes).metadata()).orientation ?? 1).toBe(1);
  });

  it('keeps grey, palette and RGBA PNGs of 8 bits or fewer as they are', async () => {
    const base = () => sharp({ create: { width: 30, height: 20, channels: 3, background: '#3366cc' } });
    const grey = await base().toColourspace('b-w').png().toBuffer();
    const palette = await base().png({ palette: true, colours: 4 }).toBuffer();
    const rgba = await base().ensureAlpha(0.5).png().toBuffer();
    for (const [name, bytes] of [['grey.png', grey], ['palette.png', palette], ['rgba.png', rgba]] as const) {
      const img = await imageFromBytes(bytes, name);
      expect(img).toMatchObject({ mime: 'image/png', width: 30, height: 20 });
      expect(Buffer.from(img.bytes).equals(bytes)).toBe(true);
    }
  });

  it('converts interlaced and 16-bit PNGs to plain 8-bit ones', async () => {
    const base = () => sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } });
    const interlaced = await base().png({ progressive: true }).toBuffer();
    const deep = await base().toColourspace('rgb16').png().toBuffer();
    expect(readImageHeader(interlaced)).toMatchObject({ interlaced: true });
    expect(readImageHeader(deep)).toMatchObject({ bitDepth: 16 });
    for (const [name, bytes] of [['interlaced.png', interlaced], ['deep.png', deep]] as const) {
      const img = await imageFromBytes(bytes, name);
      expect(img).toMatchObject({ mime: 'image/png', width: 30, height: 20 });
      expect(readImageHeader(img.bytes)).toMatchObject({ format: 'png', interlaced: false, bitDepth: 8, colourType: 6 });
      const { data } = await sharp(img.bytes).raw().toBuffer({ resolveWithObject: true });
      expect(Math.abs(data[0] - 200)).toBeLessThanOrEqual(1);
      expect(Math.abs(data[3] - 128)).toBeLessThanOrEqual(1);
    }
  });

  it('converts a CMYK JPEG to an RGB JPEG', async () => {
    const cmyk = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#ff0000' } }).toColourspace('cmyk').jpeg().toBuffer();
    expect(readImageHeader(cmyk)).toMatchObject({ components: 4 });
    const img = await imageFromBytes(cmyk, 'print.jpg');
    expect(img).toMatchObject({ mime: 'image/jpeg', width: 30, height: 20 });
    expect(readImageHeader(img.bytes)).toMatchObject({ format: 'jpeg', components: 3 });
  });

  it('converts a GIF (its first frame) to PNG at the same size', async () => {
    const gif = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#ff0000' } }).gif().toBuffer();
    const img = await loadImage(`data:image/gif;base64,${gif.toString('base64')}`, '/');
    expect(img).toMatchObject({ mime: 'image/png', width: 30, height: 20 });
    const { data } = await sharp(img.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it('reads base64 and percent-encoded data: URIs; SVG is rasterised to PNG', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#0f0"/></svg>';
    const img = await loadImage(`data:image/svg+xml,${encodeURIComponent(svg)}`, '/');
    expect(img).toMatchObject({ mime: 'image/png', width: 1080, height: 540 });
    const { data } = await sharp(img.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0, 255, 0]);
  });

  it('refuses SVG that reaches for local files', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="${MEDIA}kd-7.png" width="10" height="10"/></svg>`;
    await expect(imageFromBytes(Buffer.from(svg), 'logo.svg')).rejects.toThrow(/logo\.svg: SVG refers to external files/);
    const entity = '<!DOCTYPE svg [<!ENTITY e "x">]><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
    await expect(imageFromBytes(Buffer.from(entity), 'e.svg')).rejects.toThrow(/entity/);
  });

  it('names the missing file', async () => {
    await expect(loadImage('nope/missing.png', MEDIA)).rejects.toThrow(`image not found: ${MEDIA}nope/missing.png`);
  });

  it('uses the fetcher given for remote images', async () => {
    const bytes = new Uint8Array(readFileSync(`${MEDIA}kd-7.png`));
    const fetched: string[] = [];
    const img = await loadImage('https://example.com/a.png', MEDIA, {
      fetchBytes: async (url) => {
        fetched.push(url);
        return bytes;
      },
    });
    expect(fetched).toEqual(['https://example.com/a.png']);
    expect(img.mime).toBe('image/png');
  });

  it('keeps local paths inside the root when one is set', async () => {
    await expect(loadImage('../media/../../paint/x.png', MEDIA, { root: MEDIA })).rejects.toThrow(/outside/);
    await expect(loadImage('kd-1.jpg', MEDIA, { root: MEDIA })).resolves.toMatchObject({ mime: 'image/jpeg' });
  });

  it('refuses what is not an image', async () => {
    await expect(imageFromBytes(Buffer.from('hello'), 'notes.txt')).rejects.toThrow(/notes\.txt: not a readable image/);
  });

  it('names an image whose header reads but whose data does not convert', async () => {
    // A WebP header that promises 1600x900, then garbage.
    const webp = readFileSync(`${MEDIA}kd-16.webp`);
    const broken = Buffer.concat([webp.subarray(0, 40), Buffer.alloc(4000, 7)]);
    expect(readImageHeader(broken)).toMatchObject({ format: 'webp', width: 1600, height: 900 });
    await expect(imageFromBytes(broken, 'broken.webp')).rejects.toThrow(/^broken\.webp: could not convert the image \(.+\)$/);
  });

  it('decodes a JPEG or PNG it would embed as it is, and refuses one cut short', async () => {
    // Kept byte for byte, so a PDF would carry these bytes: they must decode first.
    const jpeg = readFileSync(`${MEDIA}kd-1.jpg`);
    await expect(imageFromBytes(jpeg.subarray(0, jpeg.length - 4000), 'cut.jpg')).rejects.toThrow(/^cut\.jpg: the JPEG file is damaged or cut short and cannot be shown/);
    const png = readFileSync(`${MEDIA}kd-7.png`);
    await expect(imageFromBytes(png.subarray(0, Math.floor(png.length / 2)), 'cut.png')).rejects.toThrow(/^cut\.png: the PNG file is damaged or cut short/);
    await expect(imageFromBytes(png.subarray(0, 40), 'header.png')).rejects.toThrow(/^header\.png: the PNG file is damaged or cut short/);
  });

  it('refuses an SVG whose filters would take minutes to draw, before drawing it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><filter id="f"><feMorphology radius="1000"/></filter><rect width="2000" height="2000" filter="url(#f)"/></svg>';
    const started = performance.now();
    await expect(imageFromBytes(Buffer.from(svg), 'm.svg')).rejects.toThrow(/^m\.svg: this SVG would take too long to draw: its feMorphology radius is 540 px/);
    expect(performance.now() - started).toBeLessThan(1000);
    // <use> elements that multiply each other: ten levels of ten is ten billion shapes.
    let uses = '<g id="l0"><rect width="1" height="1"/></g>';
    for (let i = 1; i <= 10; i++) uses += `<g id="l${i}">${Array.from({ length: 10 }, () => `<use href="#l${i - 1}"/>`).join('')}</g>`;
    const laughs = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs>${uses}</defs><use href="#l10"/></svg>`;
    await expect(imageFromBytes(Buffer.from(laughs), 'laughs.svg')).rejects.toThrow(/^laughs\.svg: this SVG would take too long to draw: it draws more than 50,000 elements once its <use> references are expanded/);
    // A modest filter still draws.
    const soft = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><filter id="f"><feGaussianBlur stdDeviation="2"/><feMorphology radius="0.3"/></filter><rect width="90" height="90" filter="url(#f)"/></svg>';
    expect(await imageFromBytes(Buffer.from(soft), 'soft.svg')).toMatchObject({ mime: 'image/png', width: 1080 });
  });

  it('splits a transparent PNG for the PDF into plain 8-bit RGB and grey PNGs of its size', async () => {
    const image = await imageFromBytes(readFileSync(`${MEDIA}kd-7.png`), 'kd-7.png');
    const scene = { width: 100, height: 100, pixelWidth: 100, pixelHeight: 100, items: [{ type: 'image', key: 'k', x: 0, y: 0, w: 10, h: 10, fit: 'cover' }] };
    const resources = { image: (key: string) => (key === 'k' ? image : undefined), face: () => undefined };
    const splits = await splitTransparentPngs([scene] as unknown as Scene[], resources as unknown as PaintResources);
    const parts = splits.get(image as ImageResource)!;
    expect(readImageHeader(parts.colour)).toMatchObject({ format: 'png', width: 1000, height: 1000, bitDepth: 8, colourType: 2, interlaced: false });
    expect(readImageHeader(parts.alpha)).toMatchObject({ format: 'png', width: 1000, height: 1000, bitDepth: 8, colourType: 0, interlaced: false });
    // The mask is the source's alpha channel.
    const source = await sharp(readFileSync(`${MEDIA}kd-7.png`)).ensureAlpha().extractChannel(3).raw().toBuffer();
    const mask = await sharp(parts.alpha).extractChannel(0).raw().toBuffer();
    expect(mask.equals(source)).toBe(true);
  });

  describe('decompression bombs', () => {
    let bomb: Buffer;
    beforeAll(async () => {
      bomb = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#ffffff' } })
        .png({ compressionLevel: 9, adaptiveFiltering: false })
        .toBuffer();
    });

    it('refuses a 100-megapixel image that is tiny on disk, before decoding it', async () => {
      expect(bomb.length).toBeLessThan(1_000_000);
      const src = `data:image/png;base64,${bomb.toString('base64')}`;
      await expect(loadImage(src, '/')).rejects.toThrow(/10000x10000 \(100 MP\) is above the 50 MP limit/);
      await expect(imageFromBytes(bomb, 'bomb.png')).rejects.toThrow(/^bomb\.png: /);
    });
  });
});

describe('stageImage and transparency', () => {
  it('says a PNG has an alpha channel every time it is staged, the second time from the cache too', async () => {
    const first = await stageImage('kd-7.png', MEDIA);
    await first.ready;
    const again = await stageImage('kd-7.png', MEDIA);
    expect([first.alpha, again.alpha]).toEqual([true, true]);
    const photo = await stageImage('kd-1.jpg', MEDIA);
    expect(photo.alpha).toBeUndefined();
  });
});

describe('stageImage and photographs', () => {
  it('marks photographs, not diagrams, by the bytes they came as, also when staged again from the cache', async () => {
    for (const [file, photo] of [['photos/rocket.jpg', true], ['photos/astronaut.jpg', true], ['kd-1.jpg', false], ['kd-7.png', false], ['kd-16.webp', false]] as const) {
      for (let again = 0; again < 2; again++) expect((await stageImage(file, MEDIA)).photo === true, `${file} ${again}`).toBe(photo);
    }
  });
});
