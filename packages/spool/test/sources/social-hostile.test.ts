/**
 * Servers that answer what no real one would: statuses that reply to themselves or to each other,
 * parents and replies without end, answers that never finish or are far too large, addresses of
 * files on this machine, fields of the wrong type. Each import ends soon, after a bounded number of
 * requests, with what it read and a warning, or with an error that says what was wrong.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importBluesky } from '../../src/sources/bluesky.js';
import { blueskyPost } from '../../src/sources/bluesky-posts.js';
import { bskyPostViewSchema } from '../../src/sources/bluesky-types.js';
import { importMastodon } from '../../src/sources/mastodon.js';
import { mastodonPost } from '../../src/sources/mastodon-posts.js';
import { mastodonStatusSchema } from '../../src/sources/mastodon-types.js';
import { RemoteApiError, SocialApiError } from '../../src/sources/social-api.js';
import { FetchFailedError } from '../../src/sources/fetch-guard.js';

interface Reply {
  status?: number;
  body?: unknown;
  /** Sent as it is, instead of `body` as JSON. */
  raw?: string | Buffer;
  /** Wait this long before answering; `Infinity` never answers. */
  delayMs?: number;
}

type Script = (path: string, query: URLSearchParams) => Reply;

/** One server for the file; each test gives it its script. */
let script: Script = () => ({ status: 404, body: { error: 'Record not found' } });
let requests: string[] = [];
let server: http.Server;
let origin: string;
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock.test');
    requests.push(url.pathname + url.search);
    const reply = script(url.pathname, url.searchParams);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
    };
    if (reply.delayMs === Infinity) hanging.push(res);
    else if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  requests = [];
  for (const res of hanging.splice(0)) res.destroy();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// ---- Mastodon ------------------------------------------------------------------------------------

const EVE = { id: '7', username: 'eve', acct: 'eve', display_name: 'Eve', avatar: 'https://cdn.example/eve.png' };
const STATUS = /^\/api\/v1\/statuses\/(\d+)$/;
const CONTEXT = /^\/api\/v1\/statuses\/(\d+)\/context$/;

function status(id: bigint | string, parent: bigint | string | null, extra: Record<string, unknown> = {}) {
  return {
    id: String(id),
    uri: `https://social.example/users/eve/statuses/${id}`,
    url: `https://social.example/@eve/${id}`,
    created_at: new Date(1_700_000_000_000 + Number(BigInt(id) % 1_000_000n) * 1000).toISOString(),
    account: EVE,
    content: `<p>Post ${id}</p>`,
    spoiler_text: '',
    language: 'en',
    in_reply_to_id: parent === null ? null : String(parent),
    in_reply_to_account_id: parent === null ? null : EVE.id,
    replies_count: 1,
    media_attachments: [],
    reblog: null,
    poll: null,
    ...extra,
  };
}

/** A server that answers statuses and contexts from two functions of the id. */
function mastodonScript(statusOf: (id: bigint) => unknown, contextOf: (id: bigint) => { ancestors: unknown[]; descendants: unknown[] }, delayMs = 0): Script {
  return (path) => {
    const s = STATUS.exec(path);
    if (s) return { body: statusOf(BigInt(s[1])), delayMs };
    const c = CONTEXT.exec(path);
    if (c) return { body: contextOf(BigInt(c[1])), delayMs };
    return { status: 404, body: { error: 'Record not found' } };
  };
}

const mastodon = (id: bigint | string, opts: { timeLimitMs?: number } = {}) => importMastodon(`https://social.example/@eve/${id}`, { apiBase: origin, ...opts });
const ids = (posts: { id?: string }[]) => posts.map((p) => p.id);

