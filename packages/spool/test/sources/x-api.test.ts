import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockText } from '../../src/model/document.js';
import { SpoolInputError } from '../../src/errors/input-error.js';
import { XApiError, importXApi, parseXStatusUrl } from '../../src/sources/x-api.js';

const fixtures = fileURLToPath(new URL('../fixtures/x-api/', import.meta.url));
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAMockBearerToken';
const FIELDS = {
  'tweet.fields': 'conversation_id,author_id,created_at,entities,note_tweet,attachments,referenced_tweets',
  expansions: 'author_id,attachments.media_keys',
  'media.fields': 'url,alt_text,width,height,type',
  'user.fields': 'name,username,profile_image_url',
};
const NEXT = 'b26v89c19zqg8o3fpdg3a0jcodstssjz6n2bc0qkgbjx9';

interface Seen {
  path: string;
  params: Record<string, string>;
  auth: string | undefined;
}
let seen: Seen[] = [];
let server: http.Server;
let apiBase: string;
let resetAt = 0;

async function reply(res: http.ServerResponse, status: number, file: string, headers: Record<string, string> = {}) {
  const body = await readFile(fixtures + file);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://api.test');
  const params = Object.fromEntries(url.searchParams);
  seen.push({ path: url.pathname, params, auth: req.headers.authorization });
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return reply(res, 401, 'error-401.json');
  if (url.pathname === '/2/tweets/search/recent') {
    if (params.query === 'conversation_id:1800000000000000001 from:lena_ships') {
      return reply(res, 200, params.next_token === NEXT ? 'search-1800000000000000001-page2.json' : 'search-1800000000000000001-page1.json');
    }
    return reply(res, 200, 'search-empty.json');
  }
  const id = /^\/2\/tweets\/(\d+)$/.exec(url.pathname)?.[1];
  if (id === '1800000000000000555') {
    return reply(res, 429, 'error-429.json', {
      'x-rate-limit-limit': '15',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(resetAt),
    });
  }
  if (id === '1800000000000000666') return reply(res, 200, 'error-not-found.json');
  if (id === '1800000000000000777') return reply(res, 200, 'error-not-authorized.json');
  if (id) return reply(res, 200, `tweet-${id}.json`);
  res.writeHead(404).end();
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    route(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  seen = [];
  vi.unstubAllEnvs();
});

const opts = () => ({ token: TOKEN, apiBase });

