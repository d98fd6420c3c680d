import { describe, expect, it } from 'vitest';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { blockText } from '../../src/model/document.js';
import { doc, para, post, words } from '../helpers/documents.js';

const plan = (texts: string[], layout = 'auto', media: Record<number, boolean> = {}) =>
  planDeck(doc(texts.map((t, i) => post(String(i + 1), [para(t)], media[i] ? [{ type: 'image', src: 'a.png' }] : []))), resolveDesign({ layout, plan: { cover: false }, cta: { enabled: false } }));
const contents = (deck: ReturnType<typeof plan>) => deck.slides.filter((s) => s.kind === 'content').map((s) => s.blocks.map(blockText));

describe('joining a thought split over two posts', () => {
  it('mends a sentence the next post carries on in lower case into one slide', () => {
    const deck = plan(['The best hooks are short', 'and specific enough to picture.', 'Then the payoff.']);
    expect(contents(deck)).toEqual([['The best hooks are short and specific enough to picture.'], ['Then the payoff.']]);
    expect(deck.slides[0].postIds).toEqual(['1', '2']);
  });

  it('drops the ellipsis that only marked the carry-on', () => {
    expect(contents(plan(['It started as a side project…', '…and became the product.']))).toEqual([['It started as a side project and became the product.']]);
    expect(contents(plan(['We tried everything...', 'even a rewrite.']))).toEqual([['We tried everything even a rewrite.']]);
  });

  it('leaves finished sentences, capitalised openings, pictures and long halves apart', () => {
    expect(contents(plan(['Hooks are short.', 'and then some.']))).toHaveLength(2);
    expect(contents(plan(['Hooks are short', 'Specific beats clever.']))).toHaveLength(2);
    expect(contents(plan(['Look at this 👇', 'it is the whole trick.']))).toHaveLength(2);
    expect(contents(plan(['Hooks are short', 'and specific.'], 'auto', { 1: true }))).toHaveLength(2);
    expect(contents(plan([words(40), `and ${words(30)}`]))).toHaveLength(2);
  });

  it('joins only in auto layout: a deck set to one layout keeps a slide a post', () => {
    expect(contents(plan(['The best hooks are short', 'and specific.'], 'classic'))).toHaveLength(2);
  });
});
