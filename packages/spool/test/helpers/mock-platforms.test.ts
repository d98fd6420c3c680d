import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  GRAPH_VERSION,
  INSTAGRAM_APP_ID,
  INSTAGRAM_APP_SECRET,
  INSTAGRAM_TEST_TOKEN,
  startMockInstagram,
  type InstagramMockOptions,
  type MockInstagram,
} from './mock-instagram.js';
import {
  LINKEDIN_CLIENT_ID,
  LINKEDIN_CLIENT_SECRET,
  LINKEDIN_TEST_TOKEN,
  LINKEDIN_VERSION,
  startMockLinkedIn,
  unescapedReserved,
  type LinkedInMockOptions,
  type MockLinkedIn,
} from './mock-linkedin.js';

const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 1080 1350] >> endobj',
    '4 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 1080 1350] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);
const REDIRECT = 'https://spool.example/connect/callback';

/** Commentary as the little text format wants it: every reserved character backslash-escaped. */
const littleEscape = (text: string) => text.replace(/[|{}@[\]()<>#\\*_~]/g, '\\$&');

const liHeaders = (token: string, extra: Record<string, string> = {}) => ({
  Authorization: `Bearer ${token}`,
  'Linkedin-Version': LINKEDIN_VERSION,
  'X-Restli-Protocol-Version': '2.0.0',
  ...extra,
});

const live: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(live.splice(0).map((m) => m.close()));
});

async function linkedIn(options: LinkedInMockOptions = {}): Promise<MockLinkedIn> {
  const mock = await startMockLinkedIn(options);
  live.push(mock);
  return mock;
}

async function instagram(options: InstagramMockOptions = {}): Promise<MockInstagram> {
  const mock = await startMockInstagram(options);
  live.push(mock);
  return mock;
}

async function uploadDocument(mock: MockLinkedIn, token: string, bytes: Buffer = PDF): Promise<{ urn: string; put: Response }> {
  const init = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
    method: 'POST',
    headers: liHeaders(token, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
  });
  const { value } = (await init.json()) as { value: { uploadUrl: string; document: string } };
  const put = await fetch(value.uploadUrl, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });
  return { urn: value.document, put };
}

function documentPost(mock: MockLinkedIn, urn: string, overrides: Record<string, unknown> = {}) {
  return {
    author: mock.personUrn,
    commentary: littleEscape('How a thread becomes a carousel (in 5 slides) #1 — see @spool'),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    content: { media: { title: 'Thread to carousel', id: urn } },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...overrides,
  };
}

