import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleTextToDocument } from '../../src/sources/article-text.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { applyRewrittenSlides, slidesForRewrite } from '../../src/edit/rewrite-slides.js';
import { blockText, spansText } from '../../src/model/document.js';

const { document } = articleTextToDocument(readFileSync(path.resolve(__dirname, '../fixtures/kd-article.txt'), 'utf8'), { condense: true });
const deck = planDeck(document, resolveDesign({}));

describe('rewriting the studio’s slides', () => {
  it('sends each prose slide as a post keyed by its id, its title as a heading, with the article', () => {
    const sent = slidesForRewrite(deck, document);
    expect(sent.title).toBe('Everything You Need to Know about Knowledge Distillation');
    expect(sent.source).toBe(document.source);
    const ids = deck.slides.filter((s) => s.kind === 'content').map((s) => s.id);
    expect(sent.posts.map((p) => p.id).every((id) => ids.includes(id))).toBe(true);
    const titled = sent.posts.find((p) => p.blocks[0].type === 'heading')!;
    expect(spansText(deck.slides.find((s) => s.id === titled.id)!.title!)).toBe(blockText(titled.blocks[0]));
  });

  it('puts the answer back on the same slides, titles kept, and the hook on the cover', () => {
    const sent = slidesForRewrite(deck, document);
    const target = sent.posts[1];
    const answer = {
      ...sent,
      title: 'Small models, big teachers',
      posts: [{ ...target, blocks: [...target.blocks.filter((b) => b.type === 'heading'), { type: 'paragraph' as const, spans: [{ text: 'Tighter.' }] }] }, { ...target, id: 'gone' }],
    };
    const next = applyRewrittenSlides(deck, answer);
    const slide = next.slides.find((s) => s.id === target.id)!;
    expect(slide.blocks.map(blockText)).toEqual(['Tighter.']);
    expect(slide.title).toEqual(deck.slides.find((s) => s.id === target.id)!.title);
    expect(spansText(next.slides[0].title!)).toBe('Small models, big teachers');
    // Untouched slides are the same objects.
    expect(next.slides[2] === deck.slides[2] || next.slides[2].id === target.id).toBe(true);
    expect(applyRewrittenSlides(deck, { ...sent, posts: [] })).toBe(deck);
  });
});
