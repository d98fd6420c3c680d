import { describe, expect, it } from 'vitest';
import { addSlide, deleteSlide, duplicateSlide, moveSlide, nextSlideId, updateSlide } from '../../src/edit/index.js';
import { sampleDeck, texts } from './deck-fixture.js';

describe('slide actions', () => {
  it('numbers new slides after the highest s<n> id', () => {
    expect(sampleDeck().slides.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(nextSlideId(sampleDeck())).toBe('s5');
  });

  it('adds a blank content slide before the outro by default, with the deck author', () => {
    const deck = addSlide(sampleDeck());
    expect(deck.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'content', 'content', 'outro']);
    expect(deck.slides[3]).toMatchObject({ id: 's5', blocks: [], media: [], postIds: [], author: { handle: 'ada' } });
  });

  it('adds at a given index with given content and refuses a taken id', () => {
    const deck = addSlide(sampleDeck(), { at: 0, slide: { blocks: [{ type: 'paragraph', spans: [{ text: 'First!' }] }] } });
    expect(texts(deck)[0]).toBe('First!');
    expect(() => addSlide(sampleDeck(), { id: 's2' })).toThrow(/taken/);
  });

  it('duplicates a slide right after itself under a new id, sharing nothing', () => {
    const before = sampleDeck();
    const deck = duplicateSlide(before, { slideId: 's2' });
    expect(deck.slides.map((s) => s.id)).toEqual(['s1', 's2', 's5', 's3', 's4']);
    expect(deck.slides[2]).toEqual({ ...before.slides[1], id: 's5' });
    expect(deck.slides[2].blocks).not.toBe(before.slides[1].blocks);
  });

  it('deletes a slide and shares the untouched ones', () => {
    const before = sampleDeck();
    const deck = deleteSlide(before, { slideId: 's2' });
    expect(deck.slides.map((s) => s.id)).toEqual(['s1', 's3', 's4']);
    expect(deck.slides[1]).toBe(before.slides[2]);
    expect(() => deleteSlide(before, { slideId: 'nope' })).toThrow(/no slide/);
  });

  it('moves a slide to an index of the result, clamping out-of-range targets', () => {
    const deck = sampleDeck();
    expect(moveSlide(deck, { slideId: 's1', to: 2 }).slides.map((s) => s.id)).toEqual(['s2', 's3', 's1', 's4']);
    expect(moveSlide(deck, { slideId: 's4', to: 0 }).slides.map((s) => s.id)).toEqual(['s4', 's1', 's2', 's3']);
    expect(moveSlide(deck, { slideId: 's2', to: 99 }).slides.map((s) => s.id)).toEqual(['s1', 's3', 's4', 's2']);
    expect(moveSlide(deck, { slideId: 's2', to: 1 })).toBe(deck);
  });

  it('returns the same deck when an update changes nothing', () => {
    const deck = sampleDeck();
    expect(updateSlide(deck, 's2', (s) => s)).toBe(deck);
  });
});
