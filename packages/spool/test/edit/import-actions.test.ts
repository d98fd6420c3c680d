import { describe, expect, it } from 'vitest';
import { addPosts, appendPostSlides } from '../../src/edit/import-actions.js';
import { doc, para, post } from '../helpers/documents.js';
import { deepFreeze, sampleDeck, texts } from './deck-fixture.js';

describe('addPosts', () => {
  it('keeps every post the document had and adds the imported ones after them, renaming taken ids', () => {
    const document = deepFreeze(doc([post('1', [para('One')]), post('2', [para('Two')])]));
    const { document: merged, added } = addPosts(document, [post('2', [para('New two')]), post('7', [para('Seven')])]);
    expect(merged.posts.map((p) => p.id)).toEqual(['1', '2', '2-2', '7']);
    expect(added.map((p) => p.id)).toEqual(['2-2', '7']);
    expect(merged.posts[0]).toBe(document.posts[0]);
  });

  it('brings a condensed article’s paragraphs into an empty document, and leaves its references out of a full one', () => {
    const source = { blocks: [para('The article’s first paragraph.'), para('Its second.')] };
    const condensed = [{ ...post('1', [para('Its second.')]), from: [1] }];
    const empty = addPosts(doc([]), condensed, source);
    expect(empty.document.source).toBe(source);
    expect(empty.added[0].from).toEqual([1]);
    const full = addPosts(doc([post('1', [para('Mine')])]), condensed, source);
    expect(full.document.source).toBeUndefined();
    expect(full.added[0]).not.toHaveProperty('from');
    expect(full.added[0].id).toBe('1-2');
  });
});

describe('appendPostSlides', () => {
  it('plans slides for the new posts only, with the deck design, and puts them before the outro', () => {
    const deck = sampleDeck();
    const next = appendPostSlides(deck, [post('a', [para('Imported first')]), post('b', [para('Imported second')])]);
    expect(next.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'content', 'content', 'content', 'outro']);
    expect(texts(next).slice(3, 5)).toEqual(['Imported first', 'Imported second']);
    // What was there is untouched, and every id is unique.
    expect(next.slides.slice(0, 3)).toEqual(deck.slides.slice(0, 3));
    expect(new Set(next.slides.map((s) => s.id)).size).toBe(next.slides.length);
  });
});