const createPost = (mock: MockLinkedIn, token: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${mock.url}/rest/posts`, {
    method: 'POST',
    headers: liHeaders(token, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
    ...init,
  });

const finder = (mock: MockLinkedIn, token: string, extra: Record<string, string> = { 'X-RestLi-Method': 'FINDER' }) =>
  fetch(`${mock.url}/rest/posts?author=${encodeURIComponent(mock.personUrn)}&q=author&count=10&sortBy=LAST_MODIFIED`, {
    headers: liHeaders(token, extra),
  });

describe('mock LinkedIn', () => {
  it('walks the documented authorize, token, userinfo, upload, post and finder flow without violations', async () => {
    const mock = await linkedIn({ appScopes: ['openid', 'profile', 'email', 'w_member_social', 'r_member_social'] });
    const consent = await fetch(
      mock.authorizeUrl({ redirectUri: REDIRECT, state: 'st-8f2a', scope: 'openid profile w_member_social r_member_social' }),
      { redirect: 'manual' },
    );
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-8f2a');
    const code = back.searchParams.get('code')!;
    expect(code).toMatch(/^AQ/);

    const tokenRes = await fetch(`${mock.url}/oauth/v2/accessToken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: LINKEDIN_CLIENT_ID,
        client_secret: LINKEDIN_CLIENT_SECRET,
        redirect_uri: REDIRECT,
      }),
    });
    expect(tokenRes.status).toBe(200);
    const grant = (await tokenRes.json()) as Record<string, unknown>;
    expect(grant).toMatchObject({ expires_in: 5184000, scope: 'openid,profile,r_member_social,w_member_social', token_type: 'Bearer' });
    expect(grant.refresh_token).toBeUndefined();
    expect(String(grant.id_token).split('.')).toHaveLength(3);
    const token = String(grant.access_token);
    expect(token.length).toBeGreaterThan(300);

    const me = await fetch(`${mock.url}/v2/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
    const info = (await me.json()) as { sub: string; name: string };
    expect(info.sub).toBe(mock.member.sub);
    expect(`urn:li:person:${info.sub}`).toBe(mock.personUrn);

    const init = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
      method: 'POST',
      headers: liHeaders(token, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
    });
    expect(init.status).toBe(200);
    const { value } = (await init.json()) as { value: { uploadUrl: string; document: string; uploadUrlExpiresAt: number } };
    expect(value.document).toMatch(/^urn:li:document:/);
    expect(value.uploadUrl.startsWith(`${mock.url}/dms-uploads/`)).toBe(true);
    expect(value.uploadUrlExpiresAt).toBeGreaterThan(Date.now());

    const put = await fetch(value.uploadUrl, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(PDF),
    });
    expect(put.status).toBe(201);
    expect(mock.documents.get(value.document)?.bytes?.equals(PDF)).toBe(true);
    expect(mock.documents.get(value.document)?.pages).toBe(2);

    const doc = await fetch(`${mock.url}/rest/documents/${encodeURIComponent(value.document)}`, { headers: liHeaders(token) });
    expect(await doc.json()).toMatchObject({ id: value.document, owner: mock.personUrn, status: 'AVAILABLE' });

    const post = await createPost(mock, token, documentPost(mock, value.document));
    expect(post.status).toBe(201);
    const urn = post.headers.get('x-restli-id')!;
    expect(urn).toMatch(/^urn:li:share:\d{19}$/);
    expect(mock.posts).toHaveLength(1);
    expect(mock.posts[0]).toMatchObject({ id: urn, content: { media: { id: value.document, title: 'Thread to carousel' } } });

    const found = await finder(mock, token);
    expect(found.status).toBe(200);
    const page = (await found.json()) as { paging: { start: number; count: number }; elements: Array<{ id: string; commentary: string }> };
    expect(page.paging).toMatchObject({ start: 0, count: 10 });
    expect(page.elements.map((e) => e.id)).toEqual([urn]);
    expect(page.elements[0].commentary).toBe(mock.posts[0].commentary);

    expect(mock.requests.map((r) => r.route)).toEqual(['authorize', 'token', 'userinfo', 'initializeUpload', 'upload', 'document', 'posts', 'finder']);
    expect(mock.violations).toEqual([]);
  });

  it('lists posts newest first and pages them', async () => {
    const mock = await linkedIn({ tokens: [{ token: 'reader', scopes: ['w_member_social', 'r_member_social'] }] });
    const { urn } = await uploadDocument(mock, 'reader');
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const res = await createPost(mock, 'reader', documentPost(mock, urn, { commentary: `Carousel number ${n}` }));
      ids.push(res.headers.get('x-restli-id')!);
    }
    const res = await fetch(`${mock.url}/rest/posts?author=${encodeURIComponent(mock.personUrn)}&q=author&count=2`, {
      headers: liHeaders('reader', { 'X-RestLi-Method': 'FINDER' }),
    });
    const page = (await res.json()) as { paging: { links: Array<{ rel: string; href: string }> }; elements: Array<{ id: string }> };
    expect(page.elements.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect(page.paging.links.find((l) => l.rel === 'next')?.href).toContain('start=2');
    expect(mock.violations).toEqual([]);
  });

  it('refuses a call without Linkedin-Version, and an inactive version', async () => {
    const mock = await linkedIn();
    const missing = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${LINKEDIN_TEST_TOKEN}`, 'X-Restli-Protocol-Version': '2.0.0', 'Content-Type': 'application/json' },
      body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
    const old = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
      method: 'POST',
      headers: liHeaders(LINKEDIN_TEST_TOKEN, { 'Linkedin-Version': '202301', 'Content-Type': 'application/json' }),
      body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
    });
    expect(old.status).toBe(426);
    expect(await old.json()).toMatchObject({ code: 'NONEXISTENT_VERSION', message: 'Requested version 202301 is not active' });
    expect(mock.violations).toHaveLength(2);
    expect(mock.violations[0]).toContain('Linkedin-Version header is missing');
    expect(mock.violations[1]).toContain('"202301" is not an active');
  });

  it('refuses commentary with an unescaped reserved character', async () => {
    const mock = await linkedIn();
    const { urn } = await uploadDocument(mock, LINKEDIN_TEST_TOKEN);
    const res = await createPost(mock, LINKEDIN_TEST_TOKEN, documentPost(mock, urn, { commentary: 'Five slides (not six)' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errorDetailType: string; errorDetails: { inputErrors: Array<{ input: { inputPath: { fieldPath: string } } }> } };
    expect(body.errorDetailType).toBe('com.linkedin.common.error.BadRequest');
    expect(body.errorDetails.inputErrors.every((e) => e.input.inputPath.fieldPath === '/commentary')).toBe(true);
    expect(mock.violations).toEqual([
      "POST /rest/posts: /commentary: reserved character '(' at index 12 is not backslash-escaped (little text format)",
      "POST /rest/posts: /commentary: reserved character ')' at index 20 is not backslash-escaped (little text format)",
    ]);
    expect(mock.posts).toEqual([]);
  });

  it('knows the little text elements that need no escaping', () => {
    expect(unescapedReserved('Hello @[Acme Corp](urn:li:organization:1234) and #Technology')).toEqual([]);
    expect(unescapedReserved('Thoughts on {hashtag|\\#|mytag} and {hashtag|#|Technology}')).toEqual([]);
    expect(unescapedReserved(littleEscape('a_b*c~d|e<f>g[h]i{j}k\\l # @'))).toEqual([]);
    expect(unescapedReserved('C:\\path a_b # @x')).toEqual([
      { index: 2, char: '\\' },
      { index: 9, char: '_' },
      { index: 12, char: '#' },
      { index: 14, char: '@' },
    ]);
  });

  it('refuses a document post without a title, and one whose document was never uploaded', async () => {
    const mock = await linkedIn();
    const { urn } = await uploadDocument(mock, LINKEDIN_TEST_TOKEN);
    const noTitle = await createPost(mock, LINKEDIN_TEST_TOKEN, documentPost(mock, urn, { content: { media: { id: urn } } }));
    expect(noTitle.status).toBe(400);
    expect(mock.violations).toEqual(['POST /rest/posts: /content/media/title: Field /content/media/title is required but missing']);

    const init = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
      method: 'POST',
      headers: liHeaders(LINKEDIN_TEST_TOKEN, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
    });
    const { value } = (await init.json()) as { value: { document: string } };
    const notUploaded = await createPost(mock, LINKEDIN_TEST_TOKEN, documentPost(mock, value.document));
    expect(notUploaded.status).toBe(400);
    expect(mock.violations[1]).toContain('was never uploaded');
    expect(mock.posts).toEqual([]);
  });

  it('refuses a post missing the documented distribution, state and reshare fields', async () => {
    const mock = await linkedIn();
    const { urn } = await uploadDocument(mock, LINKEDIN_TEST_TOKEN);
    const body = documentPost(mock, urn, { distribution: { feedDistribution: 'NONE' }, lifecycleState: 'DRAFT' });
    delete (body as Partial<typeof body>).isReshareDisabledByAuthor;
    const res = await createPost(mock, LINKEDIN_TEST_TOKEN, body);
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { errorDetails: { inputErrors: Array<{ input: { inputPath: { fieldPath: string } } }> } }).errorDetails.inputErrors.map(
      (e) => e.input.inputPath.fieldPath,
    );
    expect(paths).toEqual([
      '/distribution/feedDistribution',
      '/distribution/targetEntities',
      '/distribution/thirdPartyDistributionChannels',
      '/lifecycleState',
      '/isReshareDisabledByAuthor',
    ]);
    expect(mock.violations).toHaveLength(5);
  });

  it('refuses a token in the wrong place, an unknown token, and an upload that is not a PDF', async () => {
    const mock = await linkedIn();
    const inQuery = await fetch(`${mock.url}/v2/userinfo?oauth2_access_token=${LINKEDIN_TEST_TOKEN}`);
    expect(inQuery.status).toBe(401);
    expect(await inQuery.json()).toEqual({ message: 'Empty oauth2_access_token', serviceErrorCode: 401, status: 401 });
    const unknown = await fetch(`${mock.url}/v2/userinfo`, { headers: { Authorization: 'Bearer not-a-token' } });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN' });
    const { put } = await uploadDocument(mock, LINKEDIN_TEST_TOKEN, Buffer.from('\x89PNG not a pdf'));
    expect(put.status).toBe(400);
    expect(mock.violations).toHaveLength(3);
    expect(mock.violations[0]).toContain('query parameter');
    expect(mock.violations[2]).toContain('not a PDF');
  });

  it('refuses an upload without the bearer token and to a URL it never handed out', async () => {
    const mock = await linkedIn();
    const init = await fetch(`${mock.url}/rest/documents?action=initializeUpload`, {
      method: 'POST',
      headers: liHeaders(LINKEDIN_TEST_TOKEN, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ initializeUploadRequest: { owner: mock.personUrn } }),
    });
    const { value } = (await init.json()) as { value: { uploadUrl: string } };
    const bare = await fetch(value.uploadUrl, { method: 'PUT', body: new Uint8Array(PDF) });
    expect(bare.status).toBe(401);
    const guessed = await fetch(`${mock.url}/dms-uploads/guess/uploadedDocument/0`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${LINKEDIN_TEST_TOKEN}` },
      body: new Uint8Array(PDF),
    });
    expect(guessed.status).toBe(404);
    expect(mock.violations.map((v) => v.split(': ').slice(1).join(': '))).toEqual([
      'Authorization header is missing',
      'PUT to an upload URL this mock never handed out (use the uploadUrl exactly as returned)',
    ]);
  });

  it('needs X-RestLi-Method: FINDER and the restricted r_member_social scope to find posts', async () => {
    const mock = await linkedIn({ tokens: [LINKEDIN_TEST_TOKEN, { token: 'reader', scopes: ['r_member_social'] }] });
    const noMethod = await finder(mock, 'reader', {});
    expect(noMethod.status).toBe(400);
    const noScope = await finder(mock, LINKEDIN_TEST_TOKEN);
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED' });
    expect(mock.violations[0]).toContain('X-RestLi-Method: FINDER');
    expect(mock.violations[1]).toContain('r_member_social');
    const ok = await finder(mock, 'reader');
    expect(ok.status).toBe(200);
    expect(mock.violations).toHaveLength(2);
  });

  it('checks the token exchange against the authorization: redirect_uri, single use, form body', async () => {
    const mock = await linkedIn();
    const consent = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 'abc' }), { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const exchange = (params: Record<string, string>, type = 'application/x-www-form-urlencoded') =>
      fetch(`${mock.url}/oauth/v2/accessToken`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: type.includes('json') ? JSON.stringify(params) : new URLSearchParams(params),
      });
    const base = { grant_type: 'authorization_code', code, client_id: LINKEDIN_CLIENT_ID, client_secret: LINKEDIN_CLIENT_SECRET };
    const asJson = await exchange({ ...base, redirect_uri: REDIRECT }, 'application/json');
    expect(asJson.status).toBe(400);
    const otherRedirect = await exchange({ ...base, redirect_uri: 'https://spool.example/other' });
    expect(otherRedirect.status).toBe(400);
    expect(await otherRedirect.json()).toMatchObject({ error: 'invalid_redirect_uri' });
    const ok = await exchange({ ...base, redirect_uri: REDIRECT });
    expect(ok.status).toBe(200);
    const again = await exchange({ ...base, redirect_uri: REDIRECT });
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual({ error: 'invalid_request', error_description: 'Unable to retrieve access token: authorization code not found' });
    expect(mock.violations).toHaveLength(3);
    expect(mock.violations[0]).toContain('application/x-www-form-urlencoded');
    expect(mock.violations[1]).toContain('differs from the authorized');
    expect(mock.violations[2]).toContain('already exchanged');
  });

  it('checks the authorization request and redirects a refusal with the same state', async () => {
    const mock = await linkedIn();
    const badClient = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 's', clientId: 'someone-else' }), { redirect: 'manual' });
    expect(badClient.status).toBe(401);
    const commas = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 's', scope: 'openid,profile' }), { redirect: 'manual' });
    expect(commas.status).toBe(401);
    const noState = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT }), { redirect: 'manual' });
    expect(noState.status).toBe(400);
    expect(mock.violations).toHaveLength(3);
    mock.failNext('consent-denied');
    const denied = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 'keep-me' }), { redirect: 'manual' });
    expect(denied.status).toBe(302);
    const back = new URL(denied.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('user_cancelled_authorize');
    expect(back.searchParams.get('state')).toBe('keep-me');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('hands out refresh tokens only when the app is enabled for them', async () => {
    const mock = await linkedIn({ refreshTokens: true });
    const consent = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 'r' }), { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const res = await fetch(`${mock.url}/oauth/v2/accessToken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: LINKEDIN_CLIENT_ID, client_secret: LINKEDIN_CLIENT_SECRET, redirect_uri: REDIRECT }),
    });
    const grant = (await res.json()) as { refresh_token: string; refresh_token_expires_in: number };
    expect(grant.refresh_token_expires_in).toBe(31536000);
    const refreshed = await fetch(`${mock.url}/oauth/v2/accessToken`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: grant.refresh_token, client_id: LINKEDIN_CLIENT_ID, client_secret: LINKEDIN_CLIENT_SECRET }),
    });
    expect(refreshed.status).toBe(200);
    const again = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect(again.refresh_token).toBe(grant.refresh_token);
    expect(mock.issuedTokens).toHaveLength(2);
    expect(mock.violations).toEqual([]);
  });

  it('fails the next calls on request: expired and revoked token, throttle without Retry-After, server errors', async () => {
    const mock = await linkedIn();
    const me = () => fetch(`${mock.url}/v2/userinfo`, { headers: { Authorization: `Bearer ${LINKEDIN_TEST_TOKEN}` } });
    mock.failNext('expired-token');
    const expired = await me();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' });
    expect((await me()).status).toBe(200);

    mock.failNext('rate-limit', 2);
    for (let i = 0; i < 2; i++) {
      const throttled = await me();
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBeNull();
      expect(await throttled.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', serviceErrorCode: 101 });
    }
    expect((await me()).status).toBe(200);

    mock.failNext('server-error');
    mock.failNext('unavailable');
    expect((await me()).status).toBe(500);
    expect((await me()).status).toBe(503);

    mock.failNext('revoked-token', 1, 'posts');
    expect((await me()).status).toBe(200);
    const revoked = await createPost(mock, LINKEDIN_TEST_TOKEN, {});
    expect(await revoked.json()).toMatchObject({ serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN' });
    mock.revokeToken(LINKEDIN_TEST_TOKEN);
    expect((await me()).status).toBe(401);
    expect(mock.violations).toEqual(['GET /v2/userinfo: revoked access token used']);
  });

  it('holds a created post while the client is gone, and the post is there afterwards', async () => {
    const mock = await linkedIn({ tokens: [{ token: LINKEDIN_TEST_TOKEN, scopes: ['openid', 'profile', 'w_member_social', 'r_member_social'] }] });
    const { urn } = await uploadDocument(mock, LINKEDIN_TEST_TOKEN);
    mock.holdNext('posts', 5_000);
    const abort = new AbortController();
    mock.events.once('held', () => abort.abort());
    const body = documentPost(mock, urn);
    await expect(createPost(mock, LINKEDIN_TEST_TOKEN, body, { signal: abort.signal })).rejects.toThrow();
    expect(mock.posts).toHaveLength(1);

    const found = (await (await finder(mock, LINKEDIN_TEST_TOKEN)).json()) as { elements: Array<{ id: string }> };
    expect(found.elements.map((e) => e.id)).toEqual([mock.posts[0].id]);
    const retry = await createPost(mock, LINKEDIN_TEST_TOKEN, body);
    expect(retry.status).toBe(422);
    expect(await retry.json()).toMatchObject({ message: `Content is a duplicate of ${mock.posts[0].id}`, status: 422 });
    expect(mock.posts).toHaveLength(1);

    mock.holdNext('posts', 300);
    const started = Date.now();
    const late = await createPost(mock, LINKEDIN_TEST_TOKEN, documentPost(mock, urn, { commentary: 'Another carousel' }));
    expect(late.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(mock.violations).toEqual([]);
  });

  it('tells a test the moment a route is hit', async () => {
    const seen: string[] = [];
    const mock = await linkedIn({ onRequest: (r) => void seen.push(r.route) });
    const hit = new Promise((resolve) => mock.events.once('request:userinfo', resolve));
    await fetch(`${mock.url}/v2/userinfo`, { headers: { Authorization: `Bearer ${LINKEDIN_TEST_TOKEN}` } });
    await expect(hit).resolves.toMatchObject({ route: 'userinfo', method: 'GET' });
    expect(seen).toEqual(['userinfo']);
  });
});

// ---- Instagram ----------------------------------------------------------------------------------

let images: http.Server;
let imageBase = '';

beforeAll(async () => {
  const jpeg = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg({ quality: 80 }).toBuffer();
  const files = new Map<string, { type: string; bytes: Buffer }>([
    ['/slide.jpg', { type: 'image/jpeg', bytes: await jpeg(1080, 1350) }],
    ['/square.jpg', { type: 'image/jpeg', bytes: await jpeg(1080, 1080) }],
    ['/small.jpg', { type: 'image/jpeg', bytes: await jpeg(200, 250) }],
    ['/banner.jpg', { type: 'image/jpeg', bytes: await jpeg(1080, 400) }],
    [
      '/slide.png',
      { type: 'image/png', bytes: await sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#224466' } }).png().toBuffer() },
    ],
  ]);
  images = http.createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) }).end(file.bytes);
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => images.close(() => resolve()));
});