describe('importXApi', () => {
  it('fetches the post, its root and the author replies, in the documented requests', async () => {
    await importXApi('https://x.com/lena_ships/status/1800000000000000003?s=20', opts());
    expect(seen.map((s) => s.path)).toEqual([
      '/2/tweets/1800000000000000003',
      '/2/tweets/1800000000000000001',
      '/2/tweets/search/recent',
      '/2/tweets/search/recent',
    ]);
    expect(seen.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true);
    expect(seen[0].params).toEqual(FIELDS);
    expect(seen[2].params).toEqual({
      ...FIELDS,
      query: 'conversation_id:1800000000000000001 from:lena_ships',
      max_results: '100',
    });
    expect(seen[3].params.next_token).toBe(NEXT);
  });

  it('orders the thread along the reply chain and leaves out replies to readers', async () => {
    const { document, warnings } = await importXApi('https://twitter.com/lena_ships/status/1800000000000000003', opts());
    expect(document.posts.map((p) => p.id)).toEqual([
      '1800000000000000001',
      '1800000000000000002',
      '1800000000000000003',
      '1800000000000000004',
    ]);
    expect(document.url).toBe('https://x.com/lena_ships/status/1800000000000000001');
    expect(document.posts[0].author).toEqual({
      name: 'Lena Park',
      handle: 'lena_ships',
      avatar: 'https://pbs.twimg.com/profile_images/1590000000000000000/LpK3aBcD_400x400.jpg',
    });
    expect(warnings).toEqual(['post 1800000000000000001: removed the thread marker 🧵; a carousel shows it is a series by itself']);
  });

  it('uses the full note_tweet text of long posts, never the cut text', async () => {
    const { document } = await importXApi('https://x.com/lena_ships/status/1800000000000000001', opts());
    const long = document.posts[1];
    const text = long.blocks.map(blockText).join('\n');
    expect(text.startsWith('The trick is to split every schema change')).toBe(true);
    expect(text).toContain('Contract runs a week later');
    expect(text.endsWith('Credit to @pg_wizard for the batching script. #postgres')).toBe(true);
    const spans = long.blocks.flatMap((b) => b.spans);
    expect(spans.find((s) => s.tag === 'url')).toEqual({
      text: 'postgresql.org/docs/current/sql-alterta…',
      href: 'https://www.postgresql.org/docs/current/sql-altertable.html',
      tag: 'url',
    });
    expect(spans.filter((s) => s.tag).map((s) => s.text)).toEqual([
      'postgresql.org/docs/current/sql-alterta…',
      '@pg_wizard',
      '#postgres',
    ]);
    expect(document.posts[2].blocks.map(blockText).join('')).toContain('plan & apply');
    expect(document.posts[3].blocks.map(blockText).join('')).toBe('Six months in: zero lock timeouts, and migrations ship on Fridays again. Questions welcome 👇');
  });

  it('takes photos as remote media with their alt text and drops the photo link from the text', async () => {
    const { document } = await importXApi('https://x.com/lena_ships/status/1800000000000000001', opts());
    expect(document.posts[0].media).toEqual([
      {
        type: 'image',
        src: 'https://pbs.twimg.com/media/GQmIgr4tWAAx1yZ.jpg',
        alt: 'Lock timeline before and after: the red bars disappear after the change',
      },
    ]);
    expect(document.posts[0].blocks.map(blockText)).toEqual(['Why our Postgres migrations stopped locking prod, in 4 posts']);
  });

  it('warns that only the first post could be fetched when the thread is older than recent search', async () => {
    const { document, warnings } = await importXApi('https://x.com/lena_ships/status/1720000000000000001', opts());
    expect(document.posts).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^only the first post could be fetched: the thread is from 2023-11-02/);
    expect(warnings[0]).toContain('X data archive');
  });

  it('says when to retry after a rate limit, in local time and seconds', async () => {
    resetAt = Math.floor(Date.now() / 1000) + 600;
    const err = await importXApi('https://x.com/lena_ships/status/1800000000000000555', opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XApiError);
    expect((err as XApiError).kind).toBe('rate-limit');
    expect((err as XApiError).retryAt?.getTime()).toBe(resetAt * 1000);
    const clock = new Date(resetAt * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect((err as Error).message).toMatch(new RegExp(`try again at ${clock} local time \\(in (599|600) s\\)$`));
  });

  it('explains deleted and protected posts', async () => {
    const deleted = await importXApi('https://x.com/lena_ships/status/1800000000000000666', opts()).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(SpoolInputError);
    expect((deleted as Error).message).toBe(
      'https://x.com/lena_ships/status/1800000000000000666: post 1800000000000000666 was not found: it has been deleted, or the account is suspended',
    );
    await expect(importXApi('https://x.com/lena_ships/status/1800000000000000777', opts())).rejects.toThrow(/account is protected/);
  });

  it('explains a rejected token', async () => {
    const err = await importXApi('https://x.com/lena_ships/status/1800000000000000001', { token: 'expired', apiBase }).catch(
      (e: unknown) => e,
    );
    expect((err as XApiError).kind).toBe('bad-token');
    expect((err as Error).message).toContain('401 Unauthorized');
    expect(seen[0].auth).toBe('Bearer expired');
  });

  it('says how to set X_BEARER_TOKEN when there is none, without calling the API', async () => {
    vi.stubEnv('X_BEARER_TOKEN', '');
    const err = await importXApi('https://x.com/lena_ships/status/1800000000000000001', { apiBase }).catch((e: unknown) => e);
    expect((err as XApiError).kind).toBe('no-token');
    expect((err as Error).message).toContain('export X_BEARER_TOKEN=');
    expect(seen).toEqual([]);
  });

  it('reads the token and base URL from the environment', async () => {
    vi.stubEnv('X_BEARER_TOKEN', TOKEN);
    vi.stubEnv('SPOOL_X_API_BASE', apiBase);
    const { document } = await importXApi('https://x.com/lena_ships/status/1720000000000000001');
    expect(document.posts).toHaveLength(1);
  });
});

describe('parseXStatusUrl', () => {
  it.each([
    ['https://x.com/lena_ships/status/1800000000000000003', { username: 'lena_ships', id: '1800000000000000003' }],
    ['https://mobile.twitter.com/a_b/status/123/photo/1', { username: 'a_b', id: '123' }],
    ['https://x.com/i/web/status/42', { id: '42' }],
  ])('%s', (url, expected) => {
    expect(parseXStatusUrl(url)).toEqual(expected);
  });

  it('rejects other URLs', () => {
    expect(parseXStatusUrl('https://example.com/a/status/1')).toBeUndefined();
    expect(parseXStatusUrl('https://x.com/lena_ships')).toBeUndefined();
  });
});
