/**
 * A local stand-in for the LinkedIn surface a document (PDF carousel) post touches: the OAuth host
 * (www.linkedin.com/oauth/v2/...), the API host (api.linkedin.com/rest/... and /v2/userinfo) and the
 * media upload host, all on one loopback origin. Every request is checked against what LinkedIn
 * documents; a request that breaks it is answered with LinkedIn's own error shape (4xx) and recorded
 * in `violations`, so a test can end with `expect(mock.violations).toEqual([])`.
 *
 * Where each check comes from (learn.microsoft.com/en-us/linkedin/...):
 * - [AUTH]   "Authorization Code Flow (3-legged OAuth)", shared/authentication/authorization-code-flow:
 *            GET /oauth/v2/authorization (response_type=code, client_id, redirect_uri, state,
 *            URL-encoded space-delimited scope); redirect with code + state, or error=user_cancelled_authorize;
 *            POST /oauth/v2/accessToken, form-encoded body (grant_type, code, client_id, client_secret,
 *            redirect_uri that equals the authorized one); the secret never in the URL; codes live
 *            30 minutes; the "API Error Details" tables give every OAuth error string used here.
 * - [REFRESH] "Refresh Tokens with OAuth 2.0", shared/authentication/programmatic-refresh-tokens:
 *            refresh_token + refresh_token_expires_in only for apps enabled for it; 60-day access
 *            tokens, 365-day refresh tokens whose TTL does not restart.
 * - [OIDC]   "Sign In with LinkedIn using OpenID Connect", consumer/integrations/self-serve/sign-in-with-linkedin-v2:
 *            scopes openid/profile/email, id_token in the token answer, GET /v2/userinfo (sub, name, ...).
 * - [ERR]    "Error Handling", shared/api-guide/concepts/error-handling: {message, serviceErrorCode,
 *            status}; "Empty oauth2_access_token"; the Authorization: Bearer format.
 * - [RATE]   "Rate Limiting", shared/api-guide/concepts/rate-limits: throttled calls get 429. No
 *            Retry-After header is documented, so none is sent.
 * - [VER]    "LinkedIn Marketing API Versioning", marketing/versioning: every /rest call carries
 *            `Linkedin-Version: YYYYMM`; versions are served for at least a year.
 * - [DOCS]   "Documents API", marketing/community-management/shares/documents-api:
 *            POST /rest/documents?action=initializeUpload {initializeUploadRequest:{owner}} ->
 *            {value:{uploadUrlExpiresAt, uploadUrl, document}}; PUT the file with Authorization: Bearer;
 *            100 MB and 300 pages at most; a person owner must be the caller, otherwise the documented
 *            403 "Accessing this document resource is forbidden..."; GET /rest/documents/{urn} status.
 * - [POSTS]  "Posts API", marketing/community-management/shares/posts-api: headers
 *            `Linkedin-Version` and `X-Restli-Protocol-Version: 2.0.0` on every call; the document post
 *            body (author, commentary, visibility, distribution {feedDistribution MAIN_FEED,
 *            targetEntities [], thirdPartyDistributionChannels []}, content.media {id, title},
 *            lifecycleState PUBLISHED, isReshareDisabledByAuthor); 201 with the URN in `x-restli-id`;
 *            "Find Posts by Authors" GET /rest/posts?author=...&q=author&count=... with
 *            `X-RestLi-Method: FINDER`; reading member posts needs r_member_social (restricted).
 * - [LITTLE] "little Text Format", marketing/community-management/shares/little-text-format: the
 *            characters | { } @ [ ] ( ) < > # \ * _ ~ must be backslash-escaped in `commentary` unless
 *            they form a mention @[Name](urn:li:person:...), a hashtag #tag or {hashtag|#|tag}.
 *
 * Error bodies the pages leave out are taken from recorded LinkedIn answers in public bug reports
 * and client test suites: 401 INVALID_ACCESS_TOKEN 65600 / REVOKED_ACCESS_TOKEN 65601 /
 * EXPIRED_ACCESS_TOKEN 65602, 403 ACCESS_DENIED serviceErrorCode 100, 426 NONEXISTENT_VERSION,
 * 429 TOO_MANY_REQUESTS serviceErrorCode 101, 422 "Content is a duplicate of urn:li:share:..."
 * (posting the same text again within minutes), and the Rest.li BadRequest envelope
 * {errorDetailType, message, errorDetails.inputErrors[], status} for invalid bodies.
 *
 * Two checks are stricter than LinkedIn itself, on purpose: an unescaped reserved character is
 * refused (LinkedIn accepts the post and silently garbles or truncates the text from that character
 * on), and a missing OAuth `state` is refused (LinkedIn only recommends it).
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { MockSwitches, readBody, serveOnLoopback } from './mock-switches.js';

/** The Linkedin-Version the contract recommends (a released version, served until about 2027-09). */
export const LINKEDIN_VERSION = '202609';
export const LINKEDIN_TEST_TOKEN = 'AQVtest-linkedin-member-access-token';
export const LINKEDIN_CLIENT_ID = '86spoolclient01';
export const LINKEDIN_CLIENT_SECRET = 'spool-test-client-secret';

export type LinkedInRoute =
  | 'authorize'
  | 'token'
  | 'userinfo'
  | 'initializeUpload'
  | 'upload'
  | 'document'
  | 'posts'
  | 'finder'
  | 'post'
  | 'unknown';

export type LinkedInFailure =
  | 'expired-token'
  | 'revoked-token'
  | 'rate-limit'
  | 'server-error'
  | 'unavailable'
  | 'consent-denied';

export interface LinkedInMember {
  sub: string;
  name: string;
  given_name: string;
  family_name: string;
  picture: string;
  email: string;
  locale: { country: string; language: string };
}

export interface LinkedInTokenSpec {
  token: string;
  scopes?: string[];
  /** The member the token acts for; default the mock's member. */
  sub?: string;
  /** Epoch ms; a token past it answers EXPIRED_ACCESS_TOKEN. */
  expiresAt?: number;
}

