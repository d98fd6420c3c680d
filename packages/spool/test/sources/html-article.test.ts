import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, type SpoolDocument } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { FetchRefusedError } from '../../src/sources/fetch-guard.js';
import { importHtml } from '../../src/sources/html-article.js';
import { decodeHtml, importHtmlUrl } from '../../src/sources/html-article-fetch.js';

const fixturePath = fileURLToPath(new URL('../fixtures/html/flaky-tests.html', import.meta.url));
const PAGE = 'https://fieldnotes.dev/posts/flaky-tests';
let html: string;

const allText = (doc: SpoolDocument) => doc.posts.flatMap((p) => p.blocks.map(blockText)).join('\n');
const allBlocks = (doc: SpoolDocument) => doc.posts.flatMap((p) => p.blocks);
const allMedia = (doc: SpoolDocument) => doc.posts.flatMap((p) => p.media);

beforeAll(async () => {
  html = await readFile(fixturePath, 'utf8');
});

describe('importHtml', () => {
  it('keeps the article and nothing of the page around it', async () => {
    const { document } = await importHtml({ html, url: PAGE });
    const text = allText(document);
    expect(text).toContain('Every engineering team has that one test.');
    expect(text).toContain('We would start measuring on day one.');
    for (const clutter of [
      'Accept cookies',
      'cookies to improve',
      'Sponsored',
      'MegaCloud',
      'Subscribe',
      'Popular posts',
      'Why we left our monorepo',
      'comments',
      'First! Great post',
      '© 2024',
      'All rights reserved',
      'Archive',
      '7 min read',
    ]) {
      expect(text).not.toContain(clutter);
    }
    expect(allMedia(document).map((m) => m.src)).not.toContain('https://ads.example.net/banner-728x90.gif');
  });

  it('takes title, author and handle from the page, not its <title> suffix', async () => {
    const { document } = await importHtml({ html, url: PAGE });
    expect(document.title).toBe('The quiet cost of flaky tests');
    expect(document.url).toBe(PAGE);
    expect(document.posts[0].author).toEqual({ name: 'Priya Raman', handle: 'priya_codes' });
    // The title is the cover's; it is not repeated as the first block.
    expect(blockText(document.posts[0].blocks[0])).not.toBe('The quiet cost of flaky tests');
  });

  it('converts headings, lists, quotes and inline marks', async () => {
    const { document } = await importHtml({ html, url: PAGE });
    const blocks = allBlocks(document);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => [blockText(b), b.level])).toEqual([
      ['Measuring the damage', 1],
      ['Quarantine, not deletion', 1],
      ['What we would do differently', 1],
    ]);
    expect(blocks.filter((b) => b.type === 'listItem' && b.ordered).map((b) => b.ordinal)).toEqual([1, 2, 3]);
    expect(blocks.filter((b) => b.type === 'listItem' && !b.ordered)).toHaveLength(2);
    expect(blocks.find((b) => b.type === 'quote') && blockText(blocks.find((b) => b.type === 'quote')!)).toBe(
      'A test you cannot trust is worse than no test: it trains people to ignore red.',
    );
    const spans = blocks.flatMap((b) => b.spans);
    expect(spans).toContainEqual({ text: 'that one test', bold: true });
    expect(spans).toContainEqual({ text: 'mostly harmless', italic: true });
    expect(spans).toContainEqual({ text: 'RETRY_ATTEMPT', code: true });
    expect(spans).toContainEqual({ text: 'how our retries work', href: 'https://fieldnotes.dev/posts/ci-retries' });
  });

  it('resolves images against the page URL, including lazy-loaded ones, with alt text', async () => {
    const { document } = await importHtml({ html, url: PAGE });
    expect(allMedia(document)).toEqual([
      {
        type: 'image',
        src: 'https://fieldnotes.dev/images/flaky-chart.png',
        alt: 'Weekly flaky failures, falling from 140 to 12 over ten weeks',
      },
      { type: 'image', src: 'https://fieldnotes.dev/posts/diagrams/quarantine.png', alt: 'The quarantine flow from failure to fix' },
    ]);
  });

  it('cuts long paragraphs into slide-sized posts at sentence ends', async () => {
    const { document } = await importHtml({ html, url: PAGE });
    for (const post of document.posts) {
      const words = post.blocks.map(blockText).join(' ').split(/\s+/).filter(Boolean).length;
      expect(words).toBeLessThanOrEqual(90);
    }
    const long = document.posts.filter((p) => p.blocks.some((b) => blockText(b).includes('babysitting CI')))[0];
    expect(blockText(long.blocks[long.blocks.length - 1]).endsWith('.')).toBe(true);
    expect(allText(document)).toContain('The short version is that the fix was mostly social');
  });

  it('repairs mis-decoded text and says so', async () => {
    const { document, warnings } = await importHtml({ html, url: PAGE });
    expect(allText(document)).toContain('We’re a team of twelve');
    expect(warnings.some((w) => /fixed characters garbled by a wrong text encoding upstream/.test(w))).toBe(true);
  });

  it('keeps image paths of a saved file as written, site-relative ones too, for the build to find or leave out', async () => {
    const { document, warnings, baseDir } = await importHtml({ html, file: fixturePath });
    expect(baseDir).toBe(dirname(fixturePath));
    expect(allMedia(document).map((m) => m.src)).toEqual(['/images/flaky-chart.png', 'diagrams/quarantine.png']);
    expect(warnings.filter((w) => /image/.test(w))).toEqual([]);
    // Links that only make sense on the site become plain text.
    expect(allBlocks(document).flatMap((b) => b.spans).some((s) => s.href?.includes('ci-retries'))).toBe(false);
  });

  it('refuses a page with no article', async () => {
    const err = await importHtml({ html: '<html><body><nav>Home</nav></body></html>', file: 'empty.html' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpoolInputError);
    expect((err as Error).message).toBe('empty.html: no article text found on this page');
  });
});

