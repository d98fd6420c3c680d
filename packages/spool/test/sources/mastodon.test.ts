import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockText, type Block } from '../../src/model/document.js';
import { kindFromName } from '../../src/sources/detect.js';
import { importSource } from '../../src/sources/import.js';
import { SocialApiError, importMastodon } from '../../src/sources/mastodon.js';
import { contentBlocks } from '../../src/sources/mastodon-posts.js';
import { parseMastodonStatusUrl } from '../../src/sources/social-urls.js';
import { startMockSocialServer, type MockSocialServer } from '../helpers/mock-social-server.js';

/** Rhea's 27 posts: 113400000000000101 to …127. */
const THREAD = Array.from({ length: 27 }, (_, i) => String(113400000000000101n + BigInt(i)));
const DELETED = ['113500000000000001', '113500000000000002', '113500000000000003', '113500000000000004'];
const REMOTE = '113600000000000001';
const status = (id: string) => `/api/v1/statuses/${id}`;
const context = (id: string) => `/api/v1/statuses/${id}/context`;

let api: MockSocialServer;
let resetAt = '';

beforeAll(async () => {
  api = await startMockSocialServer({
    fixtures: new URL('../fixtures/mastodon/', import.meta.url),
    answers: [
      { path: status(THREAD[0]), file: `status-${THREAD[0]}.json` },
      { path: context(THREAD[0]), file: `context-${THREAD[0]}.json` },
      { path: context(THREAD[20]), file: `context-${THREAD[20]}.json` },
      { path: status(DELETED[2]), file: `status-${DELETED[2]}.json` },
      { path: context(DELETED[2]), file: `context-${DELETED[2]}.json` },
      { path: context(DELETED[1]), file: `context-${DELETED[1]}.json` },
      { path: status(REMOTE), file: `status-${REMOTE}.json` },
      { path: context(REMOTE), file: `context-${REMOTE}.json` },
      { path: status('113400000000000404'), status: 404, file: 'error-not-found.json' },
      {
        path: status('113400000000000429'),
        status: 429,
        file: 'error-rate-limit.json',
        headers: () => ({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetAt }),
      },
      // A server (or a proxy before it) that gives only the standard header.
      { path: status('113400000000000430'), status: 429, file: 'error-rate-limit.json', headers: () => ({ 'retry-after': '90' }) },
      // A site that is not a Mastodon server, with a page whose address only looks like a status.
      { path: status('20240117'), status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><p>No such page.</p>' },
      {
        path: '/@ann/20240117',
        accept: /text\/html/,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><html><head><title>Notes from January</title></head><body><article><h1>Notes from January</h1><p>The address of this page only looks like a Mastodon status.</p></article></body></html>',
      },
    ],
  });
});

afterAll(() => api.close());

afterEach(() => {
  api.requests.length = 0;
  expect(api.violations).toEqual([]);
  vi.unstubAllEnvs();
});

const read = (address: string) => importMastodon(address, { apiBase: api.origin });
const texts = (blocks: Block[]) => blocks.map(blockText);
const LONG = `https://fosstodon.org/@rhea/${THREAD[0]}`;

describe('importMastodon', () => {
  it('reads the status and its context, and reads on from the last post a context reached', async () => {
    await read(LONG);
    expect(api.requests).toEqual([
      { method: 'GET', path: status(THREAD[0]), query: {}, accept: 'application/json' },
      { method: 'GET', path: context(THREAD[0]), query: {}, accept: 'application/json' },
      // Logged out, a context is 20 replies deep: post 21 is as far as the first one reaches.
      { method: 'GET', path: context(THREAD[20]), query: {}, accept: 'application/json' },
    ]);
  });

  it('keeps the author’s own chain, 27 posts, without the replies of others', async () => {
    const { document, warnings } = await read(LONG);
    expect(document.posts.map((p) => p.id)).toEqual(THREAD);
    expect(document.title).toBeUndefined();
    expect(document.url).toBe(LONG);
    // The statuses' language is the document's, for its fonts and direction.
    expect(document.lang).toBe('en');
    expect(document.posts[0].author).toEqual({
      name: 'Rhea Lindqvist',
      handle: 'rhea@fosstodon.org',
      avatar: 'https://cdn.fosstodon.org/accounts/avatars/109/318/721/static/06328701.png',
    });
    const all = document.posts.flatMap((p) => texts(p.blocks)).join('\n');
    expect(all).not.toMatch(/thread I needed|glad it helps|How many shards|hermetic builds|quick/);
    expect(texts(document.posts[26].blocks)).toEqual(['That’s all. Questions welcome 👇']);
    expect(warnings).toEqual([
      "left out 1 of the author's replies that branch off the thread; it follows the earliest reply at each step",
      `post ${THREAD[0]}: removed the thread marker 🧵; a carousel shows it is a series by itself`,
      `post ${THREAD[5]}: a GIF was left out; only images become slides`,
    ]);
  });

  it('keeps content warnings visibly, as the post’s first line', async () => {
    const { document } = await read(LONG);
    expect(document.posts[0].blocks).toEqual([
      { type: 'paragraph', spans: [{ text: 'CW:', bold: true }, { text: ' CI war stories, mildly ranty' }] },
      { type: 'paragraph', spans: [{ text: 'The build that took 40 minutes, and the 26 fixes that brought it to 9' }] },
    ]);
    expect(texts(document.posts[4].blocks)).toEqual([
      'CW: swearing at YAML',
      'YAML anchors are a trap. Every one of ours hid a copy of a job we had already deleted.',
    ]);
  });

  it('reads the HTML as a reader sees it: links without their hidden parts, mentions and hashtags as text, lines as blocks', async () => {
    const { document } = await read(LONG);
    expect(document.posts[1].blocks).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Start with the cache. The docs: ' },
          { text: 'docs.gitlab.com/ee/ci/caching/…', href: 'https://docs.gitlab.com/ee/ci/caching/index.html', tag: 'url' },
          { text: ' — thanks @kai #ci' },
        ],
      },
    ]);
    expect(document.posts[2].blocks).toEqual([
      { type: 'paragraph', spans: [{ text: 'Three things changed:' }] },
      { type: 'listItem', ordered: false, spans: [{ text: 'cache keys per lockfile' }] },
      { type: 'listItem', ordered: false, spans: [{ text: 'one runner image' }] },
      { type: 'listItem', ordered: false, spans: [{ text: 'no more npm install in every job' }] },
      { type: 'paragraph', spans: [{ text: 'Each was small.' }] },
    ]);
    // The `4/` numbering comes off, the entity is decoded.
    expect(document.posts[3].blocks[0].spans).toEqual([
      { text: 'Then the tests. We split them by timing data & it was worth it: ' },
      { text: 'rhea.dev/ci', href: 'https://rhea.dev/ci', tag: 'url' },
    ]);
  });

  it('takes images with their descriptions as alt text', async () => {
    const { document } = await read(LONG);
    expect(document.posts[0].media).toEqual([
      {
        type: 'image',
        src: 'https://cdn.fosstodon.org/media_attachments/files/113/399/999/original/3399999000000001.png',
        alt: 'Graph of build minutes per day, falling from 40 to 9',
      },
    ]);
    expect(document.posts[5].media).toEqual([{ type: 'image', src: 'https://cdn.fosstodon.org/media_attachments/files/113/399/999/original/3399999000000006.jpg' }]);
  });

  it('starts after a deleted post, asked for in the /users/…/statuses/ form', async () => {
    const { document, warnings } = await read(`https://fosstodon.org/users/rhea/statuses/${DELETED[2]}`);
    expect(document.posts.map((p) => p.id)).toEqual(DELETED.slice(1));
    expect(warnings).toEqual([`the post before post ${DELETED[1]} has been deleted or is not public; the thread starts after it`]);
    expect(api.requests.map((r) => r.path)).toEqual([status(DELETED[2]), context(DELETED[2]), context(DELETED[1])]);
  });

  it('names an account of another server by its own server', async () => {
    const { document, warnings } = await read(`https://fosstodon.org/@kai@chaos.social/${REMOTE}`);
    expect(document.posts).toHaveLength(1);
    expect(document.posts[0].author).toMatchObject({ name: 'Kai', handle: 'kai@chaos.social' });
    // The status's own page is on another server: the address is the page of the server the user named.
    expect(document.url).toBe(`https://fosstodon.org/@kai@chaos.social/${REMOTE}`);
    expect(warnings).toEqual([]);
  });

  it('explains a status that is gone or not public', async () => {
    const err = await read('https://fosstodon.org/@rhea/113400000000000404').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocialApiError);
    expect((err as SocialApiError).kind).toBe('not-found');
    expect((err as Error).message).toBe(
      'https://fosstodon.org/@rhea/113400000000000404: post 113400000000000404 was not found: it has been deleted, or it is not public (followers-only and direct posts need a login)',
    );
  });

  it('says when to retry after a rate limit, from X-RateLimit-Reset', async () => {
    const reset = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    resetAt = reset.toISOString();
    const err = await read('https://fosstodon.org/@rhea/113400000000000429').catch((e: unknown) => e);
    expect((err as SocialApiError).kind).toBe('rate-limit');
    expect((err as SocialApiError).retryAt?.getTime()).toBe(reset.getTime());
    expect((err as Error).message).toMatch(
      new RegExp(`the rate limit of the Mastodon API at fosstodon.org is used up; try again in (120|121) s \\(at ${reset.toISOString().replace(/\./g, '\\.')}\\)$`),
    );
  });

  it('says when to retry from Retry-After when X-RateLimit-Reset is missing', async () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const err = await importMastodon('https://fosstodon.org/@rhea/113400000000000430', { apiBase: api.origin, now: () => now }).catch((e: unknown) => e);
    expect((err as SocialApiError).kind).toBe('rate-limit');
    expect((err as SocialApiError).retryAt?.toISOString()).toBe('2025-03-01T12:01:30.000Z');
    expect((err as Error).message).toMatch(/is used up; try again in 90 s \(at 2025-03-01T12:01:30\.000Z\)$/);
  });

  it('keeps the status’s own address when it is on the server the user named', async () => {
    const { document } = await read(`https://fosstodon.org/users/rhea/statuses/${THREAD[0]}`);
    expect(document.url).toBe(LONG);
  });

  it('reads the API base from SPOOL_MASTODON_API_BASE, and is what importSource sends status URLs to', async () => {
    vi.stubEnv('SPOOL_MASTODON_API_BASE', api.origin);
    expect((await importMastodon(`https://fosstodon.org/@kai@chaos.social/${REMOTE}`)).document.posts).toHaveLength(1);
    const imported = await importSource(`https://fosstodon.org/users/rhea/statuses/${DELETED[2]}`);
    expect(imported.document.posts.map((p) => p.id)).toEqual(DELETED.slice(1));
  });

  it('reads an address that only looks like a status as the page it is, when the site is not a Mastodon server', async () => {
    const page = `${api.origin}/@ann/20240117`;
    const forced = await importSource(page, { kind: 'mastodon', fetch: { allowAddresses: ['127.0.0.1'] } }).catch((e: unknown) => e);
    expect((forced as SocialApiError).kind).toBe('not-mastodon');
    expect((forced as Error).message).toContain('does not look like a Mastodon server');
    api.requests.length = 0;
    // Detected by its shape only: the API answers with a page, so the address is fetched as a page.
    const { document } = await importSource(page, { fetch: { allowAddresses: ['127.0.0.1'] }, condense: false });
    expect(api.requests.map((r) => r.path)).toEqual([status('20240117'), '/@ann/20240117']);
    expect(document.title).toBe('Notes from January');
    expect(document.posts.flatMap((p) => texts(p.blocks))).toContain('The address of this page only looks like a Mastodon status.');
  });

  it('never asks a server on the machine’s own network for a URL a user gave', async () => {
    const err = await importMastodon(`${api.origin}/@rhea/${THREAD[0]}`).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/refused http:\/\/127\.0\.0\.1:\d+\/api\/v1\/statuses\/\d+: .*loopback/);
    expect(api.requests).toEqual([]);
  });
});

