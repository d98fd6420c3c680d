import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTextToDocument } from '../../src/sources/article-text.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { applyOriginText, slideOrigin } from '../../src/edit/slide-origin.js';
import { blockText, spansText } from '../../src/model/document.js';

const { document } = articleTextToDocument(readFileSync(path.resolve(__dirname, '../fixtures/kd-article.txt'), 'utf8'), { condense: true });
const deck = planDeck(document, resolveDesign({}));
const slide = deck.slides.find((s) => s.blocks.some((b) => blockText(b).startsWith('Later in 2015')))!;

describe('a condensed slide’s origin', () => {
  it('lists the paragraph it came from, sentence by sentence, marking the ones it says, under its section', () => {
    const origin = slideOrigin(document, slide);
    expect(origin).toHaveLength(1);
    expect(origin[0].section).toBe('When did knowledge distillation appear as a technique?');
    expect(origin[0].sentences.map((s) => s.used)).toEqual([true, false, false, false, false]);
    expect(origin[0].sentences[1].text).toMatch(/^This term was referred to the process/);
  });

  it('swaps in a neighbouring sentence, or the whole paragraph, keeping the slide’s title', () => {
    const [{ index }] = slideOrigin(document, slide);
    const swapped = applyOriginText(deck, { slideId: slide.id, document, picks: [{ index, sentences: [1] }] });
    const after = swapped.slides.find((s) => s.id === slide.id)!;
    expect(after.blocks.map(blockText).join(' ')).toMatch(/^This term was referred to the process/);
    expect(slideOrigin(document, after)[0].sentences.map((s) => s.used)).toEqual([false, true, false, false, false]);
    const whole = applyOriginText(deck, { slideId: slide.id, document, picks: [{ index, sentences: 'all' }] }).slides.find((s) => s.id === slide.id)!;
    expect(blockText(whole.blocks[0])).toBe(blockText(document.source!.blocks[index]));
    expect(spansText(whole.title ?? [])).toBe(spansText(slide.title ?? []));
    // Nothing picked changes nothing.
    expect(applyOriginText(deck, { slideId: slide.id, document, picks: [{ index, sentences: [] }] })).toBe(deck);
  });

  it('is empty for a slide that was not condensed from an article', () => {
    expect(slideOrigin({ ...document, source: undefined }, slide)).toEqual([]);
    expect(slideOrigin(document, deck.slides[deck.slides.length - 1])).toEqual([]);
  });
});
