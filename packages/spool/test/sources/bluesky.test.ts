import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockText, type Block } from '../../src/model/document.js';
import { kindFromName } from '../../src/sources/detect.js';
import { SocialApiError, importBluesky } from '../../src/sources/bluesky.js';
import { facetSpans } from '../../src/sources/bluesky-posts.js';
import { importSource } from '../../src/sources/import.js';
import { parseBlueskyPostUrl } from '../../src/sources/social-urls.js';
import { startMockSocialServer, type MockSocialServer } from '../helpers/mock-social-server.js';

const DID = 'did:plc:w4xbfzo7kqfk5mh4mb5nnvf5';
/** Mira's 27 posts, in thread order. */
const THREAD = [
  '3lbqenwruvwyx', '3lbqrb2wgfm45', '3lbqwslhfdtbj', '3lbq6q5yrmhwi', '3lbqff2x77lfh', '3lbqflt4frr33', '3lbqn6qei2eoc',
  '3lbqeozmq3mth', '3lbqmdz7lsali', '3lbqzp4dveumo', '3lbqa6qjzap6j', '3lbqr4hgytksu', '3lbqqi72yqzz5', '3lbqqdaje6b4q',
  '3lbqer6krcrxs', '3lbq7yifaxgbr', '3lbqczgek33xd', '3lbqfvy7wop4u', '3lbqrb4lf3irc', '3lbqeij2iojx6', '3lbqs56btysw7',
  '3lbqdxa236mgo', '3lbqdxolwp47c', '3lbqpmotd3a6d', '3lbqjznn7pfaf', '3lbqs24nhlajo', '3lbqylzmy3gvc',
];
const DELETED = ['3lbqianro3rpp', '3lbqd2w6amybe', '3lbqu5sm7dih7', '3lbq7rop2uqsm'];
const PATH = '/xrpc/app.bsky.feed.getPostThread';
const asked = (uri: string, parentHeight = '1000') => ({ uri, depth: '1000', parentHeight });

let api: MockSocialServer;
let apiBase: string;
let resetAt = 0;

beforeAll(async () => {
  api = await startMockSocialServer({
    fixtures: new URL('../fixtures/bluesky/', import.meta.url),
    answers: [
      { path: PATH, query: asked(`at://mira.bsky.social/app.bsky.feed.post/${THREAD[2]}`), file: `thread-${THREAD[2]}.json` },
      { path: PATH, query: asked(`at://${DID}/app.bsky.feed.post/${THREAD[19]}`, '0'), file: `thread-${THREAD[19]}-below.json` },
      { path: PATH, query: asked(`at://${DID}/app.bsky.feed.post/${DELETED[2]}`), file: `thread-${DELETED[2]}.json` },
      { path: PATH, query: asked('at://mira.bsky.social/app.bsky.feed.post/3lbqgone2abcd'), status: 400, file: 'error-not-found.json' },
      { path: PATH, query: asked('at://mira.bsky.social/app.bsky.feed.post/3lbqblockd2ab'), file: 'thread-blocked.json' },
      {
        path: PATH,
        query: asked('at://mira.bsky.social/app.bsky.feed.post/3lbqlimit2abc'),
        status: 429,
        file: 'error-rate-limit.json',
        headers: () => ({ 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(resetAt), 'ratelimit-policy': '3000;w=300' }),
      },
      {
        path: PATH,
        query: asked('at://mira.bsky.social/app.bsky.feed.post/3lbqlimit2abd'),
        status: 429,
        file: 'error-rate-limit.json',
        headers: () => ({ 'retry-after': 'Sat, 01 Mar 2025 12:05:00 GMT' }),
      },
    ],
  });
  apiBase = `${api.origin}/xrpc`;
});

afterAll(() => api.close());

afterEach(() => {
  api.requests.length = 0;
  expect(api.violations).toEqual([]);
  vi.unstubAllEnvs();
});

const url = (rkey: string, actor = 'mira.bsky.social') => `https://bsky.app/profile/${actor}/post/${rkey}`;
const read = (rkey: string, actor?: string) => importBluesky(url(rkey, actor), { apiBase });
const texts = (blocks: Block[]) => blocks.map(blockText);

