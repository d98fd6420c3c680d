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