describe('contentBlocks', () => {
  it('never lets markup through, and keeps only http(s) links', () => {
    const blocks = contentBlocks('<p><script>alert(1)</script><a href="javascript:alert(1)">x</a> &lt;b&gt;</p>');
    expect(blocks).toEqual([{ type: 'paragraph', spans: [{ text: 'x <b>' }] }]);
  });
});

describe('Mastodon status URLs', () => {
  it.each([
    ['https://fosstodon.org/@rhea/113400000000000101', { host: 'fosstodon.org', origin: 'https://fosstodon.org', id: '113400000000000101' }],
    ['https://fosstodon.org/@kai@chaos.social/113600000000000001/', { host: 'fosstodon.org', origin: 'https://fosstodon.org', id: '113600000000000001' }],
    ['https://social.example:8443/users/rhea/statuses/42', { host: 'social.example:8443', origin: 'https://social.example:8443', id: '42' }],
  ])('%s', (address, expected) => {
    expect(parseMastodonStatusUrl(address)).toEqual(expected);
    expect(kindFromName(address)).toBe('mastodon');
  });

  it('does not take ordinary article addresses for statuses', () => {
    for (const address of [
      'https://medium.com/@rhea/why-our-ci-was-slow-5f2a1c9e8b7d',
      'https://fosstodon.org/@rhea',
      'https://fosstodon.org/@rhea/113400000000000101/reblogs',
      'https://example.com/blog/2024/113400000000000101',
      'https://www.youtube.com/@rhea/videos',
      'https://x.com/@rhea/123',
    ]) {
      expect(parseMastodonStatusUrl(address)).toBeUndefined();
      expect(kindFromName(address)).not.toBe('mastodon');
    }
  });
});
