import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleTextToDocument } from '../../src/sources/article-text.js';
import { markdownToDocument } from '../../src/sources/markdown.js';
import { condenseArticle, defaultSlideCount } from '../../src/condense/condense.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign } from '../../src/design/resolve.js';
import { compositionOf } from '../../src/layout/layout-deck.js';
import { blockText, spansText, type SpoolDocument } from '../../src/model/document.js';
import type { ArticleItem } from '../../src/sources/split-posts.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every sentence of every content slide, checked against the source text: extractive means found there. */
function expectExtractive(document: SpoolDocument, source: string) {
  const haystack = squash(source);
  for (const post of document.posts) {
    for (const block of post.blocks) {
      // A clause cut short ends in "…": the words before it are the author's.
      for (const piece of squash(blockText(block)).split(/…/)) {
        if (piece.trim()) expect(haystack, `post ${post.id}`).toContain(piece.trim());
      }
    }
  }
}

describe('condensing the article fixtures', () => {
  const cases = [
    { name: 'kd-article.txt', title: 'Everything You Need to Know about Knowledge Distillation' },
    { name: 'distillation-blog.txt', title: 'The problem: big models are expensive to serve' },
  ];
  for (const { name, title } of cases) {
    it(`${name}: 8-12 slides, the headline on the cover, every sentence the author's`, () => {
      const source = fixture(name);
      const { document } = articleTextToDocument(source, { condense: true });
      const deck = planDeck(document, resolveDesign({}));
      expect(deck.slides.length).toBeGreaterThanOrEqual(8);
      expect(deck.slides.length).toBeLessThanOrEqual(12);
      expect(deck.slides[0].kind).toBe('cover');
      expect(spansText(deck.slides[0].title ?? [])).toBe(title);
      // The cover's subtitle is on the cover, not a slide of its own.
      expect(deck.slides[0].blocks.map(blockText)).toEqual([document.subtitle]);
      expect(deck.slides.filter((s) => s.kind === 'content').map((s) => s.blocks.map(blockText).join(' '))).not.toContain(document.subtitle);
      expect(deck.slides.filter((s) => s.kind === 'section')).toEqual([]);
      expectExtractive(document, source);
      for (const slide of deck.slides.filter((s) => s.kind === 'content')) {
        const words = slide.blocks.map(blockText).join(' ').split(/\s+/).filter(Boolean).length;
        expect(words, slide.id).toBeLessThanOrEqual(50);
      }
    });
  }

  it('kd-article: its sections title their slides, the key idea and the question with its answer are kept', () => {
    const { document } = articleTextToDocument(fixture('kd-article.txt'), { condense: true });
    const deck = planDeck(document, resolveDesign({}));
    const titles = deck.slides.filter((s) => s.kind === 'content' && s.title).map((s) => spansText(s.title!));
    expect(titles).toEqual(['When did knowledge distillation appear as a technique?', 'A detailed explanation of knowledge distillation', 'Types of knowledge distillation']);
    const text = deck.slides.map((s) => s.blocks.map(blockText).join(' ')).join('\n');
    expect(text).toContain('So, what is the key idea behind KD? It enables to transfer knowledge');
    expect(text).toContain('The student is optimized to mimic the teacher’s behavior, not just outputs.');
    // The promotion at the end (links, "Follow to be the first…") is not a point of the article.
    expect(text).not.toMatch(/https?:\/\/|Follow to be the first/);
  });

  it('distillation-blog: passes over sentences where mis-decoding lost characters for good, when others say the point', () => {
    const source = fixture('distillation-blog.txt');
    // The blog's dashes and arrows were lost in a Thai code page; a lone "โ" is what is left of each.
    expect(source.match(/\sโ\s/g)?.length).toBeGreaterThan(3);
    const { document } = articleTextToDocument(source, { condense: true });
    const text = document.posts.map((p) => p.blocks.map(blockText).join(' ')).join('\n');
    expect(text).not.toMatch(/\sโ(\s|$)/m);
  });

  it('distillation-blog: a sentence that only announces the next ("Now look at…") is not the section’s point', () => {
    const { document } = articleTextToDocument(fixture('distillation-blog.txt'), { condense: true });
    const trick = document.posts.find((p) => p.blocks[0].type === 'heading' && blockText(p.blocks[0]).startsWith('The trick'))!;
    const said = trick.blocks.slice(1).map(blockText).join(' ');
    expect(said).not.toMatch(/^Now look at/);
    expect(said).toContain('the runner-up probabilities carry information');
  });

  it('records where each post came from, and keeps the article it was chosen from', () => {
    const { document } = articleTextToDocument(fixture('kd-article.txt'), { condense: true });
    const blocks = document.source!.blocks;
    expect(blocks.length).toBeGreaterThan(15);
    for (const post of document.posts) {
      expect(post.from!.length).toBeGreaterThan(0);
      const origin = post.from!.map((i) => squash(blockText(blocks[i]))).join(' ');
      for (const block of post.blocks) for (const piece of squash(blockText(block)).split('…')) if (piece.trim()) expect(origin).toContain(piece.trim());
    }
  });

  it('makes the number of slides asked for, and by default 8-12 by length', () => {
    const source = fixture('kd-article.txt');
    for (const slides of [5, 8, 12]) {
      const { document } = articleTextToDocument(source, { condense: { slides } });
      expect(planDeck(document, resolveDesign({})).slides).toHaveLength(slides);
    }
    expect([300, 950, 2000, 10_000].map(defaultSlideCount)).toEqual([8, 10, 12, 12]);
  });

  it('an article with nothing worth a slide keeps its text as posts rather than coming out empty', () => {
    const { document } = articleTextToDocument('A list of links\nRead it at https://example.com/a', { condense: true });
    expect(document.title).toBe('A list of links');
    expect(document.source).toBeUndefined();
    expect(document.posts.map((p) => p.blocks.map(blockText).join(' '))).toEqual(['Read it at https://example.com/a']);
  });

  it('--full keeps every paragraph, as before', () => {
    const { document } = articleTextToDocument(fixture('kd-article.txt'));
    expect(document.source).toBeUndefined();
    expect(document.posts.length).toBeGreaterThan(15);
  });
});

