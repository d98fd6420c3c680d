import { describe, expect, it } from 'vitest';
import { removeSlideImage, setSlideImage, setSlideLayout, updateSlideText } from '../../src/edit/index.js';
import { image, sampleDeck } from './deck-fixture.js';

describe('content actions', () => {
  it('sets a slide’s title and body, leaving what is not given', () => {
    const blocks = [{ type: 'paragraph' as const, spans: [{ text: 'Typed', bold: true }] }];
    const deck = updateSlideText(sampleDeck(), { slideId: 's2', title: [{ text: 'A title' }] });
    expect(deck.slides[1]).toMatchObject({ title: [{ text: 'A title' }], blocks: [{ spans: [{ text: 'Second post' }] }] });
    const both = updateSlideText(deck, { slideId: 's2', blocks });
    expect(both.slides[1]).toMatchObject({ title: [{ text: 'A title' }], blocks });
  });

  it('removes the title when it is cleared', () => {
    const deck = updateSlideText(sampleDeck(), { slideId: 's2', title: [{ text: 'A title' }] });
    expect('title' in updateSlideText(deck, { slideId: 's2', title: [{ text: '  ' }] }).slides[1]).toBe(false);
  });

  it('gives a slide its own layout and takes it back', () => {
    const deck = setSlideLayout(sampleDeck(), { slideId: 's2', layout: 'post-card' });
    expect(deck.slides[1].layout).toBe('post-card');
    expect('layout' in setSlideLayout(deck, { slideId: 's2', layout: undefined }).slides[1]).toBe(false);
    expect(() => setSlideLayout(deck, { slideId: 's2', layout: 'nope' })).toThrow(/unknown layout/);
  });

  it('changes, adds and removes a slide’s images', () => {
    const other = { type: 'image' as const, src: 'asset:other' };
    const changed = setSlideImage(sampleDeck(), { slideId: 's3', media: other, index: 0 });
    expect(changed.slides[2].media).toEqual([other]);
    const added = setSlideImage(sampleDeck(), { slideId: 's3', media: other });
    expect(added.slides[2].media).toEqual([image, other]);
    expect(() => setSlideImage(sampleDeck(), { slideId: 's3', media: other, index: 5 })).toThrow(/outside/);
    expect(removeSlideImage(added, { slideId: 's3', index: 0 }).slides[2].media).toEqual([other]);
    expect(removeSlideImage(added, { slideId: 's3' }).slides[2].media).toEqual([]);
    expect(() => removeSlideImage(sampleDeck(), { slideId: 's2', index: 0 })).toThrow(/no image/);
  });
});