describe('importBluesky', () => {
  it('reads the thread with getPostThread, asking for all of it, and reads on where the answer stops', async () => {
    await read(THREAD[2]);
    expect(api.requests).toEqual([
      { method: 'GET', path: PATH, query: asked(`at://mira.bsky.social/app.bsky.feed.post/${THREAD[2]}`), accept: 'application/json' },
      // Post 20 came without its replies: the thread goes on below it.
      { method: 'GET', path: PATH, query: asked(`at://${DID}/app.bsky.feed.post/${THREAD[19]}`, '0'), accept: 'application/json' },
    ]);
  });

  it('keeps the author’s own chain from the first post, 27 posts, without the replies of others', async () => {
    const { document, warnings } = await read(THREAD[2]);
    expect(document.posts.map((p) => p.id)).toEqual(THREAD);
    expect(document.title).toBeUndefined();
    expect(document.url).toBe(`https://bsky.app/profile/mira.bsky.social/post/${THREAD[0]}`);
    // The posts' language is the document's, for its fonts and direction.
    expect(document.lang).toBe('en');
    expect(document.posts[0].author).toEqual({
      name: 'Mira Okafor',
      handle: 'mira.bsky.social',
      avatar: 'https://cdn.bsky.app/img/avatar/plain/did:plc:w4xbfzo7kqfk5mh4mb5nnvf5/bafkreirbko7jzggdttx5cuoo44ca5n32tuxdmwhuo34xfbj4lmpnqsojw@jpeg',
    });
    expect(new Set(document.posts.map((p) => p.author.handle))).toEqual(new Set(['mira.bsky.social']));
    const all = document.posts.flatMap((p) => texts(p.blocks)).join('\n');
    // Jonas and Sam replied, and Mira answered them; none of that is the thread.
    expect(all).not.toMatch(/Great thread|stale cache key|Post 10 covers it|lockfile hash|Six weeks is fast/);
    expect(texts(document.posts[26].blocks)).toEqual(['That’s all. Questions welcome 👇']);
    expect(warnings).toEqual([
      "left out 1 of the author's replies that branch off the thread; it follows the earliest reply at each step",
      `post ${THREAD[0]}: removed the thread marker 🧵; a carousel shows it is a series by itself`,
    ]);
    expect(all).not.toContain('hermetic builds');
  });

  it('turns link facets into links by their UTF-8 byte offsets, after accents and an emoji', async () => {
    const { document } = await read(THREAD[2]);
    expect(document.posts[1].blocks).toEqual([
      {
        type: 'paragraph',
        spans: [
          { text: 'Première étape — le cache 🚀: the docs at ' },
          { text: 'buildkite.com/docs/pipeline…', href: 'https://buildkite.com/docs/pipelines/configure/caching', tag: 'url' },
          // Mentions and tags stay text.
          { text: ' explain it well, thanks @ada.dev #ci' },
        ],
      },
    ]);
  });

  it('takes images with their alt text, the link of a link card, and drops thread numbering', async () => {
    const { document } = await read(THREAD[2]);
    expect(document.posts[0].media).toEqual([
      {
        type: 'image',
        src: 'https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:w4xbfzo7kqfk5mh4mb5nnvf5/bafkrei2665krpqtwfhhqvzsazxzaqr24ekatgns5ege5uf4t6httadqa4@jpeg',
        alt: 'Build time per day: a cliff from 40 to 9 minutes in March',
      },
      { type: 'image', src: expect.stringMatching(/^https:\/\/cdn\.bsky\.app\/img\/feed_fullsize\/plain\/did:plc:w4x[^/]*\/bafkrei\w+@jpeg$/) },
    ]);
    expect(texts(document.posts[0].blocks)).toEqual(['How we cut our CI from 40 minutes to 9, one change at a time']);
    expect(document.posts[5].blocks[1]).toEqual({
      type: 'paragraph',
      spans: [{ text: 'mira.dev/blog/test-splitting', href: 'https://mira.dev/blog/test-splitting', tag: 'url' }],
    });
    expect(texts(document.posts[4].blocks)).toEqual(['Step two: split the test suite by timing data, not by file count.']);
  });

  it('shows a quoted post as a quotation with its author, and keeps the images of a quote with media', async () => {
    const { document } = await read(THREAD[2]);
    const quote = [
      { type: 'quote', spans: [{ text: 'Ada Quist', bold: true }, { text: ' @ada.dev' }] },
      { type: 'quote', spans: [{ text: 'Flaky tests are not random. They are telling you about shared state you forgot you had.' }] },
    ];
    expect(document.posts[2].blocks).toEqual([
      { type: 'paragraph', spans: [{ text: 'This post by Ada changed how I think about flaky tests:' }] },
      ...quote,
    ]);
    expect(document.posts[2].media).toEqual([]);
    expect(document.posts[3].blocks.slice(1)).toEqual(quote);
    expect(document.posts[3].media).toEqual([
      { type: 'image', src: expect.stringContaining('/img/feed_fullsize/plain/'), alt: 'Flake rate chart: 4% down to 0.3%' },
    ]);
  });

  it('starts after a deleted first post, asked for by DID', async () => {
    const { document, warnings } = await read(DELETED[2], DID);
    expect(document.posts.map((p) => p.id)).toEqual(DELETED.slice(1));
    expect(texts(document.posts[2].blocks)).toEqual(['Fourth: with the index the query takes 4 ms.']);
    expect(warnings).toEqual([`post ${DELETED[0]} of the thread has been deleted; the thread starts after it`]);
    expect(api.requests.map((r) => r.query.uri)).toEqual([`at://${DID}/app.bsky.feed.post/${DELETED[2]}`]);
  });

  it('explains a post that is gone, and one hidden by a block', async () => {
    const gone = await read('3lbqgone2abcd').catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(SocialApiError);
    expect((gone as SocialApiError).kind).toBe('not-found');
    expect((gone as Error).message).toBe(
      'https://bsky.app/profile/mira.bsky.social/post/3lbqgone2abcd: post 3lbqgone2abcd was not found: it has been deleted, or the handle in the address is wrong',
    );
    const blocked = await read('3lbqblockd2ab').catch((e: unknown) => e);
    expect((blocked as SocialApiError).kind).toBe('blocked');
    expect((blocked as Error).message).toMatch(/cannot be read: a block between its author and another account/);
  });

  it('says when to retry after a rate limit, from ratelimit-reset', async () => {
    resetAt = Math.floor(Date.now() / 1000) + 300;
    const err = await read('3lbqlimit2abc').catch((e: unknown) => e);
    expect((err as SocialApiError).kind).toBe('rate-limit');
    expect((err as SocialApiError).retryAt?.getTime()).toBe(resetAt * 1000);
    const at = new Date(resetAt * 1000).toISOString().replace(/\./g, '\\.');
    expect((err as Error).message).toMatch(new RegExp(`the rate limit of the Bluesky API is used up; try again in (299|300) s \\(at ${at}\\)$`));
  });

  it('says when to retry from Retry-After when ratelimit-reset is missing', async () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const err = await importBluesky(url('3lbqlimit2abd'), { apiBase, now: () => now }).catch((e: unknown) => e);
    expect((err as SocialApiError).kind).toBe('rate-limit');
    expect((err as SocialApiError).retryAt?.toISOString()).toBe('2025-03-01T12:05:00.000Z');
    expect((err as Error).message).toMatch(/is used up; try again in 300 s \(at 2025-03-01T12:05:00\.000Z\)$/);
  });

  it('reads the API base from SPOOL_BLUESKY_API_BASE, and is what importSource sends Bluesky URLs to', async () => {
    vi.stubEnv('SPOOL_BLUESKY_API_BASE', apiBase);
    const { document } = await importBluesky(url(DELETED[2], DID));
    expect(document.posts).toHaveLength(3);
    const imported = await importSource(url(DELETED[2], DID));
    expect(imported.document.posts.map((p) => p.id)).toEqual(DELETED.slice(1));
  });
});

