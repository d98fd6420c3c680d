import { describe, expect, it } from 'vitest';
import { planDeck } from '../../src/plan/plan-deck.js';
import { defaultDesign } from '../../src/design/defaults.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { blockText } from '../../src/model/document.js';
import { doc, para, post, words } from '../helpers/documents.js';

const heading = (t: string) => ({ type: 'heading' as const, level: 2, spans: [{ text: t }] });
const item = (t: string) => ({ type: 'listItem' as const, ordered: true, ordinal: 1, spans: [{ text: t }] });
const image = { type: 'image' as const, src: 'a.png', alt: 'chart' };

describe('planDeck', () => {
  it('makes a cover, one slide per post, no cap, and an outro', () => {
    // Each post a finished sentence, so none is joined to the next as one thought.
    const posts = Array.from({ length: 250 }, (_, i) => post(String(i + 1), [para(words(20, i).replace(/\.?$/, '.'))]));
    const deck = planDeck(doc(posts), defaultDesign());
    expect(deck.slides[0].kind).toBe('cover');
    expect(deck.slides.filter((s) => s.kind === 'content')).toHaveLength(249);
    expect(deck.slides.at(-1)?.kind).toBe('outro');
    expect(deck.slides.map((s) => s.id)).toEqual([...new Set(deck.slides.map((s) => s.id))]);
  });

  it('turns a heading-only post into a section slide, or the next slide’s title', () => {
    const posts = [post('1', [para('Hook')]), post('2', [heading('Part one')]), post('3', [para('Body')])];
    const asSection = planDeck(doc(posts), defaultDesign());
    expect(asSection.slides.map((s) => s.kind)).toEqual(['cover', 'section', 'content', 'outro']);
    const asTitle = planDeck(doc(posts), resolveDesign({ plan: { headings: 'title' } }));
    expect(asTitle.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'outro']);
    expect(asTitle.slides[1].title?.[0].text).toBe('Part one');
    expect(asTitle.slides[1].postIds).toEqual(['2', '3']);
  });

  it('titles a post that opens on a heading with it, and puts an article’s dek and date under its headline', () => {
    const d = doc([post('1', [para('Hook')]), post('2', [{ type: 'heading', level: 2, spans: [{ text: 'Why it works' }] }, para('Because it does.')])]);
    const deck = planDeck({ ...d, title: 'The headline', subtitle: 'The dek', date: '3 June 2025' }, defaultDesign());
    expect(deck.slides[0]).toMatchObject({ kind: 'cover', title: [{ text: 'The headline' }] });
    expect(deck.slides[0].blocks.map(blockText)).toEqual(['The dek', '3 June 2025']);
    const titled = deck.slides.find((s) => s.postIds.includes('2'))!;
    expect(titled.title).toEqual([{ text: 'Why it works' }]);
    expect(titled.blocks.map(blockText)).toEqual(['Because it does.']);
  });

  it('keeps a trailing heading as a section when nothing follows it', () => {
    const deck = planDeck(doc([post('1', [para('Hook')]), post('2', [heading('The end')])]), resolveDesign({ plan: { headings: 'title' } }));
    expect(deck.slides.map((s) => s.kind)).toEqual(['cover', 'section', 'outro']);
  });

  it('makes image-only posts image slides or attaches them to the slide before', () => {
    const posts = [post('1', [para('Hook')]), post('2', [para('Text')]), post('3', [], [image])];
    expect(planDeck(doc(posts), defaultDesign()).slides.map((s) => s.kind)).toEqual(['cover', 'content', 'image', 'outro']);
    const attached = planDeck(doc(posts), resolveDesign({ plan: { images: 'attach' } }));
    expect(attached.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'outro']);
    expect(attached.slides[1].media).toEqual([image]);
  });

  it('renumbers list items that each restart at 1 across posts', () => {
    const posts = [post('1', [para('Hook')]), post('2', [para('Steps:')]), post('3', [item('a')]), post('4', [item('b')]), post('5', [item('c')])];
    const deck = planDeck(doc(posts), resolveDesign({ layout: 'classic' }));
    expect(deck.slides.slice(2, 5).map((s) => s.blocks[0].ordinal)).toEqual([1, 2, 3]);
  });

  it('in auto layout gathers a list split over posts onto one slide, its introduction as the title', () => {
    const posts = [post('1', [para('Hook')]), post('2', [para('Three steps:')]), post('3', [item('a')]), post('4', [item('b')]), post('5', [item('c')]), post('6', [para('After.')])];
    const deck = planDeck(doc(posts), defaultDesign());
    expect(deck.slides.map((s) => s.kind)).toEqual(['cover', 'content', 'content', 'outro']);
    const steps = deck.slides[1];
    expect(steps.title?.map((s) => s.text).join('')).toBe('Three steps:');
    expect(steps.blocks.map((b) => [blockText(b), b.ordinal])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(steps.postIds).toEqual(['2', '3', '4', '5']);
  });

  it('leaves lists that already count up alone and does not mutate the document', () => {
    const d = doc([post('1', [para('x')]), post('2', [{ ...item('a'), ordinal: 3 }]), post('3', [{ ...item('b'), ordinal: 4 }])]);
    const deck = planDeck(d, resolveDesign({ layout: 'classic' }));
    expect(deck.slides.slice(1, 3).map((s) => s.blocks[0].ordinal)).toEqual([3, 4]);
    expect(d.posts[2].blocks[0].ordinal).toBe(4);
  });

  it('splits a long first post: the opening sentence is the hook, the rest a content slide', () => {
    const rest = `The ${words(60).replaceAll('.', '')}`;
    const deck = planDeck(doc([post('1', [para(`A short hook sentence. ${rest}`)])]), defaultDesign());
    expect(deck.slides[0].title?.map((s) => s.text).join('')).toBe('A short hook sentence.');
    expect(blockText(deck.slides[1].blocks[0])).toBe(rest);
  });

  it('opens on the document title when it has one, and gives the first post a slide of its own', () => {
    const d = { ...doc([post('1', [para('The first post of the piece.')]), post('2', [para('Two.')])]), title: 'The headline' };
    const deck = planDeck(d, defaultDesign());
    expect(deck.slides[0]).toMatchObject({ kind: 'cover', title: [{ text: 'The headline' }], blocks: [] });
    expect(deck.slides.slice(1, 3).map((s) => blockText(s.blocks[0]))).toEqual(['The first post of the piece.', 'Two.']);
    // A first post that opens with the title is the hook itself: no cover says it twice.
    const same = planDeck({ ...d, title: 'The first post' }, defaultDesign());
    expect(same.slides[0].title?.map((s) => s.text).join('')).toBe('The first post of the piece.');
    expect(same.slides[1].blocks.map(blockText)).toEqual(['Two.']);
  });

  it('fills the outro from up to three CTA lines with the author', () => {
    const design = resolveDesign({ cta: { lines: ['Liked it?', 'Follow {handle}', ''] } });
    const deck = planDeck(doc([post('1', [para('Hook')])]), design);
    expect(deck.slides.at(-1)?.blocks.map(blockText)).toEqual(['Liked it?', 'Follow @ada']);
    expect(planDeck(doc([post('1', [para('Hook')])]), resolveDesign({ cta: { enabled: false } })).slides.at(-1)?.kind).toBe('cover');
  });
});