describe('a hostile Mastodon server', () => {
  it('gives a status as a reply to itself: the import ends with that one post', async () => {
    const self = status('100', '100');
    script = mastodonScript(() => self, () => ({ ancestors: [self], descendants: [self] }));
    const { document, warnings } = await mastodon('100');
    expect(ids(document.posts)).toEqual(['100']);
    expect(warnings).toContain('post 100 is given as a reply to itself; the thread starts at it');
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('gives two statuses as replies to each other: each is read once', async () => {
    const a = status('100', '101');
    const b = status('101', '100');
    script = mastodonScript(
      (id) => (id === 100n ? a : b),
      (id) => (id === 100n ? { ancestors: [b], descendants: [b] } : { ancestors: [a], descendants: [a] }),
    );
    const { document, warnings } = await mastodon('100');
    expect(ids(document.posts)).toEqual(['101', '100']);
    expect(warnings).toContain('post 101 is given as a reply to post 100, which is already in the thread; the thread starts at post 101');
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('gives parents without end, one an answer: the import stops at its request budget', async () => {
    script = mastodonScript(
      (id) => status(id, id - 1n, { replies_count: 0 }),
      (id) => ({ ancestors: [status(id - 1n, id - 2n, { replies_count: 1 })], descendants: [] }),
    );
    const started = performance.now();
    const { document, warnings } = await mastodon(10_000_000n);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(requests.length).toBeLessThanOrEqual(51);
    expect(document.posts.length).toBeGreaterThan(40);
    expect(document.posts.at(-1)?.id).toBe('10000000');
    expect(warnings.some((w) => /^stopped reading the thread after 51 requests to the Mastodon API at social\.example, the most one import makes: it may start before post \d+$/.test(w))).toBe(true);
  });

  it('gives 40 parents an answer without end: the import keeps 500 posts and says how many more it read', async () => {
    const chain = (id: bigint) => status(id, id - 1n, { replies_count: 1 });
    script = mastodonScript(chain, (id) => ({ ancestors: Array.from({ length: 40 }, (_, i) => chain(id - 40n + BigInt(i))), descendants: [] }));
    const { document, warnings } = await mastodon(10_000_000n);
    expect(document.posts).toHaveLength(500);
    expect(new Set(ids(document.posts)).size).toBe(500);
    expect(requests.length).toBeLessThanOrEqual(15);
    const cap = warnings.find((w) => w.startsWith('the thread is longer than 500 posts'));
    expect(cap).toMatch(/^the thread is longer than 500 posts, the most one import keeps: left out \d+ or more posts before post 9999501$/);
  });

  it('gives replies without end, 60 an answer: the import keeps 500 posts', async () => {
    const chain = (id: bigint) => status(id, id === 1000n ? null : id - 1n);
    script = mastodonScript(chain, (id) => ({ ancestors: [], descendants: Array.from({ length: 60 }, (_, i) => chain(id + 1n + BigInt(i))) }));
    const { document, warnings } = await mastodon(1000n);
    expect(document.posts).toHaveLength(500);
    expect(document.posts[0].id).toBe('1000');
    expect(requests.length).toBeLessThanOrEqual(12);
    expect(warnings.find((w) => w.startsWith('the thread is longer'))).toMatch(/left out \d+ or more posts after post 1499$/);
  });

  it('answers slowly without end: the import stops at its time limit with what it read', async () => {
    script = mastodonScript(
      (id) => status(id, id - 1n, { replies_count: 0 }),
      (id) => ({ ancestors: [status(id - 1n, id - 2n)], descendants: [] }),
      100,
    );
    const started = performance.now();
    const { document, warnings } = await mastodon(5000n, { timeLimitMs: 700 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(document.posts.length).toBeGreaterThanOrEqual(2);
    expect(requests.length).toBeLessThan(10);
    expect(warnings.some((w) => /^stopped reading the thread after 0\.7 s, the longest one import takes: it may start before post \d+$/.test(w))).toBe(true);
  });

  it('never finishes a context: the import ends at its time limit with the status', async () => {
    script = (path) => (STATUS.test(path) ? { body: status('5000', null) } : { delayMs: Infinity });
    const started = performance.now();
    const { document, warnings } = await mastodon('5000', { timeLimitMs: 500 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ids(document.posts)).toEqual(['5000']);
    expect(warnings).toEqual(['stopped reading the thread after 0.5 s, the longest one import takes: it may go on after post 5000']);
  });

  it('never answers the status itself: a clear error when the time is up', async () => {
    script = () => ({ delayMs: Infinity });
    const err = await mastodon('5000', { timeLimitMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteApiError);
    expect((err as Error).message).toBe(
      'could not fetch https://social.example/@eve/5000: the Mastodon API at social.example did not finish answering within 0.3 s, the longest one import takes',
    );
  });

  it('answers more than 8 MB: refused, saying so', async () => {
    const big = status('5000', null, { content: `<p>${'x'.repeat(9 * 1024 * 1024)}</p>` });
    script = () => ({ body: big });
    const err = await mastodon('5000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteApiError);
    expect((err as Error).message).toBe(
      'could not fetch https://social.example/@eve/5000: the Mastodon API at social.example answered more than 8 MB for /api/v1/statuses/5000, far more than a thread takes; it was not read',
    );
  });

  it('answers 503: an error naming the API, which a server reports as a bad gateway', async () => {
    script = () => ({ status: 503, raw: '<html><body>Service Unavailable</body></html>' });
    const err = await mastodon('5000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteApiError);
    expect(err).toBeInstanceOf(FetchFailedError);
    expect(err).not.toBeInstanceOf(SocialApiError);
    expect((err as RemoteApiError).service).toBe('the Mastodon API at social.example');
    expect((err as RemoteApiError).remoteStatus).toBe(503);
    expect((err as Error).message).toBe('could not fetch https://social.example/@eve/5000: the Mastodon API at social.example answered 503 for /api/v1/statuses/5000');
  });

  it('answers a status with fields of the wrong type: an input error naming them, never a TypeError', async () => {
    const { acct: _acct, ...noAcct } = EVE;
    script = mastodonScript(() => status('5000', null, { account: noAcct, media_attachments: 'none' }), () => ({ ancestors: [], descendants: [] }));
    const err = await mastodon('5000').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocialApiError);
    expect((err as Error).message).toBe(
      'https://social.example/@eve/5000: post 5000 cannot be read: the Mastodon API at social.example answered a status with account.acct: required; media_attachments: expected array',
    );
  });

  it('answers fields for show with the wrong type: they are dropped, the post is kept', async () => {
    const odd = status('5000', null, {
      account: { ...EVE, display_name: 42 },
      spoiler_text: null,
      language: ['en'],
      media_attachments: [{ type: 'image', url: 'https://cdn.example/a.png', description: { text: 'alt' } }, 'not an attachment'],
    });
    script = mastodonScript(() => odd, () => ({ ancestors: [], descendants: [] }));
    const { document, warnings } = await mastodon('5000');
    expect(document.posts[0].author).toEqual({ name: '', handle: 'eve@social.example', avatar: 'https://cdn.example/eve.png' });
    expect(document.posts[0].media).toEqual([{ type: 'image', src: 'https://cdn.example/a.png' }]);
    expect(warnings).toEqual(['post 5000: an attachment that cannot be read was left out; only images become slides']);
  });

  it('gives a post of the thread that cannot be read: the thread stops before it, saying why', async () => {
    script = mastodonScript(
      () => status('5000', null),
      () => ({ ancestors: [], descendants: [status('5001', '5000', { content: { html: '<p>x</p>' } }), status('5002', '5001')] }),
    );
    const { document, warnings } = await mastodon('5000');
    expect(ids(document.posts)).toEqual(['5000']);
    expect(warnings).toEqual(['post 5001 cannot be read (content: expected string); the thread stops before it']);
  });
});

describe('Mastodon image and avatar addresses', () => {
  const read = (extra: Record<string, unknown>) => mastodonStatusSchema.parse(status('5000', null, extra));

  it('keep only absolute http(s) addresses, and say which were left out', () => {
    const built = mastodonPost(
      read({
        account: { ...EVE, avatar_static: 'file:///home/u/.ssh/id_rsa', avatar: '/home/u/me.jpg' },
        media_attachments: [
          { type: 'image', url: '/home/u/x.jpg' },
          { type: 'image', url: 'file:///etc/passwd' },
          { type: 'image', url: '../x.png' },
          { type: 'image', url: '//cdn.example/x.png' },
          { type: 'image', url: '../local.png', remote_url: 'https://remote.example/x.png' },
          { type: 'image', url: 'https://cdn.example/ok.png' },
          { type: 'image', url: 42 },
        ],
      }),
      1,
      'social.example',
    );
    expect(built.post.media).toEqual([
      { type: 'image', src: 'https://remote.example/x.png' },
      { type: 'image', src: 'https://cdn.example/ok.png' },
    ]);
    expect(built.post.author.avatar).toBeUndefined();
    expect(built.warnings).toEqual([
      'post 5000: an image was left out: its address is not a web address ("/home/u/x.jpg")',
      'post 5000: an image was left out: its address is not a web address ("file:///etc/passwd")',
      'post 5000: an image was left out: its address is not a web address ("../x.png")',
      'post 5000: an image was left out: its address is not a web address ("//cdn.example/x.png")',
      'post 5000: an image was left out: its address is not a web address (it is a number)',
      'post 5000: the avatar of eve@social.example is not a web address ("file:///home/u/.ssh/id_rsa"); left out',
    ]);
  });

  it('say so about an avatar once a thread, on the first post it concerns', async () => {
    const bad = { ...EVE, avatar: '/etc/shadow' };
    script = mastodonScript(
      () => status('5000', null, { account: bad }),
      () => ({ ancestors: [], descendants: [status('5001', '5000', { account: bad, replies_count: 0 })] }),
    );
    const { document, warnings } = await mastodon('5000');
    expect(ids(document.posts)).toEqual(['5000', '5001']);
    expect(warnings).toEqual(['post 5000: the avatar of eve@social.example is not a web address ("/etc/shadow"); left out']);
  });
});

// ---- Bluesky -------------------------------------------------------------------------------------

const DID = 'did:plc:eeeeeeeeeeeeeeeeeeeeeeee';
const MIRA = { did: DID, handle: 'eve.bsky.social', displayName: 'Eve', avatar: 'https://cdn.bsky.app/img/avatar/eve@jpeg' };
const uriOf = (rkey: string) => `at://${DID}/app.bsky.feed.post/${rkey}`;
const THREAD_PATH = '/xrpc/app.bsky.feed.getPostThread';

function postView(rkey: string, extra: Record<string, unknown> = {}) {
  return {
    uri: uriOf(rkey),
    cid: `bafy${rkey}`,
    author: MIRA,
    record: { $type: 'app.bsky.feed.post', text: `Post ${rkey}`, createdAt: new Date(1_700_000_000_000 + rkey.length * 1000).toISOString(), langs: ['en'] },
    replyCount: 1,
    indexedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

const node = (post: unknown, more: Record<string, unknown> = {}) => ({ $type: 'app.bsky.feed.defs#threadViewPost', post, ...more });

/** A chain of `n` replies below `rkey`, nested as the AppView nests them. */
function repliesChain(from: number, n: number): unknown[] {
  let replies: unknown[] = [];
  for (let i = from + n - 1; i >= from; i--) replies = [node(postView(`p${i}`, { replyCount: i === from + n - 1 ? 0 : 1 }), { replies })];
  return replies;
}

const bluesky = (rkey: string, opts: { timeLimitMs?: number } = {}) => importBluesky(`https://bsky.app/profile/eve.bsky.social/post/${rkey}`, { apiBase: `${origin}/xrpc`, ...opts });
const threadScript = (answer: (uri: string) => Reply): Script => (path, query) => (path === THREAD_PATH ? answer(query.get('uri') ?? '') : { status: 404, body: {} });

describe('a hostile Bluesky AppView', () => {
  it('nests a post among its own replies: each post is read once', async () => {
    const anchor = postView('a1');
    script = threadScript(() => ({ body: { thread: node(anchor, { replies: [node(anchor, { replies: [node(anchor, { replies: [] })] })] }) } }));
    const { document } = await bluesky('a1');
    expect(ids(document.posts)).toEqual(['a1']);
    expect(requests).toHaveLength(1);
  });

  it('gives the post as its own parent: the thread starts at it', async () => {
    const anchor = postView('a1', { replyCount: 0 });
    script = threadScript(() => ({ body: { thread: node(anchor, { parent: node(anchor, { parent: node(anchor) }), replies: [] }) } }));
    const { document, warnings } = await bluesky('a1');
    expect(ids(document.posts)).toEqual(['a1']);
    expect(warnings).toContain('post a1 is given as a reply to itself; the thread starts at it');
  });

  it('answers every read-on with the same post, its replies never given: the requests stay few', async () => {
    const anchor = postView('a1', { replyCount: 5 });
    script = threadScript(() => ({ body: { thread: node(anchor) } }));
    const { document } = await bluesky('a1');
    expect(ids(document.posts)).toEqual(['a1']);
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('reads on at the edge of every answer: the import stops at its request budget, saying so', async () => {
    let next = 0;
    // Every answer gives one more reply, at the edge (its replies not given).
    script = threadScript((uri) => {
      const rkey = uri.slice(uri.lastIndexOf('/') + 1);
      next++;
      return { body: { thread: node(postView(rkey), { replies: [node(postView(`r${next}`))] }) } };
    });
    const { document, warnings } = await bluesky('a1');
    expect(requests).toHaveLength(6);
    expect(document.posts).toHaveLength(7);
    expect(warnings).toContain('stopped reading the thread after 6 requests to the Bluesky API, the most one import makes: it may go on after post r6');
  });

  it('nests 800 replies: the import keeps 500 and says how many it left out', async () => {
    script = threadScript(() => ({ body: { thread: node(postView('p0'), { replies: repliesChain(1, 800) }) } }));
    const { document, warnings } = await bluesky('p0');
    expect(document.posts).toHaveLength(500);
    expect(warnings).toContain('the thread is longer than 500 posts, the most one import keeps: left out 301 posts after post p499');
  });

  it('answers more than 64 MB: refused, saying so', async () => {
    script = threadScript(() => ({ raw: Buffer.alloc(65 * 1024 * 1024, 0x20) }));
    const err = await bluesky('a1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteApiError);
    expect((err as Error).message).toMatch(/the Bluesky API answered more than 64 MB for \/app\.bsky\.feed\.getPostThread, far more than a thread takes; it was not read$/);
  });

  it('answers 500: an error naming the API', async () => {
    script = () => ({ status: 500, body: { error: 'InternalServerError', message: 'Internal Server Error' } });
    const err = await bluesky('a1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteApiError);
    expect((err as Error).message).toMatch(/the Bluesky API answered 500 for \/app\.bsky\.feed\.getPostThread: Internal Server Error$/);
  });

  it('answers a post whose text is not text: an input error naming the field', async () => {
    script = threadScript(() => ({ body: { thread: node(postView('a1', { record: { text: 5, createdAt: '2024-01-01T00:00:00Z' } }), { replies: [] }) } }));
    const err = await bluesky('a1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocialApiError);
    expect((err as Error).message).toBe('https://bsky.app/profile/eve.bsky.social/post/a1: post a1 cannot be read: the Bluesky API answered a post with record.text: expected string');
  });

  it('answers replies, facets, embeds and labels of the wrong shape: passed over, never a TypeError', async () => {
    const odd = postView('a1', {
      record: { text: 'See https://x.example', facets: [null, { index: 'x' }, 7], langs: 'en' },
      embed: { $type: 'app.bsky.embed.images#view', images: 'none' },
      labels: { val: 'porn' },
      replyCount: 2,
    });
    const reply = postView('a2', { embed: { $type: 'app.bsky.embed.record#view', record: null }, replyCount: 0 });
    script = threadScript((uri) => ({ body: { thread: uri.endsWith('/a1') ? node(odd, { replies: [node(reply, { replies: 'none' }), null, 5] }) : node(reply) } }));
    const { document, warnings } = await bluesky('a1');
    expect(ids(document.posts)).toEqual(['a1', 'a2']);
    expect(document.posts[0].media).toEqual([]);
    expect(warnings).toEqual(['post a1: an image embed that cannot be read was left out', 'post a2: a quoted post that cannot be read was left out']);
  });

  it('gives a reply of the author’s that cannot be read: the thread stops before it, saying why', async () => {
    script = threadScript(() => ({ body: { thread: node(postView('a1'), { replies: [node(postView('a2', { record: { text: ['x'] } }))] }) } }));
    const { document, warnings } = await bluesky('a1');
    expect(ids(document.posts)).toEqual(['a1']);
    expect(warnings).toEqual(['post a2 of the thread cannot be read (record.text: expected string); the thread stops before it']);
  });
});

describe('Bluesky image and avatar addresses', () => {
  it('keep only absolute http(s) addresses, and say which were left out', () => {
    const view = bskyPostViewSchema.parse(
      postView('a1', {
        author: { ...MIRA, avatar: '/home/u/me.jpg' },
        embed: {
          $type: 'app.bsky.embed.images#view',
          images: [
            { fullsize: 'file:///etc/passwd', alt: 'a' },
            { fullsize: '../x.png', alt: 'b' },
            { fullsize: 'https://cdn.bsky.app/img/feed_fullsize/ok@jpeg', alt: 'c' },
          ],
        },
      }),
    );
    const built = blueskyPost(view, 1);
    expect(built.post.media).toEqual([{ type: 'image', src: 'https://cdn.bsky.app/img/feed_fullsize/ok@jpeg', alt: 'c' }]);
    expect(built.post.author).toEqual({ name: 'Eve', handle: 'eve.bsky.social' });
    expect(built.warnings).toEqual([
      'post a1: an image was left out: its address is not a web address ("file:///etc/passwd")',
      'post a1: an image was left out: its address is not a web address ("../x.png")',
      'post a1: the avatar of eve.bsky.social is not a web address ("/home/u/me.jpg"); left out',
    ]);
  });
});
