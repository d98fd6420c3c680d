import { describe, expect, it } from 'vitest';
import { addSlide, splitDeck } from '../../src/edit/index.js';
import { sampleDeck } from './deck-fixture.js';
import type { Deck } from '../../src/model/deck.js';

function deckOf(contentSlides: number): Deck {
  let deck = sampleDeck();
  while (deck.slides.length < contentSlides + 2) deck = addSlide(deck);
  return deck;
}

describe('splitDeck', () => {
  it('leaves a deck that fits alone', () => {
    const deck = deckOf(10);
    expect(splitDeck(deck)).toEqual([deck]);
  });

  it('splits 30 slides into parts of at most 20, each closed by the outro, titles numbered', () => {
    const deck = deckOf(28);
    expect(deck.slides).toHaveLength(30);
    const parts = splitDeck(deck);
    expect(parts.map((p) => p.slides.length)).toEqual([20, 11]);
    expect(parts.every((p) => p.slides.at(-1)?.kind === 'outro')).toBe(true);
    expect(parts.map((p) => p.title)).toEqual(['The hook (1/2)', 'The hook (2/2)']);
    expect(parts.flatMap((p) => p.slides.slice(0, -1).map((s) => s.id))).toEqual(deck.slides.slice(0, -1).map((s) => s.id));
  });

  it('counts the pages long slides continue over', () => {
    const deck = deckOf(10);
    const parts = splitDeck(deck, { max: 10, pages: { s2: 4, s3: 4 } });
    expect(parts.every((p) => p.slides.reduce((n, s) => n + ({ s2: 4, s3: 4 }[s.id] ?? 1), 0) <= 10)).toBe(true);
    expect(parts).toHaveLength(2);
  });

  it('refuses a meaningless limit', () => {
    expect(() => splitDeck(sampleDeck(), { max: 1 })).toThrow(/at least 2/);
  });
});
