import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { contentBox } from '../../src/layout/chrome.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { Block, SpoolDocument } from '../../src/model/document.js';
import { pageLines } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const author = { name: 'Ada Lovelace', handle: 'ada' };

/** A numbered list as the second post, set as steps; the page of the steps and the content box. */
function steps(texts: string[], first = 1, dir?: 'rtl') {
  const items: Block[] = texts.map((text, i) => ({ type: 'listItem', ordered: true, ordinal: first + i, spans: [{ text }] }));
  const doc: SpoolDocument = {
    schemaVersion: 1,
    ...(dir ? { dir } : {}),
    posts: [
      { id: '1', author, blocks: [{ type: 'paragraph', spans: [{ text: 'How it works' }] }], media: [] },
      { id: '2', author, blocks: items, media: [] },
    ],
  };
  const design = resolveDesign({});
  const deck = layoutDeck(planDeck(doc, design), engine, () => undefined);
  const page = deck.pages[1];
  expect(page.layout).toBe('steps');
  return { page, box: contentBox(design, deck.width, deck.height) };
}

const ITEMS = ['Point at the darkest patch of sky.', 'Come back to it for ten years.', 'Stack the exposures.', 'Blend the colours.'];

describe('steps numerals', () => {
  // In Inter, 4 is wider than 0: a column measured on `00` broke `04` over two lines.
  it('set every numeral on one line, whichever digits it has', () => {
    const { page } = steps(ITEMS);
    const numerals = pageLines(page).filter((l) => /^\d+$/.test(l.text)).map((l) => l.text);
    expect(numerals).toEqual(['01', '02', '03', '04']);
    const late = pageLines(steps(ITEMS.slice(0, 3), 98).page).filter((l) => /^\d+$/.test(l.text)).map((l) => l.text);
    expect(late).toEqual(['98', '99', '100']);
  });

  it('align every item’s text on one column, clear of the widest numeral', () => {
    const { page } = steps(ITEMS.slice(0, 3), 98);
    const lines = pageLines(page);
    const numerals = lines.filter((l) => /^\d+$/.test(l.text));
    const texts = lines.filter((l) => ITEMS.some((t) => t.startsWith(l.text.split(' ')[0]) && l.text.length > 3));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t.left).toBeCloseTo(texts[0].left, 1);
    for (const n of numerals) expect(n.right).toBeLessThan(texts[0].left - 8);
  });

  it('stand the numerals of a right-to-left list at the right margin, the gap on the text’s side', () => {
    const { page, box } = steps(['نقطة البداية في السماء', 'العودة إليها لعشر سنوات', 'جمع الصور معا'], 1, 'rtl');
    const lines = pageLines(page);
    const numerals = lines.filter((l) => /^\d+$/.test(l.text));
    expect(numerals.map((l) => l.text)).toEqual(['01', '02', '03']);
    const texts = lines.filter((l) => /[\u0600-\u06ff]/.test(l.text) && !l.text.includes('Ada'));
    for (const n of numerals) {
      expect(n.right).toBeCloseTo(box.x + box.w, 1);
      for (const t of texts) expect(t.right).toBeLessThan(n.left - 8);
    }
  });
});
