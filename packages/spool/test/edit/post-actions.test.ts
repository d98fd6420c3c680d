import { describe, expect, it } from 'vitest';
import { applyImage, applyPostToSlide, insertPostAsSlide, slideFromPost } from '../../src/edit/index.js';
import { image, newPost, sampleDeck, texts } from './deck-fixture.js';

const heading = { id: 'h', author: { name: 'A', handle: 'a' }, blocks: [{ type: 'heading' as const, level: 2, spans: [{ text: 'Part two' }] }], media: [] };

describe('post actions', () => {
  it('makes a slide from a post the way the planner does', () => {
    expect(slideFromPost(newPost(), 'x')).toMatchObject({ id: 'x', kind: 'content', postIds: ['p9'], author: { handle: 'ada' } });
    expect(slideFromPost(heading, 'y')).toMatchObject({ kind: 'section', title: [{ text: 'Part two' }], blocks: [] });
    expect(slideFromPost(newPost('i', 'caption', [image]), 'z').kind).toBe('content');
    expect(slideFromPost({ ...newPost('i'), blocks: [], media: [image] }, 'z').kind).toBe('image');
  });

  it('inserts a post as a new slide before the outro, or at an index', () => {
    const deck = insertPostAsSlide(sampleDeck(), { post: newPost() });
    expect(texts(deck)).toEqual(['The hook', 'Second post', 'Third post', 'Dropped text', expect.any(String)]);
    expect(deck.slides[3].id).toBe('s5');
    const first = insertPostAsSlide(sampleDeck(), { post: newPost(), at: 1 });
    expect(texts(first)[1]).toBe('Dropped text');
  });

  it('replaces a content slide’s text and images with the post’s', () => {
    const deck = applyPostToSlide(sampleDeck(), { post: newPost(), slideId: 's3', mode: 'replace' });
    expect(deck.slides[2]).toMatchObject({ id: 's3', kind: 'content', media: [], postIds: ['p9'] });
    expect(texts(deck)[2]).toBe('Dropped text');
  });

  it('keeps a cover a cover: the post’s opening becomes its title', () => {
    const deck = applyPostToSlide(sampleDeck(), { post: newPost(), slideId: 's1', mode: 'replace' });
    expect(deck.slides[0]).toMatchObject({ kind: 'cover', title: [{ text: 'Dropped text' }], blocks: [] });
  });

  it('appends the post’s text and images after the slide’s own', () => {
    const deck = applyPostToSlide(sampleDeck(), { post: newPost('p9', 'More', [image]), slideId: 's3', mode: 'append' });
    expect(texts(deck)[2]).toBe('Third postMore');
    expect(deck.slides[2].media).toHaveLength(2);
    expect(deck.slides[2].postIds).toEqual(['3', 'p9']);
  });

  it('caps a slide at four images when appending', () => {
    let deck = sampleDeck();
    for (let i = 0; i < 5; i++) deck = applyPostToSlide(deck, { post: newPost(`p${i}`, 'x', [image]), slideId: 's3', mode: 'append' });
    expect(deck.slides[2].media).toHaveLength(4);
  });

  it('never lets later slide edits reach the post', () => {
    const post = newPost();
    const deck = insertPostAsSlide(sampleDeck(), { post });
    deck.slides[3].blocks[0].spans[0].text = 'changed';
    expect(post.blocks[0].spans[0].text).toBe('Dropped text');
  });

  it('applies a post’s images to a slide in place of its own', () => {
    const other = { type: 'image' as const, src: 'asset:other' };
    const deck = applyImage(sampleDeck(), { slideId: 's3', media: [other] });
    expect(deck.slides[2].media).toEqual([other]);
    expect(() => applyImage(sampleDeck(), { slideId: 's3', media: [] })).toThrow(/no images/);
  });
});
