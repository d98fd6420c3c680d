import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { parseDocument } from '../../src/model/schema.js';
import { importSource } from '../../src/sources/import.js';
import type { SourceKind } from '../../src/sources/types.js';
import { mutatedJson, mutatedText } from '../helpers/mutate.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'spool-property-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(Object.values(tried).reduce((a, b) => a + b, 0)).toBe(11 * RUNS);
});

/** Runs per property: enough to find shallow crashes, few enough for a two-core CI. */
const RUNS = 40;
const tried: Record<string, number> = {};

/** Either a Document that passes the door again, or a SpoolInputError; anything else fails. */
async function importsOrRefuses(category: string, run: () => Promise<{ document: unknown }>): Promise<void> {
  tried[category] = (tried[category] ?? 0) + 1;
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (err) {
    if (!(err instanceof SpoolInputError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  expect(() => parseDocument((outcome as { document: unknown }).document, 'again')).not.toThrow();
}

const fromText = (kind: SourceKind, name: string) => (text: string) => importsOrRefuses(kind, () => importSource({ text, name }, { kind, author: 'Ada', handle: 'ada' }));

const thread = JSON.parse(read('kd-thread.json'));
const article = read('kd-article.txt');
const html = read('html/flaky-tests.html');
const markdown = `---\ntitle: Notes\n---\n# Heading\n\nSome **bold** and _italic_ text with [a link](https://example.com).\n\n- one\n- two\n\n> quoted\n\n\`\`\`js\ncode()\n\`\`\`\n`;
const pasted = '1/ First post of the thread 🧵\n\n2/ Second post with a link https://example.com and @ada #tag\n\n3/ Last one.';
const tweetsJs = readFileSync(path.join(fixtures, 'x-archive', 'data', 'tweets.js'), 'utf8');

describe('every importer answers hostile input with a Document or a clear error', () => {
  it('thread JSON: mutated values and mutated text', async () => {
    await fc.assert(fc.asyncProperty(mutatedJson(thread), (json) => fromText('thread-file', 'thread.json')(JSON.stringify(json) ?? 'null')), { numRuns: RUNS });
    await fc.assert(fc.asyncProperty(mutatedText(JSON.stringify(thread)), fromText('thread-file', 'thread.json')), { numRuns: RUNS });
  });

  it('pasted text, Markdown, article text and HTML: generated and mutated', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 3000 });
    for (const [kind, name, sample] of [['pasted', 'paste.txt', pasted], ['markdown', 'notes.md', markdown], ['article', 'article.txt', article], ['html', 'page.html', html]] as const) {
      await fc.assert(fc.asyncProperty(text, fromText(kind, name)), { numRuns: RUNS });
      await fc.assert(fc.asyncProperty(mutatedText(sample), fromText(kind, name)), { numRuns: RUNS });
    }
  });

  it('X archive tweets.js: mutated content', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutatedText(tweetsJs), async (content) => {
        const folder = path.join(dir, `a${n++}`, 'data');
        (await import('node:fs')).mkdirSync(folder, { recursive: true });
        const file = path.join(folder, 'tweets.js');
        writeFileSync(file, content);
        await importsOrRefuses('x-archive', () => importSource(file, {}));
      }),
      { numRuns: RUNS },
    );
  });
});