const graph = (mock: MockInstagram, path: string) => `${mock.url}/${GRAPH_VERSION}/${path}`;
const bearer = (token = INSTAGRAM_TEST_TOKEN) => ({ Authorization: `Bearer ${token}` });

async function child(mock: MockInstagram, image = '/slide.jpg', token = INSTAGRAM_TEST_TOKEN): Promise<Response> {
  return fetch(graph(mock, `${mock.user.userId}/media`), {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ image_url: `${imageBase}${image}`, is_carousel_item: true, alt_text: 'A slide' }),
  });
}

async function childId(mock: MockInstagram, image = '/slide.jpg'): Promise<string> {
  const res = await child(mock, image);
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const status = async (mock: MockInstagram, id: string, fields = 'status_code') =>
  (await (await fetch(graph(mock, `${id}?fields=${fields}`), { headers: bearer() })).json()) as Record<string, string>;

async function carousel(mock: MockInstagram, children: string[], caption = 'Thread to carousel #spool'): Promise<Response> {
  return fetch(graph(mock, `${mock.user.userId}/media`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ media_type: 'CAROUSEL', children: children.join(','), caption, access_token: INSTAGRAM_TEST_TOKEN }),
  });
}

const publish = (mock: MockInstagram, creationId: string) =>
  fetch(graph(mock, `${mock.user.userId}/media_publish`), {
    method: 'POST',
    headers: { ...bearer(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ creation_id: creationId }),
  });