describe('what condensing makes of structure', () => {
  const article = [
    '---',
    'title: Ship smaller pull requests',
    'description: Why small changes land faster, and how to cut yours down',
    'date: 2025-03-12',
    '---',
    '',
    'Big pull requests wait. A change of 800 lines waits three days for review; one of 80 lines waits four hours. Reviewers open small changes first because they can finish them.',
    '',
    '## How to cut a change down',
    '',
    'Split by layer before you split by feature. There are four steps:',
    '',
    '1. Land the refactor on its own, with no behaviour change.',
    '2. Add the new code behind a flag, unused.',
    '3. Switch the flag on for your team and watch the graphs.',
    '4. Delete the old path once nobody misses it.',
    '',
    '## What reviewers say',
    '',
    '> A small change is a change I can say yes to before lunch.',
    '',
    'Teams that adopted the rule merged twice as often within a month. Review comments per change went down too, which nobody expected.',
    '',
    '## The numbers',
    '',
    '73% of the changes merged the same day once the rule held. Before it, most waited overnight.',
  ].join('\n');

  it('a Markdown article: front-matter title and dek on the cover with its date, a list as steps, a quote as a quote', () => {
    const { document } = markdownToDocument(article, { condense: { slides: 7 } });
    expect(document.title).toBe('Ship smaller pull requests');
    expect(document.subtitle).toBe('Why small changes land faster, and how to cut yours down');
    const deck = planDeck(document, resolveDesign({}));
    expect(deck.slides[0].blocks.map(blockText)).toEqual(['Why small changes land faster, and how to cut yours down', '12 March 2025']);
    const layouts = deck.slides.map((s) => (s.kind === 'content' ? compositionOf(s, 'auto') : s.kind));
    expect(layouts).toContain('steps');
    expect(layouts).toContain('quote');
    // A section that opens on a figure is a stat, standing alone as a quotation does.
    expect(layouts).toContain('stat');
    const stat = deck.slides.find((s) => s.kind === 'content' && compositionOf(s, 'auto') === 'stat')!;
    expect(blockText(stat.blocks[0])).toMatch(/^73% of the changes merged the same day/);
    const steps = deck.slides.find((s) => s.kind === 'content' && compositionOf(s, 'auto') === 'steps')!;
    expect(steps.blocks.filter((b) => b.type === 'listItem').map((b) => b.ordinal)).toEqual([1, 2, 3, 4]);
    expect(spansText(steps.title ?? [])).toBe('How to cut a change down');
    expectExtractive(document, article);
  });

  it('a plain-text article gets its title line on the cover, a first sentence as subtitle when there is no dek', () => {
    const text = ['Why small pull requests win', article.split('\n').slice(6).filter((l) => !l.startsWith('#') && !l.startsWith('>') && !/^\d\./.test(l)).join('\n')].join('\n');
    const { document } = articleTextToDocument(text, { condense: true });
    expect(document.title).toBe('Why small pull requests win');
    expect(document.subtitle).toBe('Big pull requests wait.');
    const deck = planDeck(document, resolveDesign({}));
    expect(deck.slides.map((s) => s.blocks.map(blockText).join(' ')).slice(1).join(' ')).not.toMatch(/^Big pull requests wait\./);
  });

  it('never throws and stays extractive on arbitrary articles', () => {
    const sentence = fc.stringMatching(/^[A-Z][a-z]{1,8}( [a-z0-9%]{1,9}){2,30}[.?!:]$/);
    const item = fc.oneof(
      fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s): ArticleItem => ({ kind: 'block', block: { type: 'paragraph', spans: [{ text: s.join(' ') }] } })),
      sentence.map((s): ArticleItem => ({ kind: 'block', block: { type: 'heading', level: 2, spans: [{ text: s.slice(0, -1) }] } })),
      sentence.map((s): ArticleItem => ({ kind: 'block', block: { type: 'listItem', ordered: true, spans: [{ text: s }] } })),
      sentence.map((s): ArticleItem => ({ kind: 'block', block: { type: 'quote', spans: [{ text: s }] } })),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), fc.integer({ min: 3, max: 20 }), (items, slides) => {
        const { drafts, blocks } = condenseArticle(items, { slides });
        expect(drafts.length).toBeLessThanOrEqual(slides - 2);
        const all = squash(items.map((i) => (i.kind === 'block' ? blockText(i.block) : '')).join(' '));
        for (const d of drafts) {
          expect(d.from.every((i) => i >= 0 && i < blocks.length)).toBe(true);
          for (const b of d.blocks) for (const piece of squash(blockText(b)).split('…')) if (piece.trim()) expect(all).toContain(piece.trim());
        }
      }),
      { numRuns: 150 },
    );
  });
});