export interface LinkedInMockOptions {
  clientId?: string;
  clientSecret?: string;
  /** Redirect URLs registered on the app; default: any absolute http(s) URL without a fragment. */
  redirectUris?: string[];
  /** Scopes the app has been granted products for; default openid profile email w_member_social. */
  appScopes?: string[];
  /** Tokens accepted besides the ones the token endpoint issues; default one test token. */
  tokens?: Array<string | LinkedInTokenSpec>;
  member?: Partial<LinkedInMember>;
  /** Whether the app is enabled for programmatic refresh tokens. */
  refreshTokens?: boolean;
  /** Which Linkedin-Version values are live; default YYYYMM within the last 12 months. */
  activeVersions?: (version: string) => boolean;
  /** Reading member posts needs r_member_social, as LinkedIn documents; default true. */
  finderNeedsReadScope?: boolean;
  /** How long LinkedIn refuses the same text again from one author; default 10 minutes. */
  duplicateWindowMs?: number;
  /** GET /rest/documents/{urn} answers PROCESSING this many times after the upload; default 0. */
  documentProcessingPolls?: number;
  /** Refuse an authorization request without `state`; default true. */
  requireState?: boolean;
  /** Awaited before each request is handled (after its body is read). */
  onRequest?: (request: LinkedInRequest) => void | Promise<void>;
  now?: () => number;
}

export interface LinkedInRequest {
  at: number;
  method: string;
  path: string;
  route: LinkedInRoute;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON or form body; uploads keep only their size. */
  body?: unknown;
  bodyBytes: number;
  status?: number;
}

export interface LinkedInDocument {
  id: string;
  owner: string;
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE';
  uploadUrl: string;
  uploadUrlExpiresAt: number;
  bytes?: Buffer;
  pages?: number;
  polls: number;
}

export interface LinkedInPost {
  id: string;
  author: string;
  commentary: string;
  visibility: string;
  distribution: { feedDistribution: string; targetEntities: unknown[]; thirdPartyDistributionChannels: unknown[] };
  content: { media: { id: string; title: string } };
  lifecycleState: string;
  isReshareDisabledByAuthor: boolean;
  createdAt: number;
  publishedAt: number;
  lastModifiedAt: number;
  lifecycleStateInfo: { isEditedByAuthor: boolean };
}

interface TokenGrant {
  scopes: string[];
  sub: string;
  expiresAt: number;
  revoked?: boolean;
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  issuedAt: number;
  used: boolean;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface MockLinkedIn {
  /** Origin serving the API, OAuth and upload paths, e.g. http://127.0.0.1:40123. */
  url: string;
  requests: LinkedInRequest[];
  violations: string[];
  documents: Map<string, LinkedInDocument>;
  /** Created posts, oldest first. */
  posts: LinkedInPost[];
  member: LinkedInMember;
  personUrn: string;
  /** Tokens the token endpoint has issued, oldest first. */
  issuedTokens: string[];
  /** Emits 'request' (and 'request:<route>') when a request is about to be handled, 'held' when a held
   * answer starts waiting (its side effects already applied), and 'response' when an answer is sent. */
  events: EventEmitter;
  /** The authorization URL a browser would open, on this mock. */
  authorizeUrl(params: { redirectUri: string; state?: string; scope?: string; clientId?: string }): string;
  /** The next `count` matching calls fail as `kind`; `route` narrows which calls count. */
  failNext(kind: LinkedInFailure, count?: number, route?: LinkedInRoute): void;
  /** The next call to `route` is answered `ms` later, after it has taken effect. */
  holdNext(route: LinkedInRoute, ms: number): void;
  /** Makes a token answer REVOKED_ACCESS_TOKEN from now on. */
  revokeToken(token: string): void;
  close(): Promise<void>;
}

const DAY = 86_400_000;
const ACCESS_TTL_S = 5_184_000; // 60 days [AUTH]
const REFRESH_TTL_S = 31_536_000; // 365 days [REFRESH]
const CODE_TTL_MS = 30 * 60_000; // [AUTH] "the authorization code has a 30-minute lifespan"
const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024; // [DOCS]
const MAX_DOCUMENT_PAGES = 300; // [DOCS]
const MAX_COMMENTARY = 3000;
const RESERVED = new Set(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~']);
const POST_FIELDS = new Set([
  'author',
  'commentary',
  'visibility',
  'distribution',
  'content',
  'lifecycleState',
  'isReshareDisabledByAuthor',
  'contentLandingPage',
  'contentCallToActionLabel',
  'container',
  'reshareContext',
  'adContext',
]);
const READ_ONLY_POST_FIELDS = ['id', 'createdAt', 'publishedAt', 'lastModifiedAt', 'lifecycleStateInfo'];

const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Every place in `text` where a little-format reserved character stands unescaped. */
export function unescapedReserved(text: string): Array<{ index: number; char: string }> {
  const found: Array<{ index: number; char: string }> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (!RESERVED.has(c)) {
      i++;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < text.length && RESERVED.has(text[i + 1])) {
        i += 2;
        continue;
      }
      found.push({ index: i, char: c });
      i++;
      continue;
    }
    const rest = text.slice(i);
    // MentionElement: @[Name](urn:li:person:ID) or an organization
    const mention = c === '@' ? /^@\[[^\]]*\]\(urn:li:(?:person|organization):[^)\s]+\)/.exec(rest) : null;
    // HashtagTemplate: {hashtag|#|tag}, the sign possibly escaped or the full-width ＃
    const template = c === '{' ? /^\{hashtag\|\\?[#＃]\|[^|{}\s]+\}/.exec(rest) : null;
    // HashtagElement: #tag
    const hashtag = c === '#' ? /^#[\p{L}\p{N}]+/u.exec(rest) : null;
    const element = mention ?? template ?? hashtag;
    if (element) {
      i += element[0].length;
      continue;
    }
    found.push({ index: i, char: c });
    i++;
  }
  return found;
}

function linkedInVersionWindow(now: () => number): (version: string) => boolean {
  return (version) => {
    const m = /^(\d{4})(\d{2})(?:\.\d{2})?$/.exec(version);
    if (!m) return false;
    const asked = Number(m[1]) * 12 + (Number(m[2]) - 1);
    const d = new Date(now());
    const current = d.getUTCFullYear() * 12 + d.getUTCMonth();
    return Number(m[2]) >= 1 && Number(m[2]) <= 12 && asked <= current && asked >= current - 12;
  };
}

