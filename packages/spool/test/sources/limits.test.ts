import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { MAX_POSTS, MAX_POST_CHARS, parseDocument, parseThreadFile } from '../../src/model/schema.js';
import { importSource } from '../../src/sources/import.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'spool-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const author = { name: 'Ada', handle: 'ada' };
const manyPosts = (n: number) => ({ posts: Array.from({ length: n }, (_, i) => ({ author, text: `post ${i}` })) });
const hugePost = () => ({ posts: [{ author, text: 'word '.repeat(200_000) }] });
/** A megabyte of prose in sentences and paragraphs, as a pasted article would be. */
const megabyte = () => Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i} says something. `.repeat(16)).join('\n\n');

async function refusal(run: () => unknown): Promise<SpoolInputError> {
  const started = Date.now();
  const err = await (async () => run())().then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SpoolInputError);
  expect(Date.now() - started).toBeLessThan(5_000);
  return err as SpoolInputError;
}

describe('document limits at the validating door', () => {
  it('are generous enough for any real thread', () => {
    expect(MAX_POSTS).toBe(5_000);
    expect(MAX_POST_CHARS).toBe(100_000);
    expect(parseThreadFile(manyPosts(MAX_POSTS), 'ok.json').posts).toHaveLength(MAX_POSTS);
    expect(parseThreadFile({ posts: [{ author, text: 'x'.repeat(MAX_POST_CHARS) }] }, 'ok.json').posts).toHaveLength(1);
  });

  it('refuses a thread file of 100,000 posts, naming the limit', async () => {
    const err = await refusal(() => parseThreadFile(manyPosts(100_000), 'huge.json'));
    expect(err.message).toBe('huge.json: posts: 100,000 posts is more than the limit of 5,000 per document; split the source into several carousels');
  });

  it('refuses a 1 MB post in a thread file and in a Document', async () => {
    const err = await refusal(() => parseThreadFile(hugePost(), 'long.json'));
    expect(err.message).toBe('long.json: posts[0].text: 1,000,000 characters is more than the limit of 100,000 per post; split it into several posts');
    const document = { schemaVersion: 1, posts: [{ id: '1', author, media: [], blocks: [{ type: 'paragraph', spans: [{ text: 'a'.repeat(60_000) }, { text: 'b'.repeat(60_000) }] }] }] };
    const docErr = await refusal(() => parseDocument(document, 'saved'));
    expect(docErr.message).toBe('saved: posts[0].blocks: 120,000 characters is more than the limit of 100,000 per post; split it into several posts');
    const many = { schemaVersion: 1, posts: Array.from({ length: 100_000 }, (_, i) => ({ id: String(i), author, media: [], blocks: [] })) };
    expect((await refusal(() => parseDocument(many, 'saved'))).message).toMatch(/^saved: posts: 100,000 posts is more than the limit/);
  });
});

describe('limits through every importer', () => {
  it('refuses or imports each oversized source quickly, never hanging', async () => {
    const cases: [string, string, RegExp | undefined][] = [
      ['many.json', JSON.stringify(manyPosts(100_000)), /100,000 posts is more than the limit/],
      ['long.json', JSON.stringify(hugePost()), /1,000,000 characters is more than the limit/],
      ['one-line.txt', 'word '.repeat(200_000), /characters is more than the limit|posts is more than the limit/],
      ['thread.txt', Array.from({ length: 100_000 }, (_, i) => `${i + 1}/ post number ${i}`).join('\n\n'), /is more than the limit/],
      ['notes.md', `# Title\n\n${'word '.repeat(200_000)}`, /characters is more than the limit/],
      ['article.txt', megabyte(), undefined],
      ['page.html', `<html><body><article><h1>T</h1><p>${'word '.repeat(200_000)}</p></article></body></html>`, /characters is more than the limit/],
    ];
    for (const [name, text, message] of cases) {
      const started = Date.now();
      const outcome = await importSource({ text, name }).then((r) => r, (e: unknown) => e);
      expect(Date.now() - started, name).toBeLessThan(10_000);
      if (message) {
        expect(outcome, name).toBeInstanceOf(SpoolInputError);
        expect((outcome as Error).message, name).toMatch(message);
      } else if (outcome instanceof Error) {
        expect(outcome, name).toBeInstanceOf(SpoolInputError);
      }
    }
  });

  it('spool build of a 1 MB post exits 2 at once, naming the limit', async () => {
    const file = path.join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(hugePost()));
    const started = Date.now();
    const result = await runCli(['build', file, '-o', path.join(dir, 'out.pdf'), '-q']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/long\.json: posts\[0\]\.text: 1,000,000 characters is more than the limit of 100,000 per post/);
  });
});
