import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/model/document.js';
import { countWords, sentenceStarts } from '../../src/model/sentences.js';
import { cutBlock, sliceSpans, splitIntoPosts, type ArticleItem } from '../../src/sources/split-posts.js';

const para = (text: string): ArticleItem => ({ kind: 'block', block: { type: 'paragraph', spans: [{ text }] } });
const heading = (text: string): ArticleItem => ({ kind: 'block', block: { type: 'heading', level: 2, spans: [{ text }] } });
const sentence = (n: number, i: number) => `Sentence ${i} ${'word '.repeat(n - 3)}ends.`;
const paragraphOf = (sizes: number[]) => sizes.map((n, i) => sentence(n, i)).join(' ');

describe('sentenceStarts', () => {
  it('breaks after sentence punctuation before a capital, not after abbreviations or decimals', () => {
    const text = 'Dr. Smith met Mr. Jones at 3.5 p.m. today. It went well! “Really?” Yes. e.g. this. J. R. R. Tolkien wrote.';
    const starts = sentenceStarts(text).map((i) => text.slice(i, i + 8));
    expect(starts).toEqual(['It went ', '“Really?', 'Yes. e.g', 'J. R. R.']);
  });

  it('breaks after CJK full stops', () => {
    expect(sentenceStarts('今日は晴れ。明日は雨です。')).toEqual([6]);
  });

  it('counts words, CJK by pairs of characters', () => {
    expect(countWords('  one two\tthree ')).toBe(3);
    expect(countWords('我们今天发布')).toBe(3);
  });
});

describe('splitIntoPosts', () => {
  it('gives each heading its own post and packs the paragraphs under it while they fit', () => {
    const drafts = splitIntoPosts([heading('Intro'), para(sentence(30, 1)), para(sentence(30, 2)), para(sentence(40, 3)), heading('Next'), para('Short.')]);
    expect(drafts.map((d) => d.blocks.map((b) => countWords(blockText(b))))).toEqual([[1], [30, 30], [40], [1], [1]]);
    expect(drafts[0].blocks[0].type).toBe('heading');
  });

  it('cuts a long paragraph at sentence boundaries into even pieces', () => {
    const drafts = splitIntoPosts([para(paragraphOf([20, 20, 20, 20, 20, 20, 20, 20, 20]))]);
    const sizes = drafts.map((d) => countWords(d.blocks.map(blockText).join(' ')));
    expect(sizes).toEqual([60, 60, 60]);
    for (const d of drafts) expect(blockText(d.blocks[0])).toMatch(/^Sentence \d+ .* ends\.$/);
  });

  it('keeps a sentence longer than a post whole', () => {
    const drafts = splitIntoPosts([para(`${sentence(120, 1)} ${sentence(10, 2)}`)], { maxWords: 90 });
    expect(drafts.map((d) => countWords(blockText(d.blocks[0])))).toEqual([120, 10]);
  });

  it('makes images their own posts and carries repair flags', () => {
    const drafts = splitIntoPosts([
      { ...para('Before.'), repaired: true },
      { kind: 'image', media: { type: 'image', src: 'a.png' } },
      { ...para('After.'), unrecoverable: true },
    ]);
    expect(drafts).toEqual([
      { blocks: [{ type: 'paragraph', spans: [{ text: 'Before.' }] }], media: [], repaired: true, unrecoverable: false },
      { blocks: [], media: [{ type: 'image', src: 'a.png' }], repaired: false, unrecoverable: false },
      { blocks: [{ type: 'paragraph', spans: [{ text: 'After.' }] }], media: [], repaired: false, unrecoverable: true },
    ]);
  });

  it('respects configured limits', () => {
    const drafts = splitIntoPosts([para(paragraphOf([10, 10, 10, 10, 10, 10]))], { minWords: 20, maxWords: 25 });
    expect(drafts.map((d) => countWords(blockText(d.blocks[0])))).toEqual([20, 20, 20]);
  });

  it('never loses text and never passes the limit unless one sentence does (property)', () => {
    const sizes = fc.array(fc.integer({ min: 3, max: 40 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(sizes, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const texts = paragraphs.map(paragraphOf);
        const drafts = splitIntoPosts(texts.map(para));
        const out = drafts.flatMap((d) => d.blocks.map(blockText)).join(' ');
        expect(out.split(/\s+/)).toEqual(texts.join(' ').split(/\s+/));
        for (const d of drafts) expect(countWords(d.blocks.map(blockText).join(' '))).toBeLessThanOrEqual(90);
      }),
    );
  });
});

describe('cutBlock and sliceSpans', () => {
  it('keeps marks across cuts and the bullet on the first piece only', () => {
    const block: Block = {
      type: 'listItem',
      ordered: true,
      ordinal: 2,
      spans: [{ text: `${sentence(8, 1)} ` }, { text: 'Bold start', bold: true }, { text: ` ${'x '.repeat(5)}end.` }],
    };
    const pieces = cutBlock(block, 10);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toMatchObject({ type: 'listItem', ordinal: 2 });
    expect(pieces[1].type).toBe('paragraph');
    expect(pieces[1].spans[0]).toEqual({ text: 'Bold start', bold: true });
    expect(sliceSpans([{ text: 'ab ' }, { text: ' cd', italic: true }], 1, 5)).toEqual([{ text: 'b ' }, { text: ' c', italic: true }]);
  });
});
