import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockSocialServer, type MockSocialServer } from '../helpers/mock-social-server.js';
import { startTestServer, type TestServer } from './harness.js';

// The studio posts what the user pasted as `{ kind: 'url', url }`; Bluesky and Mastodon post URLs go
// to their APIs from there, as X post URLs do, and their images become assets.
const BSKY_POST = 'https://bsky.app/profile/mira.bsky.social/post/3lbqwslhfdtbj';
const BSKY_LIMITED = 'https://bsky.app/profile/mira.bsky.social/post/3lbqlimit2abc';
const MASTODON_POST = 'https://fosstodon.org/@rhea/113400000000000101';
const DID = 'did:plc:w4xbfzo7kqfk5mh4mb5nnvf5';
const GET_THREAD = '/xrpc/app.bsky.feed.getPostThread';

let bsky: MockSocialServer;
let mastodon: MockSocialServer;
let server: TestServer;
let resetAt = 0;

beforeAll(async () => {
  bsky = await startMockSocialServer({
    fixtures: new URL('../fixtures/bluesky/', import.meta.url),
    mediaHosts: ['cdn.bsky.app'],
    answers: [
      { path: GET_THREAD, query: { uri: 'at://mira.bsky.social/app.bsky.feed.post/3lbqwslhfdtbj', depth: '1000', parentHeight: '1000' }, file: 'thread-3lbqwslhfdtbj.json' },
      { path: GET_THREAD, query: { uri: `at://${DID}/app.bsky.feed.post/3lbqeij2iojx6`, depth: '1000', parentHeight: '0' }, file: 'thread-3lbqeij2iojx6-below.json' },
      {
        path: GET_THREAD,
        query: { uri: 'at://mira.bsky.social/app.bsky.feed.post/3lbqlimit2abc', depth: '1000', parentHeight: '1000' },
        status: 429,
        file: 'error-rate-limit.json',
        headers: () => ({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(resetAt) }),
      },
    ],
  });
  mastodon = await startMockSocialServer({
    fixtures: new URL('../fixtures/mastodon/', import.meta.url),
    mediaHosts: ['cdn.fosstodon.org'],
    answers: [
      { path: '/api/v1/statuses/113400000000000101', file: 'status-113400000000000101.json' },
      { path: '/api/v1/statuses/113400000000000101/context', file: 'context-113400000000000101.json' },
      { path: '/api/v1/statuses/113400000000000121/context', file: 'context-113400000000000121.json' },
      { path: '/api/v1/statuses/113400000000000404', status: 404, file: 'error-not-found.json' },
      { path: '/api/v1/statuses/113400000000000430', status: 429, file: 'error-rate-limit.json', headers: () => ({ 'retry-after': '90' }) },
    ],
  });
  vi.stubEnv('SPOOL_BLUESKY_API_BASE', `${bsky.origin}/xrpc`);
  vi.stubEnv('SPOOL_MASTODON_API_BASE', mastodon.origin);
  server = await startTestServer({ starterContent: false });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
  await bsky.close();
  await mastodon.close();
});

afterEach(() => {
  expect([...bsky.violations, ...mastodon.violations]).toEqual([]);
});

const isAsset = (src: string | undefined) => /^asset:\S+$/.test(src ?? '');

describe('POST /api/import with a Bluesky or Mastodon post URL', () => {
  it('reads a Bluesky thread through the AppView and stores its images and avatar as assets', async () => {
    const { document, warnings } = await server.json('POST', '/api/import', { kind: 'url', url: BSKY_POST });
    expect(document.posts).toHaveLength(27);
    expect(document.posts[0].author).toMatchObject({ name: 'Mira Okafor', handle: 'mira.bsky.social' });
    expect(isAsset(document.posts[0].author.avatar)).toBe(true);
    expect(document.posts[0].media).toHaveLength(2);
    expect(document.posts[0].media.every((m: { src: string }) => isAsset(m.src))).toBe(true);
    expect(document.posts[0].media[0].alt).toBe('Build time per day: a cliff from 40 to 9 minutes in March');
    expect(warnings.filter((w: string) => /dropped/.test(w))).toEqual([]);
    expect(bsky.requests.filter((r) => r.path.startsWith('/cdn.bsky.app/')).length).toBeGreaterThanOrEqual(3);
  });

  it('reads a Mastodon thread through its server’s API and stores its images as assets', async () => {
    const { document, warnings } = await server.json('POST', '/api/import', { kind: 'url', url: MASTODON_POST });
    expect(document.posts).toHaveLength(27);
    expect(document.posts[0].author.handle).toBe('rhea@fosstodon.org');
    expect(document.posts[0].blocks[0].spans[1].text).toBe(' CI war stories, mildly ranty');
    expect(document.posts[0].media).toEqual([{ type: 'image', src: expect.stringMatching(/^asset:/), alt: 'Graph of build minutes per day, falling from 40 to 9' }]);
    expect(isAsset(document.posts[0].author.avatar)).toBe(true);
    expect(warnings.filter((w: string) => /dropped/.test(w))).toEqual([]);
  });

  it('answers 429 with Retry-After when the rate limit is used up', async () => {
    resetAt = Math.floor(Date.now() / 1000) + 300;
    const res = await server.call('POST', '/api/import', { kind: 'url', url: BSKY_LIMITED });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(298);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(300);
    expect((await res.json()).error).toMatch(/the rate limit of the Bluesky API is used up; try again in \d+ s \(at \d{4}-\d\d-\d\dT[\d:.]+Z\)$/);
  });

  it('answers 429 with Retry-After from the remote’s Retry-After when it sends no X-RateLimit-Reset', async () => {
    const res = await server.call('POST', '/api/import', { kind: 'url', url: 'https://fosstodon.org/@rhea/113400000000000430' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(88);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(90);
    expect((await res.json()).error).toMatch(/the rate limit of the Mastodon API at fosstodon\.org is used up; try again in (89|90) s/);
  });

  it('answers 400 naming the post for a status that is gone', async () => {
    const res = await server.call('POST', '/api/import', { url: 'https://fosstodon.org/@rhea/113400000000000404' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/post 113400000000000404 was not found: it has been deleted, or it is not public/);
  });
});
