import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { LAYOUTS } from '../../src/design/layouts.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { SpoolDocument } from '../../src/model/document.js';
import { linesOutside } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const author = { name: 'Ada', handle: 'ada' };

/** A post that is one word no line break can split: one very wide glyph, or a long run of letters. */
function deckOf(word: string, layout: string, ratio: string) {
  const doc: SpoolDocument = {
    schemaVersion: 1,
    posts: [
      { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: word }] }], media: [] },
      { id: '2', author, blocks: [{ type: 'paragraph', spans: [{ text: word }] }], media: [] },
    ],
  };
  return layoutDeck(planDeck(doc, resolveDesign({ layout, ratio })), engine, () => undefined);
}

describe('a word wider than the slide', () => {
  // ﷽ is a single glyph about 11 ems wide in Noto Sans Arabic: no break can help, only a smaller size.
  for (const word of ['﷽', '﷽﷽']) {
    for (const ratio of ['linkedin-portrait', 'instagram-landscape']) {
      it(`is set small enough to fit, never past the edge (${word.length} × ﷽, ${ratio}, every layout)`, () => {
        for (const layout of LAYOUTS.map((l) => l.id)) {
          expect(linesOutside(deckOf(word, layout, ratio), 4), layout).toEqual([]);
        }
      });
    }
  }
});

describe('a word too long for a line at display size', () => {
  const cut = (laid: ReturnType<typeof deckOf>) =>
    laid.pages.flatMap((p) => p.elements.flatMap((e) => (e.type === 'text' ? e.lines.filter((l) => l.line.splitWord).map((l) => l.line.runs.map((r) => r.text).join('')) : [])));

  it('is set smaller rather than cut in two, on the cover and in every composition', () => {
    // At the cover's size `onerror=alert(1)>` is wider than the slide; a smaller size keeps it whole.
    const word = 'Hello <img src=x onerror=alert(1)> there';
    for (const layout of ['auto', 'statement', 'quote', 'classic']) {
      const laid = deckOf(word, layout, 'linkedin-portrait');
      const lines = laid.pages.flatMap((p) => p.elements.flatMap((e) => (e.type === 'text' ? e.lines.map((l) => l.line.runs.map((r) => r.text).join('')) : [])));
      expect(lines.some((l) => l.includes('onerror=alert(1)>')), `${layout}: ${lines.join(' | ')}`).toBe(true);
      expect(cut(laid), layout).toEqual([]);
    }
  });

  it('is still cut as a last resort when no size a slide allows can hold it', () => {
    const url = `https://example.com/${'a'.repeat(300)}`;
    expect(cut(deckOf(url, 'auto', 'linkedin-portrait')).length).toBeGreaterThan(0);
    expect(linesOutside(deckOf(url, 'auto', 'linkedin-portrait'), 4)).toEqual([]);
  });
});
