import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { blockText } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { importSource } from '../../src/sources/import.js';

const fixtures = dirname(fileURLToPath(new URL('../fixtures/kd-thread.json', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'spool-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<SpoolInputError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpoolInputError);
  return err as SpoolInputError;
}

describe('importSource with files', () => {
  it('reads the fixture thread file, with its folder as the base for media', async () => {
    const result = await importSource(join(fixtures, 'kd-thread.json'));
    expect(result.document.posts).toHaveLength(20);
    expect(result.baseDir).toBe(fixtures);
    expect(result.warnings).toHaveLength(4);
  });

  it('tells the article from a pasted thread by shape', async () => {
    const article = await importSource(join(fixtures, 'kd-article.txt'));
    expect(article.document.title).toBe('Everything You Need to Know about Knowledge Distillation');
    const blog = await importSource(join(fixtures, 'distillation-blog.txt'));
    expect(blog.document.posts.flatMap((p) => p.blocks.map(blockText)).join(' ')).toContain('α · KL');
    const thread = await importSource(file('thread.txt', '1/ Hello there\n\n2/ Second\n\n3/ Third'), { author: 'Ada', handle: 'ada' });
    expect(thread.document.posts.map((p) => blockText(p.blocks[0]))).toEqual(['Hello there', 'Second', 'Third']);
    expect(thread.document.posts[0].author).toEqual({ name: 'Ada', handle: 'ada' });
  });

  it('lets the caller force the kind', async () => {
    const path = file('short.txt', 'Just one line\n\nand another');
    expect((await importSource(path)).document.posts).toHaveLength(2);
    const asArticle = await importSource(path, { kind: 'article' });
    expect(asArticle.document.posts).toHaveLength(1);
  });

  it('reads Markdown with front matter', async () => {
    const result = await importSource(file('notes.md', '---\ntitle: Notes\nhandle: ada\n---\n\nHello **world**.\n'));
    expect(result.document.title).toBe('Notes');
    expect(result.document.posts[0].author.handle).toBe('ada');
    expect(result.baseDir).toBe(dir);
  });

  it('reads a saved Document and UTF-16 text', async () => {
    const doc = { schemaVersion: 1, posts: [{ id: 'x', author: { name: 'A', handle: 'a' }, blocks: [], media: [{ type: 'image', src: 'a.png' }] }] };
    expect((await importSource(file('saved.json', JSON.stringify(doc)))).document).toEqual(doc);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Hé!', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(blockText((await importSource(file('u16.txt', utf16))).document.posts[0].blocks[0])).toBe('Hé!');
  });

  it('names the file in every error', async () => {
    const bad = { posts: [1, 2, 3].map(() => ({ author: { name: 'A', handle: 'a' }, text: 'x' })).concat([{ author: { name: 'A' }, text: 'y' } as never]) };
    expect((await failure(importSource(file('kd.json', JSON.stringify(bad))))).message).toBe('kd.json: posts[3].author.handle: required');
    expect((await failure(importSource(file('broken.json', '{\n "posts": [\n')))).message).toBe('broken.json: invalid JSON at line 3 column 1');
    expect((await failure(importSource(file('notes.md', '---\ntitle: x\n---\n')))).message).toBe('notes.md: no text to import');
    expect((await failure(importSource(join(dir, 'missing.json')))).message).toBe(`${join(dir, 'missing.json')}: file not found`);
    expect((await failure(importSource('notes/missing.json'))).message).toBe('notes/missing.json: file not found');
  });
});

describe('importSource with text', () => {
  it('reads pasted text, sniffing Markdown and JSON', async () => {
    const pasted = await importSource({ text: 'One 🧵\n\nTwo' }, { handle: '@ada' });
    expect(pasted.document.posts.map((p) => blockText(p.blocks[0]))).toEqual(['One', 'Two']);
    expect(pasted.baseDir).toBeUndefined();
    const md = await importSource({ text: '---\ntitle: T\n---\nBody' });
    expect(md.document.title).toBe('T');
    const json = await importSource({ text: '{"posts":[{"author":{"name":"A","handle":"a"},"text":"hi"}]}', name: 'clipboard' });
    expect(json.document.posts[0].id).toBe('1');
  });

  it('names the input in errors', async () => {
    expect((await failure(importSource({ text: '{"posts": []}' }))).message).toBe('stdin: posts: expected at least 1 item');
  });
});
