import { describe, expect, it } from 'vitest';
import { paintPdf } from '../../../src/paint/pdf/index.js';
import type { Scene, TextItem } from '../../../src/scene/types.js';
import { resources, sampleScene, shapeLine, SLIDE, textCarousel } from '../fixture-scene.js';
import { contentStreams, readPdf } from './read-pdf.js';
import { expectValidPdf } from '../../helpers/qpdf.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('paintPdf', () => {
  it('writes one page per scene at the scene size in points, with document info', async () => {
    const scenes = [...textCarousel(2), sampleScene()];
    const pdf = await paintPdf(scenes, resources, {
      title: 'Ship it',
      author: 'Ada (@ada)',
      subject: 'https://x.com/ada/status/1',
      keywords: ['carousel', 'spool'],
      lang: 'en',
    });
    expect(latin1(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    const read = await readPdf(pdf);
    expect(read.pages).toHaveLength(3);
    for (const page of read.pages) expect([page.width, page.height]).toEqual([432, 540]);
    expect(read.info.Title).toBe('Ship it');
    expect(read.info.Author).toBe('Ada (@ada)');
    expect(read.info.Subject).toBe('https://x.com/ada/status/1');
    expect(read.info.Keywords).toBe('carousel, spool');
    expect(read.info.Creator).toBe('Spool');
  });

  it('keeps text as real, searchable text in reading order, hostile markup included', async () => {
    const read = await readPdf(await paintPdf([...textCarousel(1), sampleScene()], resources));
    const first = read.pages[0].text.replace(/\s+/g, ' ');
    expect(first).toContain('Page 1: why scenes matter');
    expect(first.indexOf('Page 1:')).toBeLessThan(first.indexOf('Most carousel tools'));
    expect(first).toContain('selectable text');
    const second = read.pages[1].text.replace(/\s+/g, ' ');
    expect(second).toContain('Ship it <script>alert(1)</script> & more');
    expect(second.indexOf('Ship it')).toBeLessThan(second.indexOf('Kerning: AVAWAY To Ty fi'));
    expect(second).toContain('example.com/post?a=1&b=2');
  });

  it('places every line at the layout baseline with the layout width (no reshaping)', async () => {
    const line = shapeLine('AVAWAY Type, kerning & spacing.', 40, 100, 24, '#111111');
    // A justified line: the layout widened the spaces, and the PDF must follow it, not re-measure.
    const justified = shapeLine('wide words here', 40, 160, 20, '#111111');
    let extra = 0;
    justified.glyphs = justified.glyphs.map((g, i) => {
      if (i > 0 && justified.text[i - 1] === ' ') extra += 15;
      return { ...g, x: g.x + extra };
    });
    justified.width += extra;
    const scene: Scene = { ...SLIDE, items: [line, justified] };
    const read = await readPdf(await paintPdf([scene], resources));
    const { items } = read.pages[0];
    const check = (item: TextItem, match: string) => {
      const found = items.find((i) => i.str.includes(match));
      expect(found, match).toBeDefined();
      const [, , , , x, y] = found!.transform;
      expect(x).toBeCloseTo(item.x, 2);
      expect(y).toBeCloseTo(540 - item.y, 2);
      return found!;
    };
    const kerned = check(line, 'AVAWAY');
    expect(kerned.width).toBeCloseTo(line.width, 1);
    check(justified, 'wide');
    const allText = items.map((i) => i.str).join('');
    expect(allText.replace(/\s+/g, ' ')).toContain('wide words here');
  });

  it('maps a glyph made from several characters back to all of them', async () => {
    // fontkit composes e + combining acute into one precomposed glyph: fewer glyphs than characters.
    const line = shapeLine('Cafe\u0301 menu', 40, 100, 20, '#111111');
    expect(line.glyphs.length).toBeLessThan([...line.text].length);
    const read = await readPdf(await paintPdf([{ ...SLIDE, items: [line] }], resources));
    expect(read.pages[0].text.normalize('NFC')).toContain('Café menu');
  });

  it('embeds subset fonts once per face', async () => {
    const pdf = await paintPdf(textCarousel(3), resources);
    const raw = latin1(pdf);
    expect(raw.match(/\/FontFile2/g)).toHaveLength(2);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Inter-Regular/);
    const read = await readPdf(pdf);
    expect(read.fonts.length).toBeGreaterThan(0);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect(raw).not.toContain('Helvetica');
  });

  it('adds link annotations and a tagged structure with image alt text', async () => {
    const pdf = await paintPdf([sampleScene()], resources, { lang: 'en' });
    const read = await readPdf(pdf);
    expect(read.pages[0].links).toEqual([
      expect.objectContaining({ url: 'https://example.com/post?a=1&b=2' }),
    ]);
    // The scene's link box (y down from the top) as a PDF rectangle (y up from the bottom).
    const link = sampleScene().items.find((i) => i.type === 'link')!;
    if (link.type !== 'link') throw new Error('fixture has a link');
    const [x1, y1, x2, y2] = read.pages[0].links[0].rect;
    expect([x1, y1, x2, y2].map((n) => Math.round(n * 10) / 10)).toEqual(
      [link.x, 540 - link.y - link.h, link.x + link.w, 540 - link.y].map((n) => Math.round(n * 10) / 10),
    );
    const tree = JSON.stringify(read.pages[0].structure);
    expect(tree).toContain('"role":"Figure"');
    expect(tree).toContain('A diagram \\"quoted\\" <b>');
    expect(tree).toContain('"role":"P"');
    // The emoji is drawn as vectors; a span's actual text keeps it in copied text.
    // UTF-16BE with a byte order mark: FE FF D8 3D DE 80.
    expect(contentStreams(pdf)).toContain('/Span <</ActualText <FEFFd83dde80>>> BDC');
  });

  it('drops links with unsafe schemes', async () => {
    const scene: Scene = {
      ...SLIDE,
      items: [{ type: 'link', x: 0, y: 0, w: 10, h: 10, href: 'javascript:alert(1)' }],
    };
    const read = await readPdf(await paintPdf([scene], resources));
    expect(read.pages[0].links).toEqual([]);
  });

  it('embeds an image shown on many pages once, and draws emoji as vectors', async () => {
    const photoPage = (): Scene => ({
      ...SLIDE,
      items: [
        { type: 'image', key: 'photo', x: 0, y: 0, w: 432, h: 300, fit: 'cover', radius: 12 },
        { type: 'image', key: 'emoji:1f680', x: 20, y: 320, w: 40, h: 40, fit: 'contain', alt: '🚀' },
      ],
    });
    const pdf = await paintPdf([photoPage(), photoPage(), photoPage()], resources);
    const raw = latin1(pdf);
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect(raw.match(/\/Subtype \/Form/g)).toHaveLength(1);
    expect((await readPdf(pdf)).pages).toHaveLength(3);
  });

  it('keeps PNG transparency as a soft mask', async () => {
    const page: Scene = {
      ...SLIDE,
      items: [{ type: 'image', key: 'chart', x: 20, y: 20, w: 200, h: 200, fit: 'contain' }],
    };
    const twoPages = await paintPdf([page, page], resources);
    await expectValidPdf(twoPages);
    const raw = latin1(twoPages);
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(2);
    const mask = /\/SMask (\d+) 0 R/.exec(raw);
    expect(mask).not.toBeNull();
    const maskObject = raw.slice(raw.indexOf(`\n${mask![1]} 0 obj`), raw.indexOf('endobj', raw.indexOf(`\n${mask![1]} 0 obj`)));
    expect(maskObject).toContain('/ColorSpace /DeviceGray');
  });

  it('writes a long path repeated on every page once, as a shared form', async () => {
    let d = '';
    for (let i = 0; i < 120; i++) d += `M${10 + (i % 12) * 14} ${10 + Math.floor(i / 12) * 14}a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z`;
    const page: Scene = { ...SLIDE, items: [{ type: 'path', d, fill: '#ff0000', opacity: 0.5 }] };
    const pdf = await paintPdf([page, page, page], resources);
    await expectValidPdf(pdf);
    expect(latin1(pdf).match(/\/Subtype \/Form/g)).toHaveLength(1);
    expect(contentStreams(pdf).match(/\/SpoolPath1 Do/g)).toHaveLength(3);
  });

  it('passes qpdf --check, which fails a damaged copy of the same file', async () => {
    const pdf = await paintPdf(textCarousel(2), resources);
    await expectValidPdf(pdf);
    const damaged = latin1(pdf).replace(/\/Length (\d+)/, (_m, n: string) => `/Length ${Number(n) + 7}`);
    await expect(expectValidPdf(new Uint8Array(Buffer.from(damaged, 'latin1')))).rejects.toThrow(/qpdf --check failed/);
  });

  it('keeps a 20-page text carousel small: fonts are subset and embedded once', async () => {
    const pdf = await paintPdf(textCarousel(20), resources);
    await expectValidPdf(pdf);
    expect(latin1(pdf).match(/\/FontFile2/g)?.length ?? 0).toBeLessThanOrEqual(2);
    expect(pdf.length).toBeLessThan(150_000);
  });
});
