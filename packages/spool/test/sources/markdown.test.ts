import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/document.js';
import { parseDocument } from '../../src/model/schema.js';
import { splitFrontMatter } from '../../src/sources/front-matter.js';
import { markdownToDocument, parseMarkdown } from '../../src/sources/markdown.js';

const NOTES = `---
title: "Knowledge distillation, briefly"
author: Ada Lovelace
handle: '@ada'
tags: [ml, kd]
---
# Knowledge distillation, briefly

A **teacher** model trains a *student* with \`softmax(z / T)\`; see [the paper](https://arxiv.org/abs/1503.02531) and #KD.

![Teacher and student](media/kd-1.jpg "diagram")

## How it works

1. Train the teacher.
2. Soften its outputs.
   - with a temperature
3. Train the student.

> The student is optimized to mimic the teacher.

\`\`\`
loss = KL(p || q)
\`\`\`

| T | spread |
|---|--------|
| 1 | sharp  |
`;

describe('markdownToDocument', () => {
  const { document, warnings } = markdownToDocument(NOTES, {}, 'notes.md');
  const blocks = document.posts.flatMap((p) => p.blocks);

  it('takes title and author from front matter and skips the matching first heading', () => {
    expect(document.title).toBe('Knowledge distillation, briefly');
    expect(document.posts[0].author).toEqual({ name: 'Ada Lovelace', handle: 'ada' });
    expect(blocks.filter((b) => b.type === 'heading').map(blockText)).toEqual(['How it works']);
    expect(parseDocument(document, 'notes.md')).toEqual(document);
    expect(warnings).toEqual([]);
  });

  it('keeps emphasis, code, links and hashtags as spans', () => {
    expect(blocks[0].spans).toEqual([
      { text: 'A ' },
      { text: 'teacher', bold: true },
      { text: ' model trains a ' },
      { text: 'student', italic: true },
      { text: ' with ' },
      { text: 'softmax(z / T)', code: true },
      { text: '; see ' },
      { text: 'the paper', href: 'https://arxiv.org/abs/1503.02531' },
      { text: ' and ' },
      { text: '#KD', href: 'https://x.com/hashtag/KD', tag: 'hashtag' },
      { text: '.' },
    ]);
  });

  it('turns images into image posts and headings into heading-only posts', () => {
    const image = document.posts.find((p) => p.media.length > 0);
    expect(image).toMatchObject({ blocks: [], media: [{ type: 'image', src: 'media/kd-1.jpg', alt: 'Teacher and student' }] });
    const heading = document.posts.find((p) => p.blocks[0]?.type === 'heading');
    expect(heading?.blocks).toHaveLength(1);
  });

  it('reads lists, nested lists, quotes, code and tables', () => {
    const rest = blocks.slice(blocks.findIndex((b) => b.type === 'heading') + 1);
    expect(rest.map((b) => [b.type, b.ordinal, blockText(b)])).toEqual([
      ['listItem', 1, 'Train the teacher.'],
      ['listItem', 2, 'Soften its outputs.'],
      ['listItem', undefined, 'with a temperature'],
      ['listItem', 3, 'Train the student.'],
      ['quote', undefined, 'The student is optimized to mimic the teacher.'],
      ['code', undefined, 'loss = KL(p || q)'],
      ['table', undefined, 'T · spread\n1 · sharp'],
    ]);
    expect(rest[5].spans[0].code).toBe(true);
  });

  it('uses a leading # heading as the title without front matter, and options over both', () => {
    expect(markdownToDocument('# Hello\n\nBody text.').document.title).toBe('Hello');
    const doc = markdownToDocument('# Hello\n\nBody', { title: 'Given', author: 'Bo', handle: 'bo' }).document;
    expect(doc.title).toBe('Given');
    expect(doc.posts[0].author).toEqual({ name: 'Bo', handle: 'bo' });
  });

  it('repairs mojibake and warns for the post it was in', () => {
    const { document, warnings } = markdownToDocument('First paragraph.\n\n## Then\n\nIt said â€œhelloâ€\u009d and cafÃ©.');
    expect(document.posts.map((p) => blockText(p.blocks[0]))).toEqual(['First paragraph.', 'Then', 'It said “hello” and café.']);
    expect(warnings).toEqual(['posts[2]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1252)']);
  });

  it('drops raw HTML markup to text and unsafe links to plain text', () => {
    const blocks = markdownToDocument('<div>html <b>block</b><script>x()</script></div>\n\nSee [it](javascript:alert(1)) <em>now</em>').document.posts.flatMap((p) => p.blocks);
    expect(blocks[0].spans).toEqual([{ text: 'html ' }, { text: 'block', bold: true }]);
    expect(blocks[1].spans).toEqual([{ text: 'See it ' }, { text: 'now', italic: true }]);
  });

  it('fails on an empty file, naming it', () => {
    expect(() => markdownToDocument('---\ntitle: x\n---\n', {}, 'notes.md')).toThrow('notes.md: no text to import');
  });
});

describe('splitFrontMatter', () => {
  it('reads quoted values, comments and TOML', () => {
    expect(splitFrontMatter('---\ntitle: "A #1: \\"quoted\\""\nauthor: Bo # comment\n---\nbody').data).toEqual({
      title: 'A #1: "quoted"',
      author: 'Bo',
    });
    expect(splitFrontMatter('+++\ntitle = "T"\n+++\nbody')).toEqual({ data: { title: 'T' }, body: 'body' });
    expect(splitFrontMatter('--- not front matter')).toEqual({ data: {}, body: '--- not front matter' });
  });

  it('is what parseMarkdown reports', () => {
    expect(parseMarkdown('---\nhandle: x\n---\nHi').frontMatter).toEqual({ handle: 'x' });
  });
});

describe('code in Markdown', () => {
  it('keeps a fenced block as one code block with its language, its lines as written', () => {
    const doc = markdownToDocument('# Notes\n\nInstall it:\n\n```bash\n# fetch\nnpm ci\n\nnpm test\n```\n').document;
    const blocks = doc.posts.flatMap((p) => p.blocks);
    expect(blocks.find((b) => b.type === 'code')).toEqual({ type: 'code', lang: 'bash', spans: [{ text: '# fetch\nnpm ci\n\nnpm test', code: true }] });
  });
});