describe('importHtmlUrl', () => {
  let server: http.Server;
  let base: string;
  const fetch = { allowAddresses: ['127.0.0.1'] };

  beforeAll(async () => {
    const latin1 = Buffer.from(
      '<html><head><title>Caf\xe9 notes</title></head><body><article><h1>Caf\xe9 notes</h1>' +
        `<p>${'Le caf\xe9 \xe9tait tr\xe8s bon, et la cr\xe8me br\xfbl\xe9e aussi. '.repeat(12)}</p></article></body></html>`,
      'latin1',
    );
    server = http.createServer((req, res) => {
      if (req.url === '/old-link') {
        res.writeHead(301, { location: '/posts/flaky-tests' }).end();
      } else if (req.url === '/posts/flaky-tests') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else if (req.url === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' }).end(latin1);
      } else if (req.url === '/image.png') {
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches through the guard and resolves against the final URL', async () => {
    const { document } = await importHtmlUrl(`${base}/old-link`, { fetch });
    expect(document.url).toBe(`${base}/posts/flaky-tests`);
    expect(allMedia(document)[1].src).toBe(`${base}/posts/diagrams/quarantine.png`);
  });

  it('decodes the charset the server declares', async () => {
    const { document } = await importHtmlUrl(`${base}/latin1`, { fetch });
    expect(document.title).toBe('Café notes');
    expect(allText(document)).toContain('la crème brûlée aussi');
  });

  it('refuses what is not a web page, and what the guard refuses', async () => {
    await expect(importHtmlUrl(`${base}/image.png`, { fetch })).rejects.toThrow(/not a web page \(image\/png\)/);
    await expect(importHtmlUrl(`${base}/posts/flaky-tests`)).rejects.toBeInstanceOf(FetchRefusedError);
  });
});

describe('decodeHtml', () => {
  it('reads a <meta charset> when the header has none', () => {
    const bytes = Buffer.from('<meta charset="windows-1252"><p>\x93quoted\x94</p>', 'latin1');
    expect(decodeHtml(bytes, 'text/html')).toContain('“quoted”');
    expect(decodeHtml(new Uint8Array(Buffer.from('<p>naïve</p>')))).toBe('<p>naïve</p>');
  });
});
