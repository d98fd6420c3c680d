import { describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import sharp from 'sharp';
import { buildCarousel } from '../../src/node/build.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { blockText, type SpoolDocument } from '../../src/model/document.js';
import { doc, para, post } from '../helpers/documents.js';

// jsqr is CommonJS typed as an ES default export: at run time the import is the function itself.
const jsQR = jsQRModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

const article: SpoolDocument = { ...doc([post('1', [para('Knowledge distillation, explained')]), post('2', [para('The teacher’s soft targets carry more than the answer.')])]), url: 'https://www.turingpost.com/p/kd' };

describe('the link outro', () => {
  it('draws a QR code that a reader decodes to the source, beside its address as a link', async () => {
    for (const ratio of ['linkedin-portrait', 'instagram-landscape']) {
      const result = await buildCarousel(article, { design: { ratio, cta: { style: 'link' } }, format: 'png', page: 3 });
      const { data, info } = await sharp(Buffer.from(result.files[0].bytes)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
      expect(found?.data, ratio).toBe('https://www.turingpost.com/p/kd');
      const outro = result.laidOut.pages[2];
      const link = outro.elements.flatMap((e) => (e.type === 'text' ? e.lines.flatMap((l) => l.line.runs) : [])).find((r) => r.href);
      expect(link).toMatchObject({ text: 'www.turingpost.com/p/kd', href: 'https://www.turingpost.com/p/kd' });
    }
  });

  it('points to the brand’s website when the source has no address, and follows when there is neither', () => {
    const withSite = planDeck({ ...article, url: undefined }, resolveDesign({ cta: { style: 'link' }, brand: { website: 'ada.dev' } }));
    expect(withSite.slides.at(-1)?.blocks.at(-1)?.spans[0]).toMatchObject({ text: 'ada.dev', href: 'https://ada.dev' });
    const neither = planDeck({ ...article, url: undefined }, resolveDesign({ cta: { style: 'link' } }));
    expect(neither.slides.at(-1)?.blocks.every((b) => !b.spans[0]?.href)).toBe(true);
    expect(neither.slides.at(-1)?.blocks.map(blockText)[0]).toBe(resolveDesign({}).cta.lines[0]);
  });
});
