/**
 * An image a build cannot have (a relative path that is not on disk, a site-relative path in a
 * local file, a remote image that cannot be fetched) is left out with a warning naming the post and
 * the image, by the library's build, the CLI and (see server/render-left-out.test.ts) the server.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpoolDocument } from '../../src/model/document.js';
import { buildCarousel } from '../../src/node/build.js';
import { remoteImageFetcher } from '../../src/node/remote-images.js';
import { importSource } from '../../src/sources/import.js';
import { runCli } from '../cli/run-cli.js';

const fixtures = path.resolve(__dirname, '../fixtures');
let dir: string;
let site: http.Server;
let base: string;
const stalled: http.ServerResponse[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'spool-left-out-'));
  const png = await readFile(path.join(fixtures, 'media/kd-7.png'));
  site = http.createServer((req, res) => {
    if (req.url === '/chart.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    // Answers headers, then never the body: only the time limit ends it.
    if (req.url === '/slow.png') return void stalled.push(res.writeHead(200, { 'content-type': 'image/png' }));
    res.writeHead(404).end('gone');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

const post = (text: string, media: string[] = [], avatar?: string) => ({
  id: text.slice(0, 8),
  author: { name: 'Ada', handle: 'ada', ...(avatar ? { avatar } : {}) },
  blocks: [{ type: 'paragraph' as const, spans: [{ text }] }],
  media: media.map((src) => ({ type: 'image' as const, src })),
});

const thread = (...posts: ReturnType<typeof post>[]): SpoolDocument => ({ schemaVersion: 1, posts });

/** The index of the post that shows `src`. */
const postShowing = (doc: SpoolDocument, src: string) => doc.posts.findIndex((p) => p.media.some((m) => m.src === src));

const drawnImages = (result: Awaited<ReturnType<typeof buildCarousel>>) =>
  result.scenes.flatMap((s) => s.items).filter((i) => i.type === 'image' && !i.key.startsWith('emoji:'));

/** A source file of its own folder, imported and built as the CLI does: the build's warnings, and the post showing `src`. */
async function importAndBuild(name: string, write: (file: string) => Promise<void>, src: string) {
  const folder = await mkdtemp(path.join(dir, 'source-'));
  await write(path.join(folder, name));
  const imported = await importSource(path.join(folder, name));
  const at = postShowing(imported.document, src);
  expect(at).toBeGreaterThanOrEqual(0);
  const result = await buildCarousel(imported.document, { baseDir: imported.baseDir, source: name, format: 'svg' });
  return { imported, result, at, messages: result.warnings.map((w) => w.message) };
}

describe('the library build leaves out an image it cannot have', () => {
  it('a relative path that is not on disk, naming the post and the file next to which it was looked for', async () => {
    const md = '# Flaky tests\n\nWe measured every retry for ten weeks, and it showed.\n\n![Figure 2](diagrams/fig2.png)\n\nThe rest was social.\n';
    const { result, at, messages } = await importAndBuild('article.md', (file) => writeFile(file, md), 'diagrams/fig2.png');
    expect(messages).toContain(`posts[${at}]: image "diagrams/fig2.png" was not found next to article.md; left out`);
    // Said once, where the source named it, not again for the slide it would have been on.
    expect(messages.filter((m) => m.includes('diagrams/fig2.png'))).toHaveLength(1);
    expect(result.scenes.length).toBeGreaterThan(0);
  });

  it('a site-relative path in a local Markdown file: there is no site to resolve it against', async () => {
    const md = '# Release notes\n\nThe new chart shows the whole quarter at once.\n\n![Chart](/images/chart.png)\n';
    const { at, messages } = await importAndBuild('notes.md', (file) => writeFile(file, md), '/images/chart.png');
    expect(messages).toContain(`posts[${at}]: image "/images/chart.png" is a path on a website, and notes.md has no site to resolve it against; left out`);
  });

  it('a site-relative path in a saved HTML page, and a relative one the page lost, one way each', async () => {
    const page = (file: string) => copyFile(path.join(fixtures, 'html/flaky-tests.html'), file);
    const { imported, at: chart, messages } = await importAndBuild('flaky-tests.html', page, '/images/flaky-chart.png');
    const diagram = postShowing(imported.document, 'diagrams/quarantine.png');
    expect(diagram).toBeGreaterThanOrEqual(0);
    expect(messages).toContain(
      `posts[${chart}]: image "/images/flaky-chart.png" is a path on a website, and flaky-tests.html has no site to resolve it against; left out`,
    );
    expect(messages).toContain(`posts[${diagram}]: image "diagrams/quarantine.png" was not found next to flaky-tests.html; left out`);
  });

  it('a remote image that answers 404, is at a refused address, or never finishes', async () => {
    const fetchBytes = remoteImageFetcher({ cacheDir: path.join(dir, 'cache'), fetch: { allowAddresses: ['127.0.0.1'], timeoutMs: 400 } });
    const doc = thread(
      post('One that is gone.', [`${base}/gone.png`]),
      post('One at an address the guard refuses.', ['http://169.254.169.254/latest/meta-data/photo.png']),
      post('One that never finishes.', [`${base}/slow.png`]),
      post('One that is there.', [`${base}/chart.png`]),
    );
    const result = await buildCarousel(doc, { format: 'svg', source: 'thread.json', images: { fetchBytes } });
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContain(`posts[0]: image "${base}/gone.png" could not be fetched (HTTP 404 Not Found); left out`);
    expect(messages.find((m) => m.startsWith('posts[1]: image "http://169.254.169.254/latest/meta-data/photo.png" could not be fetched ('))).toMatch(
      /link-local|reserved|private|cloud/i,
    );
    expect(messages).toContain(`posts[2]: image "${base}/slow.png" could not be fetched (no complete answer within 0.4 s); left out`);
    expect(drawnImages(result)).toHaveLength(1);
  });

  it('a fetcher of the caller’s own that fails, for an avatar', async () => {
    const fetchBytes = async (url: string): Promise<Uint8Array> => {
      throw new Error(`offline: ${url}`);
    };
    const doc = thread(post('Hello from a plane.', [], 'https://pbs.example/avatar_400x400.jpg'));
    const result = await buildCarousel(doc, { format: 'svg', images: { fetchBytes } });
    expect(result.warnings.map((w) => w.message)).toContain(
      'posts[0]: avatar "https://pbs.example/avatar_400x400.jpg" could not be fetched (offline: https://pbs.example/avatar_400x400.jpg); left out',
    );
  });

  it('still stops for an image that is there but broken: that is not a missing image', async () => {
    const broken = path.join(dir, 'broken.png');
    await writeFile(broken, 'not an image at all');
    await expect(buildCarousel(thread(post('Broken.', [broken])), { format: 'svg', source: 't.json' })).rejects.toThrow(/posts\[0\]\.media\[0\]\.src: .*not a readable image/);
  });
});

describe('spool build leaves out an image it cannot have', () => {
  it('prints the warning and writes the carousel', async () => {
    const folder = path.join(dir, 'cli');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, 't.json');
    await writeFile(file, JSON.stringify({ posts: [{ author: { name: 'A', handle: 'a' }, text: 'Hi', media: [{ type: 'image', src: 'missing.png' }] }, { author: { name: 'A', handle: 'a' }, text: 'Two' }] }));
    const out = path.join(folder, 'out.pdf');
    const r = await runCli(['build', file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: posts[0]: image "missing.png" was not found next to t.json; left out\n');
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
