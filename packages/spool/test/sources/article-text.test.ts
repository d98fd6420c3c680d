import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, type Post } from '../../src/model/document.js';
import { parseDocument } from '../../src/model/schema.js';
import { articleTextToDocument, parseArticleText } from '../../src/sources/article-text.js';
import { countWords } from '../../src/model/sentences.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const words = (post: Post) => countWords(post.blocks.map(blockText).join(' '));
const isHeadingPost = (post: Post) => post.blocks.length === 1 && post.blocks[0].type === 'heading';

describe('the article fixture', () => {
  const source = fixture('kd-article.txt');
  const { document, warnings } = articleTextToDocument(source, { author: 'Turing Post', handle: 'TheTuringPost' }, 'kd-article.txt');

  it('takes the first line as the title and finds the bare-line headings', () => {
    expect(document.title).toBe('Everything You Need to Know about Knowledge Distillation');
    const headings = document.posts.filter(isHeadingPost).map((p) => blockText(p.blocks[0]));
    expect(headings).toEqual([
      'When did knowledge distillation appear as a technique?',
      'A detailed explanation of knowledge distillation',
      'Types of knowledge distillation',
    ]);
    expect(parseDocument(document, 'kd-article.txt')).toEqual(document);
    expect(warnings).toEqual([]);
  });

  it('splits paragraphs into slide-sized posts at sentence boundaries without losing a word', () => {
    for (const post of document.posts) expect(words(post)).toBeLessThanOrEqual(90);
    const long = document.posts.filter((p) => !isHeadingPost(p));
    expect(long.length).toBeGreaterThan(8);
    // A piece of a cut paragraph ends where a sentence ends; uncut paragraphs end as they did.
    const sourceLines = source.split('\n').map((l) => l.trim());
    for (const block of long.flatMap((p) => p.blocks)) {
      const text = blockText(block);
      expect(sourceLines.some((l) => l.endsWith(text)) || /[.!?…:]$/.test(text), text).toBe(true);
    }
    const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean);
    // The dek is the cover's subtitle, never a slide: every word is still there, in the document.
    expect(document.subtitle).toBe(sourceLines[1]);
    const out = [document.subtitle, ...document.posts.flatMap((p) => p.blocks.map(blockText))].join(' ');
    const expected = sourceLines.slice(1).join(' ');
    expect(wordsIn(out)).toEqual(wordsIn(expected).filter((w) => w !== '3.'));
  });

  it('keeps numbered lines as list items and finds links', () => {
    const item = document.posts.flatMap((p) => p.blocks).find((b) => b.type === 'listItem');
    expect(item).toMatchObject({ ordered: true, ordinal: 3 });
    const links = document.posts.flatMap((p) => p.blocks.flatMap((b) => b.spans)).filter((s) => s.tag === 'url');
    expect(links.map((s) => s.href)).toEqual(['https://www.turingpost.com/p/kd', 'https://www.turingpost.com/upgrade']);
  });
});

describe('the blog fixture', () => {
  const { document, warnings } = articleTextToDocument(fixture('distillation-blog.txt'), {}, 'distillation-blog.txt');
  const all = document.posts.flatMap((p) => p.blocks.map(blockText)).join('\n');

  it('repairs the Thai code page reading', () => {
    expect(all).toContain('loss = α · KL(teacher');
    expect(all).toContain('scaled by T² to keep');
    expect(all).not.toMatch(/ฮฑ|ยท|ยฒ/);
  });

  it('warns once per post: repaired where it could, lost where bytes are gone', () => {
    const repairedPost = document.posts.findIndex((p) => p.blocks.some((b) => blockText(b).includes('T²')));
    expect(warnings).toContain(
      `posts[${repairedPost}]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-874)`,
    );
    const lost = warnings.filter((w) => w.includes('lost'));
    expect(lost.length).toBeGreaterThan(3);
    expect(new Set(lost.map((w) => w.split(':')[0])).size).toBe(lost.length);
  });

  it('does not take short data lines or a formula for headings', () => {
    const headings = document.posts.filter(isHeadingPost).map((p) => blockText(p.blocks[0]));
    expect(headings).toContain('The distillation loss');
    expect(headings).not.toContain('dog 0.70');
    expect(headings).not.toContain('softmax(logits / T)');
    // The post has no title line; it opens (after a link line) on its first heading, which titles it.
    expect(document.title).toBe('The problem: big models are expensive to serve');
    expect(headings).not.toContain('The problem: big models are expensive to serve');
  });
});

describe('parseArticleText', () => {
  it('joins hard-wrapped lines inside blank-line paragraphs', () => {
    const text = [
      'A title',
      '',
      'This paragraph was wrapped by an editor at a fixed width, so its',
      'lines are not paragraphs of their own and must be joined again.',
      '',
      'A second paragraph, also wrapped by the same editor at that width',
      'and continued here until its sentence ends.',
    ].join('\n');
    const { title, items } = parseArticleText(text);
    expect(title).toBe('A title');
    expect(items.map((i) => (i.kind === 'block' ? blockText(i.block) : ''))).toEqual([
      'This paragraph was wrapped by an editor at a fixed width, so its lines are not paragraphs of their own and must be joined again.',
      'A second paragraph, also wrapped by the same editor at that width and continued here until its sentence ends.',
    ]);
  });
});