/** A carousel container that has already reported FINISHED. */
async function finishedCarousel(mock: MockInstagram, count = 2): Promise<string> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await childId(mock));
  for (const id of ids) while ((await status(mock, id)).status_code !== 'FINISHED');
  const parent = ((await (await carousel(mock, ids)).json()) as { id: string }).id;
  while ((await status(mock, parent)).status_code === 'IN_PROGRESS');
  return parent;
}

const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, unknown> }).error;

describe('mock Instagram', () => {
  it('walks the documented login, token exchange, carousel and publish flow without violations', async () => {
    const mock = await instagram();
    const consent = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 'ig-77' }), { redirect: 'manual' });
    expect(consent.status).toBe(302);
    const location = consent.headers.get('location')!;
    expect(location.endsWith('#_')).toBe(true);
    const back = new URL(location);
    expect(back.searchParams.get('state')).toBe('ig-77');
    const code = back.searchParams.get('code')!;

    const form = new FormData();
    for (const [k, v] of Object.entries({ client_id: INSTAGRAM_APP_ID, client_secret: INSTAGRAM_APP_SECRET, grant_type: 'authorization_code', redirect_uri: REDIRECT, code })) {
      form.set(k, v);
    }
    const exchanged = await fetch(`${mock.url}/oauth/access_token`, { method: 'POST', body: form });
    expect(exchanged.status).toBe(200);
    const { data } = (await exchanged.json()) as { data: Array<{ access_token: string; user_id: string; permissions: string }> };
    expect(data[0]).toMatchObject({ user_id: mock.user.userId, permissions: 'instagram_business_basic,instagram_business_content_publish' });

    const longRes = await fetch(
      `${mock.url}/access_token?grant_type=ig_exchange_token&client_secret=${INSTAGRAM_APP_SECRET}&access_token=${data[0].access_token}`,
    );
    const long = (await longRes.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(long).toMatchObject({ token_type: 'bearer', expires_in: 5183944 });
    const token = long.access_token;

    const meRes = await fetch(graph(mock, 'me?fields=user_id,username'), { headers: bearer(token) });
    const me = (await meRes.json()) as { user_id: string; username: string; id: string };
    expect(me).toEqual({ user_id: mock.user.userId, username: mock.user.username, id: mock.user.id });

    const children: string[] = [];
    for (const image of ['/slide.jpg', '/slide.jpg', '/square.jpg']) {
      const res = await child(mock, image, token);
      expect(res.status).toBe(200);
      children.push(((await res.json()) as { id: string }).id);
    }
    for (const id of children) {
      expect(await status(mock, id)).toEqual({ status_code: 'IN_PROGRESS', id });
      expect(await status(mock, id)).toEqual({ status_code: 'FINISHED', id });
    }
    const parentRes = await carousel(mock, children, 'Five slides from one thread #carousel #spool');
    expect(parentRes.status).toBe(200);
    const parent = ((await parentRes.json()) as { id: string }).id;
    expect((await status(mock, parent)).status_code).toBe('IN_PROGRESS');
    expect(await status(mock, parent, 'status_code,status')).toEqual({
      status_code: 'FINISHED',
      status: 'Finished: Media has been uploaded and it is ready to be published.',
      id: parent,
    });

    const published = await publish(mock, parent);
    expect(published.status).toBe(200);
    const media = ((await published.json()) as { id: string }).id;
    expect((await status(mock, parent)).status_code).toBe('PUBLISHED');

    const limit = await fetch(graph(mock, `${mock.user.userId}/content_publishing_limit?fields=quota_usage,config`), { headers: bearer(token) });
    expect(await limit.json()).toEqual({ data: [{ quota_usage: 1, config: { quota_total: 100, quota_duration: 86400 } }] });
    const list = await fetch(graph(mock, `${mock.user.userId}/media?fields=id,permalink,media_type`), { headers: bearer(token) });
    const listed = (await list.json()) as { data: Array<{ id: string; permalink: string; media_type: string }> };
    expect(listed.data[0]).toMatchObject({ id: media, media_type: 'CAROUSEL_ALBUM' });
    expect(listed.data[0].permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\//);

    expect(mock.published).toHaveLength(1);
    expect(mock.published[0].children.map((c) => `${c.image?.width}x${c.image?.height}`)).toEqual(['1080x1350', '1080x1350', '1080x1080']);
    expect(mock.published[0].children[0].altText).toBe('A slide');
    expect(new Set(mock.versions)).toEqual(new Set([GRAPH_VERSION]));
    expect(mock.violations).toEqual([]);
  });

  it('answers the code exchange the way the live host does when asked', async () => {
    const mock = await instagram({ tokenResponse: 'live' });
    const consent = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 's' }), { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const res = await fetch(`${mock.url}/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: INSTAGRAM_APP_ID, client_secret: INSTAGRAM_APP_SECRET, grant_type: 'authorization_code', redirect_uri: REDIRECT, code }),
    });
    const body = (await res.json()) as { access_token: string; user_id: number; permissions: string[] };
    expect(body.user_id).toBe(Number(mock.user.userId));
    expect(body.permissions).toEqual(['instagram_business_basic', 'instagram_business_content_publish']);
    const reuse = await fetch(`${mock.url}/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: INSTAGRAM_APP_ID, client_secret: INSTAGRAM_APP_SECRET, grant_type: 'authorization_code', redirect_uri: REDIRECT, code: `${code}#_` }),
    });
    expect(await reuse.json()).toEqual({ error_type: 'OAuthException', code: 400, error_message: 'Matching code was not found or was already used' });
    expect(mock.violations).toHaveLength(2);
    expect(mock.violations[0]).toContain('#_');
  });

  it('refuses a carousel of 11 children', async () => {
    const mock = await instagram({ inProgressPolls: 0 });
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) ids.push(await childId(mock));
    const res = await carousel(mock, ids);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ type: 'OAuthException', code: 100, error_subcode: 2207028 });
    expect(mock.violations).toEqual([`POST /${GRAPH_VERSION}/${mock.user.userId}/media: a carousel needs 2 to 10 children, got 11`]);
  });

  it('fetches each image_url and refuses what Meta refuses', async () => {
    const mock = await instagram();
    const cases: Array<[string, number, number]> = [
      ['/small.jpg', 100, 0],
      ['/banner.jpg', 36003, 2207009],
      ['/slide.png', 36001, 2207005],
      ['/missing.jpg', 9004, 2207052],
    ];
    for (const [image, code, subcode] of cases) {
      const res = await child(mock, image);
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      if (subcode) expect(error.error_subcode).toBe(subcode);
      expect(error.fbtrace_id).toEqual(expect.any(String));
    }
    expect(mock.violations).toHaveLength(4);
    expect(mock.violations[0]).toContain('200 px wide; the documented range is 320 to 1440 px');
    expect(mock.violations[1]).toContain('aspect ratio 2.700');
    expect(mock.violations[2]).toContain('is png, not JPEG');
    expect(mock.violations[3]).toContain('HTTP 404');
    expect(mock.containers.size).toBe(0);
  });

  it('refuses to publish before FINISHED, and to publish the same container twice', async () => {
    const mock = await instagram();
    const ids = [await childId(mock), await childId(mock)];
    for (const id of ids) while ((await status(mock, id)).status_code !== 'FINISHED');
    const parent = ((await (await carousel(mock, ids)).json()) as { id: string }).id;
    const early = await publish(mock, parent);
    expect(early.status).toBe(400);
    expect(await errorOf(early)).toMatchObject({ message: 'Media ID is not available', code: 9007, error_subcode: 2207027, error_user_title: 'Cannot publish' });
    while ((await status(mock, parent)).status_code !== 'FINISHED');
    expect((await publish(mock, parent)).status).toBe(200);
    const twice = await publish(mock, parent);
    expect(twice.status).toBe(400);
    expect(await errorOf(twice)).toMatchObject({ code: 24, error_subcode: 2207008 });
    expect(mock.published).toHaveLength(1);
    expect(mock.violations).toHaveLength(2);
    expect(mock.violations[0]).toContain('is IN_PROGRESS; publish only after status_code is FINISHED');
    expect(mock.violations[1]).toContain('already published');
  });

  it('refuses a token in the wrong place, and a missing or unknown one', async () => {
    const mock = await instagram();
    const wrong = await fetch(graph(mock, 'me?fields=user_id'), { headers: { 'X-Access-Token': INSTAGRAM_TEST_TOKEN } });
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toMatchObject({ code: 2500, message: 'An active access token must be used to query information about the current user.' });
    const unknown = await fetch(graph(mock, `me?fields=user_id&access_token=nope`));
    expect(await errorOf(unknown)).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    const inQuery = await fetch(graph(mock, `me?fields=user_id&access_token=${INSTAGRAM_TEST_TOKEN}`));
    expect(inQuery.status).toBe(200);
    expect(mock.violations).toHaveLength(2);
    expect(mock.violations[0]).toContain('header x-access-token');
  });

  it('checks children, captions and the account a container is created on', async () => {
    const mock = await instagram({ inProgressPolls: 0 });
    const a = await childId(mock);
    const b = await childId(mock);
    const longCaption = await carousel(mock, [a, b], 'x'.repeat(2201));
    expect(await errorOf(longCaption)).toMatchObject({ code: 36004, error_subcode: 2207010 });
    const tags = await carousel(mock, [a, b], Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' '));
    expect(await errorOf(tags)).toMatchObject({ code: 36004, error_subcode: 2207010 });
    const stranger = await carousel(mock, [a, '17800000000000999']);
    expect(await errorOf(stranger)).toMatchObject({ code: 24, error_subcode: 2207006 });
    const elsewhere = await fetch(graph(mock, '17841499999999999/media'), {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ image_url: `${imageBase}/slide.jpg`, is_carousel_item: true }),
    });
    expect(await errorOf(elsewhere)).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    const captioned = await fetch(graph(mock, `${mock.user.userId}/media`), {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ image_url: `${imageBase}/slide.jpg`, is_carousel_item: true, caption: 'not here' }),
    });
    expect(captioned.status).toBe(400);
    expect(mock.violations).toHaveLength(5);
  });

  it('fails on request: expired token, rate limit, server error, publishing limit, container error', async () => {
    const mock = await instagram({ inProgressPolls: 0 });
    const me = () => fetch(graph(mock, 'me?fields=user_id'), { headers: bearer() });
    mock.failNext('expired-token');
    const expired = await me();
    expect(expired.status).toBe(400);
    const error = await errorOf(expired);
    expect(error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463 });
    expect(String(error.message)).toMatch(/^Error validating access token: Session has expired on \w+day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d P[SD]T\. The current time is/);
    mock.failNext('rate-limit');
    const limited = await me();
    expect(limited.status).toBe(400);
    expect(await errorOf(limited)).toMatchObject({ code: 4, message: '(#4) Application request limit reached', is_transient: true });
    mock.failNext('server-error');
    expect((await me()).status).toBe(500);
    expect((await me()).status).toBe(200);

    const parent = await finishedCarousel(mock);
    mock.failNext('publish-limit');
    const refused = await publish(mock, parent);
    expect(await errorOf(refused)).toMatchObject({ code: 9, error_subcode: 2207042 });
    expect((await publish(mock, parent)).status).toBe(200);

    mock.failNext('container-error');
    const [x, y] = [await childId(mock), await childId(mock)];
    const broken = ((await (await carousel(mock, [x, y])).json()) as { id: string }).id;
    expect(await status(mock, broken, 'status_code,status')).toMatchObject({ status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207001' });
    expect(mock.violations).toEqual([]);
  });

  it('answers the rate limit with 429 when told to, and enforces the 24-hour quota', async () => {
    const mock = await instagram({ inProgressPolls: 0, quotaTotal: 1, rateLimitStatus: 429 });
    mock.failNext('rate-limit');
    expect((await fetch(graph(mock, 'me'), { headers: bearer() })).status).toBe(429);
    expect((await publish(mock, await finishedCarousel(mock))).status).toBe(200);
    const second = await publish(mock, await finishedCarousel(mock));
    expect(await errorOf(second)).toMatchObject({ code: 9, error_subcode: 2207042 });
    expect(mock.violations).toHaveLength(1);
    expect(mock.violations[0]).toContain('publishing limit reached');
  });

  it('holds a publish after it has taken effect', async () => {
    const mock = await instagram({ inProgressPolls: 0 });
    const parent = await finishedCarousel(mock);
    mock.holdNext('publish', 300);
    const held = new Promise<number>((resolve) => mock.events.once('held', () => resolve(mock.published.length)));
    const started = Date.now();
    const res = await publish(mock, parent);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await expect(held).resolves.toBe(1);
    expect(mock.violations).toEqual([]);
  });

  it('refuses a login request with an unknown scope or without state', async () => {
    const mock = await instagram();
    const oldScope = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 's', scope: 'business_basic,business_content_publish' }), { redirect: 'manual' });
    expect(oldScope.status).toBe(400);
    expect(await oldScope.json()).toMatchObject({ error_type: 'OAuthException', code: 400 });
    const noState = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT }), { redirect: 'manual' });
    expect(noState.status).toBe(400);
    mock.failNext('consent-denied');
    const denied = await fetch(mock.authorizeUrl({ redirectUri: REDIRECT, state: 'kept' }), { redirect: 'manual' });
    const back = new URL(denied.headers.get('location')!);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'access_denied',
      error_reason: 'user_denied',
      error_description: 'The user denied your request',
      state: 'kept',
    });
    expect(mock.violations).toHaveLength(2);
  });
});
