/**
 * What POST /api/import answers when a network's API fails: a server in trouble, or one that
 * answers far too much, is a bad gateway (502, naming the API); an answer of the wrong shape is a
 * post that cannot be read (400). Never a 500: none of it is Spool's own fault.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

interface Reply {
  status?: number;
  body?: unknown;
  raw?: string;
}

let answer: (path: string) => Reply = () => ({ status: 404, body: { error: 'Record not found' } });
let api: http.Server;
let server: TestServer;

beforeAll(async () => {
  api = http.createServer((req, res) => {
    const reply = answer(new URL(req.url ?? '/', 'http://mock.test').pathname);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.raw ?? JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  vi.stubEnv('SPOOL_BLUESKY_API_BASE', `${origin}/xrpc`);
  vi.stubEnv('SPOOL_MASTODON_API_BASE', origin);
  server = await startTestServer({ starterContent: false });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
  api.closeAllConnections();
  await new Promise((resolve) => api.close(resolve));
});

const MASTODON_POST = 'https://social.example/@eve/5000';
const BSKY_POST = 'https://bsky.app/profile/eve.bsky.social/post/a1';
const account = { id: '7', username: 'eve', acct: 'eve', display_name: 'Eve' };
const status = (extra: Record<string, unknown> = {}) => ({
  id: '5000',
  created_at: '2024-01-01T00:00:00.000Z',
  account,
  content: '<p>Hello</p>',
  spoiler_text: '',
  in_reply_to_id: null,
  in_reply_to_account_id: null,
  replies_count: 0,
  media_attachments: [],
  ...extra,
});

const post = (url: string) => server.call('POST', '/api/import', { kind: 'url', url });

describe('POST /api/import when the network’s API fails', () => {
  it('answers 502 naming the Mastodon API when it answers 503', async () => {
    answer = () => ({ status: 503, raw: '<html><body>503 Service Unavailable</body></html>' });
    const res = await post(MASTODON_POST);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({
      error: `could not fetch ${MASTODON_POST}: the Mastodon API at social.example answered 503 for /api/v1/statuses/5000`,
      api: 'the Mastodon API at social.example',
      apiStatus: 503,
    });
  });

  it('answers 502 naming the Bluesky API when it answers 500', async () => {
    answer = () => ({ status: 500, body: { error: 'InternalServerError', message: 'Internal Server Error' } });
    const res = await post(BSKY_POST);
    expect(res.status).toBe(502);
    const body = await res.json();
    expect(body.api).toBe('the Bluesky API');
    expect(body.error).toMatch(/the Bluesky API answered 500 for \/app\.bsky\.feed\.getPostThread: Internal Server Error$/);
  });

  it('answers 502 when a Mastodon answer is larger than 8 MB', async () => {
    answer = () => ({ body: status({ content: `<p>${'x'.repeat(9 * 1024 * 1024)}</p>` }) });
    const res = await post(MASTODON_POST);
    expect(res.status).toBe(502);
    expect((await res.json()).error).toMatch(/the Mastodon API at social\.example answered more than 8 MB for \/api\/v1\/statuses\/5000, far more than a thread takes; it was not read$/);
  });

  it('answers 400 for a status whose fields have the wrong types', async () => {
    for (const odd of [{ account: { id: '7' } }, { media_attachments: 'none' }, { content: 12 }, { spoiler_text: { text: 'cw' } }]) {
      answer = (path) => (path.endsWith('/context') ? { body: { ancestors: [], descendants: [] } } : { body: status(odd) });
      const res = await post(MASTODON_POST);
      const body = await res.json();
      expect(res.status, JSON.stringify(odd)).toBe(400);
      expect(body.error).toMatch(/^https:\/\/social\.example\/@eve\/5000: post 5000 cannot be read: the Mastodon API at social\.example answered a status with /);
    }
  });

  it('answers 400 for a Bluesky post whose text is not text', async () => {
    const view = { uri: 'at://did:plc:eeee/app.bsky.feed.post/a1', author: { did: 'did:plc:eeee', handle: 'eve.bsky.social' }, record: { text: 5 } };
    answer = () => ({ body: { thread: { $type: 'app.bsky.feed.defs#threadViewPost', post: view, replies: [] } } });
    const res = await post(BSKY_POST);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/post a1 cannot be read: the Bluesky API answered a post with record\.text: expected string$/);
  });

  it('answers 200 with the one post for a status given as a reply to itself', async () => {
    const self = status({ in_reply_to_id: '5000', in_reply_to_account_id: '7', replies_count: 1 });
    answer = (path) => (path.endsWith('/context') ? { body: { ancestors: [self], descendants: [self] } } : { body: self });
    const { document, warnings } = await server.json('POST', '/api/import', { kind: 'url', url: MASTODON_POST });
    expect(document.posts).toHaveLength(1);
    expect(warnings).toContain('post 5000 is given as a reply to itself; the thread starts at it');
  });
});
