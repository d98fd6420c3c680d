import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { parseDocument } from '../../src/model/schema.js';
import { threadFileToDocument } from '../../src/sources/thread-file.js';

const kd = JSON.parse(readFileSync(new URL('../fixtures/kd-thread.json', import.meta.url), 'utf8'));
const author = { name: 'Ada', handle: 'ada' };

describe('threadFileToDocument on the fixture thread', () => {
  const { document, warnings } = threadFileToDocument(kd, 'kd-thread.json');
  const post = (id: number) => document.posts[id - 1];

  it('gives 20 valid posts with their ids, author and media', () => {
    expect(document.posts).toHaveLength(20);
    expect(document.posts.map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(parseDocument(document, 'kd-thread.json')).toEqual(document);
    expect(post(1).author).toEqual({ name: 'Turing Post', handle: 'TheTuringPost' });
    expect(post(1).media).toEqual([{ type: 'image', src: 'media/kd-1.jpg', alt: 'Diagram: a teacher model passes soft targets to a smaller student model' }]);
    expect(post(7).blocks).toEqual([]);
    expect(post(16).media[0].src).toBe('media/kd-16.webp');
  });

  it('reads the link in post 2 and repairs “Smol”', () => {
    const link = post(2).blocks[0].spans.find((s) => s.href);
    expect(link).toEqual({ text: '“Smol” family of models', href: 'https://www.turingpost.com/p/insidesmol' });
    expect(blockText(post(2).blocks[0])).toContain('we discussed “Smol” family of models and');
    expect(blockText(post(2).blocks[0])).toContain('DeepSeek’s advancements');
  });

  it('keeps bold and italic where the markup has them', () => {
    expect(post(2).blocks[0].spans).toContainEqual({ text: 'knowledge distillation (KD)', bold: true });
    expect(post(5).blocks[0].spans).toContainEqual({ text: '“Model Compression”', bold: true, italic: true });
    expect(post(19).blocks[0].spans).toContainEqual({ text: '“Distilling the Knowledge in a Neural Network”', italic: true });
    expect(post(11).blocks[0].spans).toContainEqual({ text: 'temperature (T)', bold: true });
    expect(blockText(post(11).blocks[0])).toContain('(T > 1)');
  });

  it('makes posts 4, 8 and 20 single headings and posts 13-15 ordered items', () => {
    for (const id of [4, 8, 20]) {
      expect(post(id).blocks).toHaveLength(1);
      expect(post(id).blocks[0]).toMatchObject({ type: 'heading', level: 2 });
    }
    expect(blockText(post(4).blocks[0])).toBe('When did knowledge distillation appear as a technique?');
    for (const id of [13, 14, 15]) {
      expect(post(id).blocks).toHaveLength(1);
      expect(post(id).blocks[0]).toMatchObject({ type: 'listItem', ordered: true, ordinal: 1 });
    }
    expect(blockText(post(13).blocks[0])).toBe('First, the teacher model is trained on the original task and dataset.');
  });

  it('leaves no mojibake and warns once for each repaired post', () => {
    const all = document.posts.flatMap((p) => p.blocks.map(blockText)).join('\n');
    expect(all).not.toMatch(/ā€/);
    expect(warnings).toEqual(
      [1, 4, 5, 18].map((i) => `posts[${i}]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1257)`),
    );
  });
});

describe('threadFileToDocument', () => {
  const run = (posts: object[], extra: object = {}) => threadFileToDocument({ posts, ...extra }, 't.json');

  it('prefers html over text and reads text with the same line rules', () => {
    const { document } = run([
      { author, html: '<b>html</b>', text: 'ignored' },
      { author, html: '  ', text: '## Heading\nplain <b>not bold</b>' },
    ]);
    expect(document.posts[0].blocks).toEqual([{ type: 'paragraph', spans: [{ text: 'html', bold: true }] }]);
    expect(document.posts[1].blocks.map((b: Block) => [b.type, blockText(b)])).toEqual([
      ['heading', 'Heading'],
      ['paragraph', 'plain <b>not bold</b>'],
    ]);
  });

  it('drops empty posts with a warning, keeps image-only posts and relative paths', () => {
    const { document, warnings } = run([
      { author: { ...author, avatar: 'img/me.png' }, text: 'one' },
      { author, html: '<script>x</script>' },
      { author, media: [{ type: 'image', src: '../pics/a b.png' }] },
    ]);
    expect(document.posts.map((p) => p.id)).toEqual(['1', '3']);
    expect(document.posts[0].author.avatar).toBe('img/me.png');
    expect(document.posts[1].media[0].src).toBe('../pics/a b.png');
    expect(warnings).toEqual(['posts[1]: no text and no images; left out']);
  });

  it('strips @ from handles, keeps title and url, and makes ids unique', () => {
    const { document, warnings } = run(
      [
        { id: 'a', author: { name: ' Ada ', handle: '@ada' }, text: 'x' },
        { id: 'a', author, text: 'y' },
      ],
      { title: 'My thread', url: 'https://x.com/ada/status/1' },
    );
    expect(document.posts[0].author).toEqual({ name: 'Ada', handle: 'ada' });
    expect(document.posts.map((p) => p.id)).toEqual(['a', 'a-2']);
    expect(document).toMatchObject({ schemaVersion: 1, title: 'My thread', url: 'https://x.com/ada/status/1' });
    expect(warnings).toEqual(['posts[1]: id "a" is used by an earlier post; renamed "a-2"']);
  });

  it('fails with the file and place named', () => {
    expect(() => run([{ author, text: 'x' }, { author: { name: 'A' }, text: 'y' }])).toThrow('t.json: posts[1].author.handle: required');
    expect(() => run([{ author, text: '' }])).toThrow(SpoolInputError);
  });
});