describe('facetSpans', () => {
  it('leaves a facet that does not fall on character boundaries as text', () => {
    // "é" is two bytes; a range starting inside it is broken.
    const spans = facetSpans('é link', [{ index: { byteStart: 1, byteEnd: 7 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example' }] }]);
    expect(spans).toEqual([{ text: 'é link' }]);
  });

  it('keeps only http(s) links', () => {
    const spans = facetSpans('click', [{ index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }] }]);
    expect(spans).toEqual([{ text: 'click' }]);
  });
});

describe('Bluesky post URLs', () => {
  it.each([
    ['https://bsky.app/profile/mira.bsky.social/post/3lbqwslhfdtbj', { actor: 'mira.bsky.social', rkey: '3lbqwslhfdtbj' }],
    ['https://bsky.app/profile/did:plc:w4xbfzo7kqfk5mh4mb5nnvf5/post/3lbqwslhfdtbj/', { actor: DID, rkey: '3lbqwslhfdtbj' }],
    ['https://bsky.app/profile/did%3Aplc%3Aw4xbfzo7kqfk5mh4mb5nnvf5/post/3lbq?ref=x', { actor: DID, rkey: '3lbq' }],
    ['https://bsky.app/profile/Mira.Example.COM/post/3lbq', { actor: 'mira.example.com', rkey: '3lbq' }],
  ])('%s', (address, expected) => {
    expect(parseBlueskyPostUrl(address)).toEqual(expected);
    expect(kindFromName(address)).toBe('bluesky');
  });

  it('leaves profiles, other sites and odd handles alone', () => {
    for (const address of ['https://bsky.app/profile/mira.bsky.social', 'https://bsky.app.evil.com/profile/a.b/post/1', 'https://bsky.app/profile/nodot/post/3lbq']) {
      expect(parseBlueskyPostUrl(address)).toBeUndefined();
    }
    expect(kindFromName('https://bsky.app/profile/mira.bsky.social')).toBe('url');
  });
});