/** A JWT-shaped id_token; LinkedIn signs it with RS256, the mock only fills the claims. */
function idToken(clientId: string, member: LinkedInMember, nowMs: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(nowMs / 1000);
  return [
    part({ alg: 'RS256', typ: 'JWT', kid: 'mock-linkedin-key' }),
    part({
      iss: 'https://www.linkedin.com/oauth',
      aud: clientId,
      iat,
      exp: iat + 3600,
      sub: member.sub,
      name: member.name,
      given_name: member.given_name,
      family_name: member.family_name,
      picture: member.picture,
      locale: member.locale,
    }),
    randomId(64),
  ].join('.');
}

export async function startMockLinkedIn(options: LinkedInMockOptions = {}): Promise<MockLinkedIn> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? LINKEDIN_CLIENT_ID;
  const clientSecret = options.clientSecret ?? LINKEDIN_CLIENT_SECRET;
  const appScopes = options.appScopes ?? ['openid', 'profile', 'email', 'w_member_social'];
  const activeVersion = options.activeVersions ?? linkedInVersionWindow(now);
  const finderNeedsReadScope = options.finderNeedsReadScope ?? true;
  const duplicateWindowMs = options.duplicateWindowMs ?? 10 * 60_000;
  const processingPolls = options.documentProcessingPolls ?? 0;
  const requireState = options.requireState ?? true;
  const member: LinkedInMember = {
    sub: 'Xq7mPo9RtZ',
    name: 'Mira Okafor',
    given_name: 'Mira',
    family_name: 'Okafor',
    picture: 'https://media.licdn.com/dms/image/v2/D4E03AQF-mock/profile-displayphoto-shrink_100_100/0/',
    email: 'mira@example.com',
    locale: { country: 'US', language: 'en' },
    ...options.member,
  };
  const personUrn = `urn:li:person:${member.sub}`;

  const tokens = new Map<string, TokenGrant>();
  for (const spec of options.tokens ?? [LINKEDIN_TEST_TOKEN]) {
    const s = typeof spec === 'string' ? { token: spec } : spec;
    tokens.set(s.token, {
      scopes: s.scopes ?? ['openid', 'profile', 'w_member_social'],
      sub: s.sub ?? member.sub,
      expiresAt: s.expiresAt ?? now() + ACCESS_TTL_S * 1000,
    });
  }
  const refreshGrants = new Map<string, TokenGrant>();
  const codes = new Map<string, AuthorizationCode>();
  const switches = new MockSwitches<LinkedInRoute, LinkedInFailure>();
  let shareSeq = 0n;

  const events = new EventEmitter();
  const state: MockLinkedIn = {
    url: '',
    requests: [],
    violations: [],
    documents: new Map(),
    posts: [],
    member,
    personUrn,
    issuedTokens: [],
    events,
    authorizeUrl: ({ redirectUri, state: st, scope, clientId: cid }) => {
      const u = new URL('/oauth/v2/authorization', state.url);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('client_id', cid ?? clientId);
      u.searchParams.set('redirect_uri', redirectUri);
      if (st !== undefined) u.searchParams.set('state', st);
      u.searchParams.set('scope', scope ?? 'openid profile w_member_social');
      return u.toString();
    },
    failNext: (kind, count = 1, route) => switches.failNext(kind, count, route),
    holdNext: (route, ms) => switches.holdNext(route, ms),
    revokeToken: (token) => {
      const grant = tokens.get(token);
      if (grant) grant.revoked = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        switches.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const restHeaders = () => ({ 'x-restli-protocol-version': '2.0.0', 'x-li-uuid': randomId(16) });
  const rest = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    json(status, body, { ...restHeaders(), ...headers });

  // LinkedIn's error bodies
  const emptyToken = () => rest(401, { message: 'Empty oauth2_access_token', serviceErrorCode: 401, status: 401 });
  const unknownSchema = () => rest(401, { message: 'Unknown authentication schema', serviceErrorCode: 401, status: 401 });
  const invalidToken = () =>
    rest(401, { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' });
  const expiredToken = () =>
    rest(401, { status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' });
  const revokedToken = () =>
    rest(401, {
      status: 401,
      serviceErrorCode: 65601,
      code: 'REVOKED_ACCESS_TOKEN',
      message: 'The token used in the request has been revoked by the user',
    });
  const accessDenied = (resource: string) =>
    rest(403, { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: `Not enough permissions to access: ${resource}` });
  const throttled = () =>
    rest(429, {
      status: 429,
      serviceErrorCode: 101,
      code: 'TOO_MANY_REQUESTS',
      message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
    });
  const badRequest = (errors: Array<{ fieldPath: string; description: string; code: string }>, status = 400) =>
    rest(status, {
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message:
        errors.length === 1
          ? errors[0].description
          : 'Multiple errors occurred during the input validation. Please see errorDetails for more information.',
      errorDetails: {
        inputErrors: errors.map((e) => ({ description: e.description, input: { inputPath: { fieldPath: e.fieldPath } }, code: e.code })),
      },
      status,
    });
  const notFound = (what: string) => rest(404, { status: 404, code: 'NOT_FOUND', message: `${what} does not exist` });
  const oauthError = (status: number, error: string, description: string) =>
    json(status, { error, error_description: description });
  const page = (status: number, text: string): Reply => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html><html><body><h1>${text}</h1></body></html>`,
  });

  const routeOf = (method: string, path: string, query: URLSearchParams): LinkedInRoute => {
    if (path === '/oauth/v2/authorization') return 'authorize';
    if (path === '/oauth/v2/accessToken') return 'token';
    if (path === '/v2/userinfo') return 'userinfo';
    if (path === '/rest/documents' && query.get('action') === 'initializeUpload') return 'initializeUpload';
    if (path.startsWith('/rest/documents/')) return 'document';
    if (path.startsWith('/dms-uploads/')) return 'upload';
    if (path === '/rest/posts' && method === 'POST') return 'posts';
    if (path === '/rest/posts' && method === 'GET') return 'finder';
    if (path.startsWith('/rest/posts/')) return 'post';
    return 'unknown';
  };

  const takeFailure = (route: LinkedInRoute): LinkedInFailure | undefined => {
    const oauthRoute = route === 'authorize' || route === 'token';
    return switches.take((f) => {
      if (f.route) return f.route === route;
      if (f.kind === 'consent-denied') return route === 'authorize';
      return !oauthRoute && route !== 'unknown';
    });
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.linkedin');
    const method = req.method ?? 'GET';
    const route = routeOf(method, url.pathname, url.searchParams);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : (v ?? '');
    const limit = route === 'upload' ? MAX_DOCUMENT_BYTES + 1 : 1024 * 1024;
    const { bytes, total } = await readBody(req, limit);
    const record: LinkedInRequest = {
      at: now(),
      method,
      path: url.pathname,
      route,
      query: Object.fromEntries(url.searchParams),
      headers,
      bodyBytes: total,
    };
    if (route !== 'upload' && bytes.length) {
      const type = headers['content-type'] ?? '';
      const text = bytes.toString('utf8');
      if (type.includes('application/x-www-form-urlencoded')) record.body = Object.fromEntries(new URLSearchParams(text));
      else {
        try {
          record.body = JSON.parse(text);
        } catch {
          record.body = text;
        }
      }
    }
    state.requests.push(record);
    events.emit('request', record);
    events.emit(`request:${route}`, record);
    await options.onRequest?.(record);

    const violations: string[] = [];
    const violate = (what: string) => violations.push(`${method} ${url.pathname}: ${what}`);
    let reply: Reply;
    const failure = takeFailure(route);
    if (failure) reply = failureReply(failure, url, route);
    else {
      const ctx: Ctx = { url, method, route, headers, bytes, total, record, violate };
      reply = await dispatch(ctx);
    }
    state.violations.push(...violations);

    await switches.hold(route, (ms) => events.emit('held', { route, ms, request: record }));
    record.status = reply.status;
    if (!res.destroyed) {
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    }
    events.emit('response', { route, status: reply.status, request: record });
  }

  function failureReply(kind: LinkedInFailure, url: URL, route: LinkedInRoute): Reply {
    switch (kind) {
      case 'expired-token':
        return expiredToken();
      case 'revoked-token':
        return revokedToken();
      case 'rate-limit':
        return throttled();
      case 'server-error':
        return rest(500, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' });
      case 'unavailable':
        return rest(503, { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable' });
      case 'consent-denied': {
        const redirect = url.searchParams.get('redirect_uri');
        if (route !== 'authorize' || !redirect) return page(400, 'Bad request');
        const to = new URL(redirect);
        to.searchParams.set('error', 'user_cancelled_authorize');
        to.searchParams.set('error_description', 'The user cancelled the authorization');
        const st = url.searchParams.get('state');
        if (st !== null) to.searchParams.set('state', st);
        return { status: 302, headers: { location: to.toString() } };
      }
    }
  }

  interface Ctx {
    url: URL;
    method: string;
    route: LinkedInRoute;
    headers: Record<string, string>;
    bytes: Buffer;
    total: number;
    record: LinkedInRequest;
    violate: (what: string) => void;
  }

  async function dispatch(ctx: Ctx): Promise<Reply> {
    switch (ctx.route) {
      case 'authorize':
        return authorize(ctx);
      case 'token':
        return token(ctx);
      case 'userinfo':
        return userinfo(ctx);
      case 'initializeUpload':
        return initializeUpload(ctx);
      case 'upload':
        return upload(ctx);
      case 'document':
        return getDocument(ctx);
      case 'posts':
        return createPost(ctx);
      case 'finder':
        return findPosts(ctx);
      case 'post':
        return getPost(ctx);
      default:
        ctx.violate('no such LinkedIn endpoint');
        return notFound(`Resource ${ctx.url.pathname}`);
    }
  }

  // ---- OAuth host ------------------------------------------------------------------------------

  function registeredRedirect(uri: string): boolean {
    if (options.redirectUris) return options.redirectUris.includes(uri);
    try {
      const u = new URL(uri);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !uri.includes('#');
    } catch {
      return false;
    }
  }

  function authorize({ url, method, violate }: Ctx): Reply {
    const q = url.searchParams;
    if (method !== 'GET') {
      violate(`the authorization page is opened with GET, not ${method}`);
      return page(405, 'Method not allowed');
    }
    if (q.get('response_type') !== 'code') {
      violate(`response_type must be "code", got ${JSON.stringify(q.get('response_type'))}`);
      return page(400, 'Invalid response_type');
    }
    if (q.get('client_id') !== clientId) {
      violate(`client_id ${JSON.stringify(q.get('client_id'))} is not the app's client id`);
      return page(401, "Client_id doesn't match");
    }
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri || !registeredRedirect(redirectUri)) {
      violate(`redirect_uri ${JSON.stringify(redirectUri)} is not a registered absolute URL without a fragment`);
      return page(401, "Redirect_uri doesn't match");
    }
    const scope = q.get('scope');
    if (!scope) {
      violate('scope is required');
      return page(401, 'Invalid scope');
    }
    const commas = scope.includes(',');
    if (commas) violate(`scope must be a space-delimited list, got ${JSON.stringify(scope)}`);
    const scopes = scope.split(/[\s,]+/).filter(Boolean);
    const unknown = scopes.filter((s) => !appScopes.includes(s));
    if (unknown.length) {
      violate(`scope ${unknown.join(', ')} is not granted to the app`);
      return page(401, 'Invalid scope');
    }
    if (commas) return page(401, 'Invalid scope');
    const st = q.get('state');
    if (requireState && !st) {
      violate('state is missing: send an unguessable value and check it on the redirect (CSRF)');
      return page(400, 'Missing state');
    }
    const code = `AQ${randomId(96)}`;
    codes.set(code, { clientId, redirectUri, scopes, issuedAt: now(), used: false });
    const to = new URL(redirectUri);
    to.searchParams.set('code', code);
    if (st !== null) to.searchParams.set('state', st);
    return { status: 302, headers: { location: to.toString() } };
  }

  function issueAccessToken(grant: Omit<TokenGrant, 'expiresAt'>): string {
    const token = `AQV${randomId(372)}`; // LinkedIn tokens run to about 500 characters [AUTH]
    tokens.set(token, { ...grant, expiresAt: now() + ACCESS_TTL_S * 1000 });
    state.issuedTokens.push(token);
    return token;
  }

  function token({ url, method, headers, record, violate }: Ctx): Reply {
    if (method !== 'POST') {
      violate(`the token endpoint takes POST, not ${method}`);
      return oauthError(405, 'invalid_request', 'Only POST is supported');
    }
    const inQuery = ['grant_type', 'code', 'client_id', 'client_secret', 'redirect_uri', 'refresh_token'].filter((k) =>
      url.searchParams.has(k),
    );
    if (inQuery.length) violate(`${inQuery.join(', ')} sent in the URL; the parameters (and never the secret) go in the form body`);
    const type = headers['content-type'] ?? '';
    if (!type.includes('application/x-www-form-urlencoded')) {
      violate(`Content-Type must be application/x-www-form-urlencoded, got ${JSON.stringify(type)}`);
      return oauthError(400, 'invalid_request', 'A required parameter "grant_type" is missing');
    }
    const p = (record.body ?? {}) as Record<string, string>;
    const missing = (name: string) => {
      violate(`form parameter ${name} is missing`);
      return oauthError(400, 'invalid_request', `A required parameter "${name}" is missing`);
    };
    if (!p.grant_type) return missing('grant_type');
    if (p.grant_type === 'refresh_token') return refresh(p, violate);
    if (p.grant_type !== 'authorization_code') {
      violate(`grant_type must be authorization_code or refresh_token, got ${JSON.stringify(p.grant_type)}`);
      return oauthError(400, 'unsupported_grant_type', `The grant type ${p.grant_type} is not supported`);
    }
    for (const name of ['code', 'client_id', 'client_secret', 'redirect_uri']) if (!p[name]) return missing(name);
    if (p.client_id !== clientId || p.client_secret !== clientSecret) {
      violate('client_id / client_secret do not match the app');
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    const code = codes.get(p.code);
    if (!code || code.used) {
      violate(code ? 'the authorization code was already exchanged' : 'unknown authorization code');
      return oauthError(401, 'invalid_request', 'Unable to retrieve access token: authorization code not found');
    }
    if (code.redirectUri !== p.redirect_uri || code.clientId !== p.client_id || now() - code.issuedAt > CODE_TTL_MS) {
      violate(
        now() - code.issuedAt > CODE_TTL_MS
          ? 'the authorization code is older than 30 minutes'
          : `redirect_uri ${JSON.stringify(p.redirect_uri)} differs from the authorized ${JSON.stringify(code.redirectUri)}`,
      );
      return oauthError(
        400,
        'invalid_redirect_uri',
        'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired. Or external member binding exists',
      );
    }
    code.used = true;
    const access = issueAccessToken({ scopes: code.scopes, sub: member.sub });
    const answer: Record<string, unknown> = {
      access_token: access,
      expires_in: ACCESS_TTL_S,
      // Recorded answers list the granted scopes comma-separated and sorted; the page says space-delimited.
      scope: [...code.scopes].sort().join(','),
    };
    if (options.refreshTokens) {
      const rt = `AQX${randomId(372)}`;
      refreshGrants.set(rt, { scopes: code.scopes, sub: member.sub, expiresAt: now() + REFRESH_TTL_S * 1000 });
      answer.refresh_token = rt;
      answer.refresh_token_expires_in = REFRESH_TTL_S;
    }
    if (code.scopes.includes('openid')) {
      answer.token_type = 'Bearer';
      answer.id_token = idToken(clientId, member, now());
    }
    return json(200, answer, { 'cache-control': 'no-store' });
  }

  function refresh(p: Record<string, string>, violate: (what: string) => void): Reply {
    for (const name of ['refresh_token', 'client_id', 'client_secret']) {
      if (!p[name]) {
        violate(`form parameter ${name} is missing`);
        return oauthError(400, 'invalid_request', `A required parameter "${name}" is missing`);
      }
    }
    if (p.client_id !== clientId || p.client_secret !== clientSecret) {
      violate('client_id / client_secret do not match the app');
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    const grant = refreshGrants.get(p.refresh_token);
    if (!options.refreshTokens || !grant || grant.expiresAt <= now()) {
      violate(options.refreshTokens ? 'unknown or expired refresh token' : 'this app is not enabled for programmatic refresh tokens');
      return oauthError(400, 'invalid_grant', 'The provided authorization grant or refresh token is invalid, expired or revoked.');
    }
    const access = issueAccessToken({ scopes: grant.scopes, sub: grant.sub });
    return json(
      200,
      {
        access_token: access,
        expires_in: ACCESS_TTL_S,
        refresh_token: p.refresh_token,
        refresh_token_expires_in: Math.floor((grant.expiresAt - now()) / 1000), // the refresh TTL does not restart [REFRESH]
        scope: [...grant.scopes].sort().join(','),
      },
      { 'cache-control': 'no-store' },
    );
  }

  // ---- API host ---------------------------------------------------------------------------------

  /** The bearer grant of an API call, or the reply that refuses it. */
  function bearer({ url, headers, violate }: Ctx): TokenGrant | Reply {
    if (url.searchParams.has('oauth2_access_token') || url.searchParams.has('access_token')) {
      violate('access token sent as a query parameter; LinkedIn takes it only as Authorization: Bearer <token>');
      if (!headers.authorization) return emptyToken();
    }
    const auth = headers.authorization;
    if (!auth) {
      violate('Authorization header is missing');
      return emptyToken();
    }
    const m = /^Bearer (\S+)$/.exec(auth);
    if (!m) {
      violate(`Authorization header must be "Bearer <token>", got scheme ${JSON.stringify(auth.split(' ')[0])}`);
      return unknownSchema();
    }
    const grant = tokens.get(m[1]);
    if (!grant) {
      violate('unknown access token');
      return invalidToken();
    }
    if (grant.revoked) {
      violate('revoked access token used');
      return revokedToken();
    }
    if (grant.expiresAt <= now()) {
      violate('expired access token used');
      return expiredToken();
    }
    return grant;
  }

  /** Checks the versioned-API headers; a reply when they are wrong. */
  function restHeadersCheck(ctx: Ctx, opts: { finder?: boolean; json?: boolean } = {}): Reply | undefined {
    const { headers, violate } = ctx;
    const version = headers['linkedin-version'];
    if (!version) {
      violate('Linkedin-Version header is missing (every /rest call needs Linkedin-Version: YYYYMM)');
      return rest(400, {
        status: 400,
        code: 'VERSION_MISSING',
        message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      });
    }
    if (!activeVersion(version)) {
      violate(`Linkedin-Version ${JSON.stringify(version)} is not an active YYYYMM version`);
      return rest(426, { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version} is not active` });
    }
    if (headers['x-restli-protocol-version'] !== '2.0.0') {
      violate(`X-Restli-Protocol-Version must be 2.0.0, got ${JSON.stringify(headers['x-restli-protocol-version'])}`);
      return badRequest([
        { fieldPath: 'X-Restli-Protocol-Version', description: 'All requests require the header X-Restli-Protocol-Version: 2.0.0', code: 'INVALID_VALUE' },
      ]);
    }
    if (opts.finder && (headers['x-restli-method'] ?? '').toUpperCase() !== 'FINDER') {
      violate(`a finder call carries X-RestLi-Method: FINDER, got ${JSON.stringify(headers['x-restli-method'])}`);
      return badRequest([{ fieldPath: 'X-RestLi-Method', description: 'X-RestLi-Method: FINDER is required for q=author', code: 'INVALID_VALUE' }]);
    }
    if (opts.json && !(headers['content-type'] ?? '').includes('application/json')) {
      violate(`Content-Type must be application/json, got ${JSON.stringify(headers['content-type'])}`);
      return badRequest([{ fieldPath: 'Content-Type', description: 'The request body must be application/json', code: 'INVALID_VALUE' }]);
    }
    return undefined;
  }

  const isReply = (x: TokenGrant | Reply): x is Reply => 'status' in x && typeof (x as Reply).status === 'number';
  const versionTag = (ctx: Ctx) => `${(ctx.headers['linkedin-version'] ?? '').slice(0, 6)}01`;

  function userinfo(ctx: Ctx): Reply {
    if (ctx.method !== 'GET') {
      ctx.violate(`userinfo is read with GET, not ${ctx.method}`);
      return notFound('Resource');
    }
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    if (!grant.scopes.includes('openid') || !grant.scopes.includes('profile')) {
      ctx.violate('userinfo needs a token granted the openid and profile scopes');
      return json(403, { serviceErrorCode: 100, message: 'Not enough permissions to access: userinfo.GET.NO_VERSION', status: 403 });
    }
    const who = grant.sub === member.sub ? member : { ...member, sub: grant.sub };
    const body: Record<string, unknown> = {
      sub: who.sub,
      name: who.name,
      given_name: who.given_name,
      family_name: who.family_name,
      picture: who.picture,
      locale: who.locale,
    };
    if (grant.scopes.includes('email')) {
      body.email = who.email;
      body.email_verified = true;
    }
    return json(200, body);
  }

  function initializeUpload(ctx: Ctx): Reply {
    if (ctx.method !== 'POST') {
      ctx.violate(`initializeUpload is a POST, not ${ctx.method}`);
      return notFound('Resource');
    }
    const headerProblem = restHeadersCheck(ctx, { json: true });
    if (headerProblem) return headerProblem;
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    if (!grant.scopes.includes('w_member_social')) {
      ctx.violate('initializeUpload for a member needs the w_member_social scope');
      return accessDenied(`documents.ACTION-initializeUpload.${versionTag(ctx)}`);
    }
    const body = ctx.record.body as { initializeUploadRequest?: { owner?: unknown } } | undefined;
    const owner = body?.initializeUploadRequest?.owner;
    if (typeof owner !== 'string' || !/^urn:li:(person|organization):[^:\s]+$/.test(owner)) {
      ctx.violate(`body must be {"initializeUploadRequest":{"owner":"urn:li:person:..."}}, got ${JSON.stringify(ctx.record.body)}`);
      return badRequest([{ fieldPath: '/initializeUploadRequest/owner', description: 'Field /initializeUploadRequest/owner is required', code: 'MISSING_REQUIRED_FIELD' }]);
    }
    if (owner !== `urn:li:person:${grant.sub}`) {
      ctx.violate(`owner ${owner} is not the calling member urn:li:person:${grant.sub}`);
      return rest(403, { message: 'Accessing this document resource is forbidden. Please check your permissions for this resource', status: 403 });
    }
    const key = `D4E10AQ${randomId(12)}`;
    const id = `urn:li:document:${key}`;
    const uploadUrl = `${state.url}/dms-uploads/${key}/uploadedDocument/0?ca=vector_feedshare&cn=uploads&sync=0&v=beta&ut=${randomId(24)}`;
    const doc: LinkedInDocument = { id, owner, status: 'WAITING_UPLOAD', uploadUrl, uploadUrlExpiresAt: now() + DAY, polls: 0 };
    state.documents.set(id, doc);
    return rest(200, { value: { uploadUrlExpiresAt: doc.uploadUrlExpiresAt, uploadUrl, document: id } });
  }

  function upload(ctx: Ctx): Reply {
    const doc = [...state.documents.values()].find((d) => {
      const u = new URL(d.uploadUrl);
      return u.pathname === ctx.url.pathname && u.search === ctx.url.search;
    });
    if (!doc) {
      ctx.violate('PUT to an upload URL this mock never handed out (use the uploadUrl exactly as returned)');
      return notFound('Upload');
    }
    if (ctx.method !== 'PUT') {
      ctx.violate(`the file is uploaded with PUT, not ${ctx.method}`);
      return { status: 405 };
    }
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    if (doc.owner !== `urn:li:person:${grant.sub}`) {
      ctx.violate('the upload is made with a token of a member who does not own the document');
      return rest(403, { message: 'Accessing this document resource is forbidden. Please check your permissions for this resource', status: 403 });
    }
    if (doc.uploadUrlExpiresAt < now()) {
      ctx.violate('the upload URL has expired');
      return { status: 403 };
    }
    if (ctx.total > MAX_DOCUMENT_BYTES) {
      ctx.violate(`the document is ${ctx.total} bytes; LinkedIn takes at most 100 MB`);
      return rest(400, { message: 'The file size cannot exceed 100MB', status: 400 });
    }
    if (ctx.total === 0 || ctx.bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      ctx.violate('the uploaded bytes are not a PDF (they do not start with %PDF-)');
      return rest(400, { message: 'Uploaded file is not a supported document type', status: 400 });
    }
    const pages = countPdfPages(ctx.bytes);
    if (pages > MAX_DOCUMENT_PAGES) {
      ctx.violate(`the PDF has ${pages} pages; LinkedIn takes at most 300`);
      return rest(400, { message: 'The document cannot exceed 300 pages', status: 400 });
    }
    doc.bytes = Buffer.from(ctx.bytes);
    doc.pages = pages;
    doc.status = processingPolls > 0 ? 'PROCESSING' : 'AVAILABLE';
    return { status: 201, headers: { 'content-length': '0' } };
  }

  function getDocument(ctx: Ctx): Reply {
    if (ctx.method !== 'GET') {
      ctx.violate(`documents are read with GET, not ${ctx.method}`);
      return notFound('Resource');
    }
    const headerProblem = restHeadersCheck(ctx);
    if (headerProblem) return headerProblem;
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    const raw = ctx.url.pathname.slice('/rest/documents/'.length);
    const id = decodeURIComponent(raw);
    if (raw.includes(':')) ctx.violate(`the document URN in the path must be URL-encoded (${raw})`);
    const doc = state.documents.get(id);
    if (!doc) {
      ctx.violate(`no document ${id}`);
      return notFound(`Document ${id}`);
    }
    if (doc.owner !== `urn:li:person:${grant.sub}`) {
      ctx.violate('reading a document another member owns');
      return rest(403, { message: 'Accessing this document resource is forbidden. Please check your permissions for this resource', status: 403 });
    }
    if (doc.status === 'PROCESSING' && ++doc.polls >= processingPolls) doc.status = 'AVAILABLE';
    const body: Record<string, unknown> = { owner: doc.owner, id: doc.id, status: doc.status };
    if (doc.status === 'AVAILABLE') {
      body.downloadUrl = `${state.url}/dms/document/${doc.id.split(':').pop()}?e=${now() + DAY}`;
      body.downloadUrlExpiresAt = now() + DAY;
    }
    return rest(200, body);
  }

  function createPost(ctx: Ctx): Reply {
    const headerProblem = restHeadersCheck(ctx, { json: true });
    if (headerProblem) return headerProblem;
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    if (!grant.scopes.includes('w_member_social')) {
      ctx.violate('creating a member post needs the w_member_social scope');
      return accessDenied(`partnerApiPostsExternal.CREATE.${versionTag(ctx)}`);
    }
    const body = ctx.record.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      ctx.violate('the post body is not a JSON object');
      return badRequest([{ fieldPath: '/', description: 'The request body is not a valid JSON object', code: 'INVALID_VALUE' }]);
    }
    const p = body as Record<string, unknown>;
    const errors: Array<{ fieldPath: string; description: string; code: string }> = [];
    const fail = (fieldPath: string, description: string, code = 'INVALID_VALUE_FOR_FIELD') => {
      errors.push({ fieldPath, description, code });
      ctx.violate(`${fieldPath}: ${description}`);
    };
    const missing = (fieldPath: string) => fail(fieldPath, `Field ${fieldPath} is required but missing`, 'MISSING_REQUIRED_FIELD');

    for (const key of Object.keys(p)) {
      if (READ_ONLY_POST_FIELDS.includes(key)) fail(`/${key}`, `Field /${key} is read-only and cannot be set`);
      else if (!POST_FIELDS.has(key)) fail(`/${key}`, `Field /${key} is not part of the Post schema`, 'UNRECOGNIZED_FIELD');
    }
    if (p.author === undefined) missing('/author');
    else if (typeof p.author !== 'string' || !/^urn:li:(person|organization):[^:\s]+$/.test(p.author)) fail('/author', 'author must be a person or organization URN');
    if (p.commentary === undefined) missing('/commentary');
    else if (typeof p.commentary !== 'string') fail('/commentary', 'commentary must be a string');
    else {
      for (const { index, char } of unescapedReserved(p.commentary)) {
        fail('/commentary', `reserved character '${char}' at index ${index} is not backslash-escaped (little text format)`);
      }
      if ([...p.commentary].length > MAX_COMMENTARY) fail('/commentary', `commentary is longer than ${MAX_COMMENTARY} characters`);
    }
    if (p.visibility === undefined) missing('/visibility');
    else if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(p.visibility as string)) fail('/visibility', `visibility ${JSON.stringify(p.visibility)} is not PUBLIC, CONNECTIONS or LOGGED_IN`);
    const dist = p.distribution as Record<string, unknown> | undefined;
    if (dist === undefined) missing('/distribution');
    else if (!dist || typeof dist !== 'object') fail('/distribution', 'distribution must be an object');
    else {
      if (dist.feedDistribution !== 'MAIN_FEED') fail('/distribution/feedDistribution', `feedDistribution must be MAIN_FEED for an organic post, got ${JSON.stringify(dist.feedDistribution)}`);
      if (!Array.isArray(dist.targetEntities) || dist.targetEntities.length) fail('/distribution/targetEntities', 'targetEntities must be an empty array');
      if (!Array.isArray(dist.thirdPartyDistributionChannels) || dist.thirdPartyDistributionChannels.length) {
        fail('/distribution/thirdPartyDistributionChannels', 'thirdPartyDistributionChannels must be an empty array');
      }
    }
    const content = p.content as { media?: Record<string, unknown> } | undefined;
    const media = content?.media;
    let doc: LinkedInDocument | undefined;
    if (content === undefined) missing('/content');
    else if (!media || typeof media !== 'object') missing('/content/media');
    else {
      if (typeof media.id !== 'string') missing('/content/media/id');
      else if (!media.id.startsWith('urn:li:document:')) fail('/content/media/id', `a document post references urn:li:document:..., got ${media.id}`);
      else {
        doc = state.documents.get(media.id);
        if (!doc) fail('/content/media/id', `document ${media.id} does not exist`, 'INVALID_URN');
        else if (doc.status === 'WAITING_UPLOAD') fail('/content/media/id', `document ${media.id} was never uploaded`, 'MEDIA_ASSET_NOT_UPLOADED');
      }
      if (media.title === undefined || media.title === '') missing('/content/media/title');
      else if (typeof media.title !== 'string') fail('/content/media/title', 'title must be a string');
      for (const key of Object.keys(media)) if (!['id', 'title', 'altText'].includes(key)) fail(`/content/media/${key}`, `Field /content/media/${key} is not part of MediaContent`, 'UNRECOGNIZED_FIELD');
    }
    if (p.lifecycleState === undefined) missing('/lifecycleState');
    else if (p.lifecycleState !== 'PUBLISHED') fail('/lifecycleState', `lifecycleState must be PUBLISHED, got ${JSON.stringify(p.lifecycleState)}`);
    if (p.isReshareDisabledByAuthor === undefined) missing('/isReshareDisabledByAuthor');
    else if (typeof p.isReshareDisabledByAuthor !== 'boolean') fail('/isReshareDisabledByAuthor', 'isReshareDisabledByAuthor must be a boolean');
    if (errors.length) return badRequest(errors);

    if (p.author !== `urn:li:person:${grant.sub}`) {
      ctx.violate(`author ${String(p.author)} is not the member the token acts for (urn:li:person:${grant.sub})`);
      return accessDenied(`partnerApiPostsExternal.CREATE.${versionTag(ctx)}`);
    }
    if (doc && doc.owner !== p.author) {
      ctx.violate(`document ${doc.id} belongs to ${doc.owner}, not to the author`);
      return rest(403, { message: 'Accessing this document resource is forbidden. Please check your permissions for this resource', status: 403 });
    }
    const commentary = p.commentary as string;
    const dup = [...state.posts]
      .reverse()
      .find((x) => x.author === p.author && x.commentary === commentary && now() - x.createdAt < duplicateWindowMs);
    if (dup) {
      return rest(422, {
        errorDetailType: 'com.linkedin.common.error.BadRequest',
        message: `Content is a duplicate of ${dup.id}`,
        errorDetails: {
          inputErrors: [{ description: `Content is a duplicate of ${dup.id}`, input: { inputPath: { fieldPath: '/commentary' } }, code: 'DUPLICATE_POST' }],
        },
        status: 422,
      });
    }
    const at = now();
    const id = `urn:li:share:${(7_401_000_000_000_000_000n + BigInt(at) * 1000n + ++shareSeq).toString()}`;
    const post: LinkedInPost = {
      id,
      author: p.author as string,
      commentary,
      visibility: p.visibility as string,
      distribution: {
        feedDistribution: 'MAIN_FEED',
        targetEntities: [],
        thirdPartyDistributionChannels: [],
      },
      content: { media: { id: (media as { id: string }).id, title: (media as { title: string }).title } },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: p.isReshareDisabledByAuthor as boolean,
      createdAt: at,
      publishedAt: at,
      lastModifiedAt: at,
      lifecycleStateInfo: { isEditedByAuthor: false },
    };
    state.posts.push(post);
    return { status: 201, headers: { ...restHeaders(), 'x-restli-id': id, 'x-linkedin-id': id, 'content-length': '0' } };
  }

  function readScopeProblem(ctx: Ctx, grant: TokenGrant, author: string, resource: string): Reply | undefined {
    if (!finderNeedsReadScope) return undefined;
    const needed = author.startsWith('urn:li:organization:') ? 'r_organization_social' : 'r_member_social';
    if (grant.scopes.includes(needed)) return undefined;
    ctx.violate(`reading posts of ${author} needs the ${needed} scope (restricted); the token has ${grant.scopes.join(' ')}`);
    return accessDenied(`${resource}.${versionTag(ctx)}`);
  }

  function findPosts(ctx: Ctx): Reply {
    const headerProblem = restHeadersCheck(ctx, { finder: true });
    if (headerProblem) return headerProblem;
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    const q = ctx.url.searchParams;
    const errors: Array<{ fieldPath: string; description: string; code: string }> = [];
    const fail = (param: string, description: string) => {
      errors.push({ fieldPath: param, description, code: 'PARAM_INVALID' });
      ctx.violate(`query ${param}: ${description}`);
    };
    if (q.get('q') !== 'author') fail('q', `the finder is q=author, got ${JSON.stringify(q.get('q'))}`);
    const author = q.get('author') ?? '';
    if (!/^urn:li:(person|organization):[^:\s]+$/.test(author)) fail('author', `author must be a person or organization URN, got ${JSON.stringify(author)}`);
    const count = q.has('count') ? Number(q.get('count')) : 10;
    if (!Number.isInteger(count) || count < 1 || count > 100) fail('count', `count must be an integer from 1 to 100, got ${JSON.stringify(q.get('count'))}`);
    const start = q.has('start') ? Number(q.get('start')) : 0;
    if (!Number.isInteger(start) || start < 0) fail('start', `start must be a non-negative integer, got ${JSON.stringify(q.get('start'))}`);
    const sortBy = q.get('sortBy') ?? 'LAST_MODIFIED';
    if (!['LAST_MODIFIED', 'CREATED'].includes(sortBy)) fail('sortBy', `sortBy must be LAST_MODIFIED or CREATED, got ${JSON.stringify(sortBy)}`);
    for (const key of q.keys()) if (!['q', 'author', 'count', 'start', 'sortBy', 'isDsc', 'viewContext'].includes(key)) fail(key, 'is not a parameter of the author finder');
    if (errors.length) return badRequest(errors);
    const denied = readScopeProblem(ctx, grant, author, 'partnerApiPostsExternal.FINDER-author');
    if (denied) return denied;
    const key = sortBy === 'CREATED' ? 'createdAt' : 'lastModifiedAt';
    const all = state.posts.filter((x) => x.author === author).sort((a, b) => b[key] - a[key] || (b.id < a.id ? -1 : 1));
    const elements = all.slice(start, start + count);
    const links: Array<Record<string, string>> = [];
    const link = (rel: string, s: number) => ({
      type: 'application/json',
      rel,
      href: `/rest/posts?author=${encodeURIComponent(author)}&count=${count}&q=author&start=${s}`,
    });
    if (start > 0) links.push(link('prev', Math.max(0, start - count)));
    if (start + count < all.length) links.push(link('next', start + count));
    return rest(200, { paging: { start, count, links, total: all.length }, elements });
  }

  function getPost(ctx: Ctx): Reply {
    if (ctx.method !== 'GET') {
      ctx.violate(`only GET on a single post is supported here, not ${ctx.method}`);
      return notFound('Resource');
    }
    const headerProblem = restHeadersCheck(ctx);
    if (headerProblem) return headerProblem;
    const grant = bearer(ctx);
    if (isReply(grant)) return grant;
    const raw = ctx.url.pathname.slice('/rest/posts/'.length);
    if (raw.includes(':')) ctx.violate(`the post URN in the path must be URL-encoded (${raw})`);
    const id = decodeURIComponent(raw);
    const post = state.posts.find((x) => x.id === id);
    const denied = readScopeProblem(ctx, grant, post?.author ?? `urn:li:person:${grant.sub}`, 'partnerApiPostsExternal.GET');
    if (denied) return denied;
    if (!post) return notFound(`Post ${id}`);
    return rest(200, post);
  }

  const { server, url } = await serveOnLoopback(handle, state.violations);
  state.url = url;
  return state;
}


/** Page objects in an uncompressed PDF body (object streams hide them; then this counts 0). */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
