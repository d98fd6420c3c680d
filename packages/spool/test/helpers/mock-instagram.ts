/**
 * A local stand-in for the Instagram API with Instagram Login, as far as a carousel post needs it:
 * the login window (www.instagram.com/oauth/authorize), the code exchange (api.instagram.com/oauth/
 * access_token), the long-lived token exchange (graph.instagram.com/access_token) and the Graph paths
 * under any /vNN.N/ prefix, all on one loopback origin. Like Meta, it FETCHES each image_url itself
 * when a carousel item is created and inspects the bytes. Every request is checked against what Meta
 * documents; one that breaks it is answered with the Graph error shape and recorded in `violations`.
 *
 * Where each check comes from (developers.facebook.com/docs/instagram-platform/...):
 * - [LOGIN]   "Business Login for Instagram", instagram-api-with-instagram-login/business-login:
 *             GET www.instagram.com/oauth/authorize (client_id, redirect_uri, response_type=code,
 *             comma- or space-separated scope, state); redirect `?code=...#_` ("#_ is not part of the
 *             code"); cancel = error=access_denied&error_reason=user_denied; POST
 *             api.instagram.com/oauth/access_token with client_id, client_secret,
 *             grant_type=authorization_code, redirect_uri, code (form fields); the documented answer
 *             {data:[{access_token, user_id, permissions}]} and the rejection
 *             {error_type, code:400, error_message:"Matching code was not found or was already used"};
 *             codes live 1 hour and work once; GET graph.instagram.com/access_token?grant_type=
 *             ig_exchange_token&client_secret&access_token -> {access_token, token_type, expires_in}.
 * - [PUBLISH] "Content Publishing", content-publishing: POST /<IG_ID>/media (image_url,
 *             is_carousel_item), carousel container (media_type=CAROUSEL, children = comma-separated
 *             ids, up to 10), POST /<IG_ID>/media_publish (creation_id) -> {id};
 *             GET /<IG_CONTAINER_ID>?fields=status_code -> EXPIRED | ERROR | FINISHED | IN_PROGRESS |
 *             PUBLISHED; JPEG only; "100 API-published posts within a 24-hour moving period.
 *             Carousels count as a single post"; access token as a parameter or Authorization: Bearer.
 * - [MEDIA]   "IG User Media" reference, instagram-graph-api/reference/ig-user/media: image
 *             specification (JPEG, 8 MB, aspect ratio 4:5 to 1.91:1, width 320-1440), alt_text for
 *             images, caption not supported on carousel items.
 * - [LIMIT]   "IG User Content Publishing Limit", reference/ig-user/content_publishing_limit:
 *             GET /<IG_ID>/content_publishing_limit?fields=quota_usage,config ->
 *             {data:[{quota_usage, config:{quota_total, quota_duration:86400}}]} (the reference page
 *             still says quota_total 50; the guide says 100 and the mock follows the guide).
 * - [ERRORS]  "Error Codes", instagram-graph-api/reference/error-codes: the code / subcode / message
 *             of every media error used here (2207003, 2207004, 2207005, 2207006, 2207008, 2207009,
 *             2207010, 2207020, 2207027, 2207028, 2207040, 2207042, 2207052); all are HTTP 400.
 * - [GRAPH]   Graph API "Handling Errors" and "Rate Limiting": {error:{message, type, code,
 *             error_subcode, fbtrace_id}}; 190/463 for an expired session, 190 for a token that does
 *             not parse, 2500 without a token, 10 without the permission, 4 "(#4) Application request
 *             limit reached" (is_transient), 2 "An unexpected error has occurred" for a server fault.
 *
 * Recorded answers (public bug reports, client test suites) supply what the pages leave out: the
 * `message`/`error_user_title` of 2207027 ("Media ID is not available" / "Cannot publish"), 2207052
 * ("Only photo or video can be accepted as media type." / "Media download has failed.") and 36003
 * ("The aspect ratio is not supported."); the container `status` strings ("Finished: Media has been
 * uploaded and it is ready to be published.", "Error: Media upload has failed with error code N");
 * HTTP 400 for code 190 and for rate-limit codes; the live code exchange answering flat
 * {access_token, user_id, permissions:[...]} (option `tokenResponse: 'live'`); /me answering flat
 * {user_id, username, id}.
 *
 * Choices of the mock where Meta documents no error: an image narrower than 320 or wider than 1440
 * px is refused (Meta rescales it) so slides are produced in spec; a caption on a carousel item and a
 * carousel item published on its own are refused; publishing a container twice answers the
 * documented "media builder ... does not exist or has been expired" (24 / 2207008).
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { MockSwitches, readBody, serveOnLoopback } from './mock-switches.js';
import sharp from 'sharp';

/** The Graph version the contract recommends (the newest served in autumn 2026). */
export const GRAPH_VERSION = 'v26.0';
export const INSTAGRAM_TEST_TOKEN = 'IGAAtest-instagram-long-lived-token';
export const INSTAGRAM_APP_ID = '990602627938098';
export const INSTAGRAM_APP_SECRET = 'spool-test-instagram-secret';

export type InstagramRoute =
  | 'authorize'
  | 'token'
  | 'exchange'
  | 'refresh'
  | 'me'
  | 'media'
  | 'list'
  | 'status'
  | 'media-read'
  | 'publish'
  | 'limit'
  | 'unknown';

export type InstagramFailure = 'expired-token' | 'rate-limit' | 'server-error' | 'publish-limit' | 'container-error' | 'consent-denied';

export interface InstagramUser {
  /** The Instagram professional account id (`user_id` from /me), used as <IG_ID> in paths. */
  userId: string;
  /** The app-scoped id (`id` from /me). */
  id: string;
  username: string;
}

export interface InstagramTokenSpec {
  token: string;
  permissions?: string[];
  kind?: 'short' | 'long';
  expiresAt?: number;
}

export interface InstagramMockOptions {
  appId?: string;
  appSecret?: string;
  /** OAuth redirect URIs of the app; default: any absolute http(s) URL. */
  redirectUris?: string[];
  user?: Partial<InstagramUser>;
  /** Tokens accepted besides the issued ones; default one long-lived test token. */
  tokens?: Array<string | InstagramTokenSpec>;
  /** Status polls of each container answered IN_PROGRESS before it is FINISHED; default 1. */
  inProgressPolls?: number;
  /** Every carousel container ends in ERROR. */
  containerError?: boolean;
  /** The subcode named in an ERROR container's `status`; default 2207001. */
  containerErrorSubcode?: number;
  /** Published posts allowed per 24 hours; default 100. */
  quotaTotal?: number;
  /** Shape of the code exchange answer: as the page documents it, or as the live host answers. */
  tokenResponse?: 'documented' | 'live';
  /** HTTP status of the rate-limit error; default 400, as Graph answers it. */
  rateLimitStatus?: number;
  /** Refuse images narrower than 320 or wider than 1440 px (Meta would rescale them); default true. */
  refuseOutOfRangeWidth?: boolean;
  /** How long the mock waits for an image_url; default 10 s. */
  fetchTimeoutMs?: number;
  onRequest?: (request: InstagramRequest) => void | Promise<void>;
  now?: () => number;
}

export interface InstagramRequest {
  at: number;
  method: string;
  path: string;
  route: InstagramRoute;
  /** The /vNN.N prefix, or undefined for an unversioned path. */
  version?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Query and body parameters merged (body wins). */
  params: Record<string, string>;
  status?: number;
}

export interface InstagramImage {
  url: string;
  bytes: number;
  width: number;
  height: number;
}

export interface InstagramContainer {
  id: string;
  owner: string;
  kind: 'carousel-item' | 'image' | 'carousel';
  createdAt: number;
  polls: number;
  image?: InstagramImage;
  altText?: string;
  caption?: string;
  children?: string[];
  willError: boolean;
  publishedMediaId?: string;
}

export interface InstagramPublished {
  id: string;
  containerId: string;
  caption?: string;
  children: Array<{ containerId: string; image?: InstagramImage; altText?: string }>;
  timestamp: number;
  permalink: string;
}

interface TokenGrant {
  kind: 'short' | 'long';
  permissions: string[];
  expiresAt: number;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface MockInstagram {
  url: string;
  requests: InstagramRequest[];
  violations: string[];
  containers: Map<string, InstagramContainer>;
  /** Published posts, oldest first. */
  published: InstagramPublished[];
  user: InstagramUser;
  issuedTokens: string[];
  /** Graph version prefixes seen, in order ('unversioned' for none). */
  versions: string[];
  /** Emits 'request', 'request:<route>', 'held' (side effects applied, answer waiting) and 'response'. */
  events: EventEmitter;
  authorizeUrl(params: { redirectUri: string; state?: string; scope?: string; clientId?: string }): string;
  failNext(kind: InstagramFailure, count?: number, route?: InstagramRoute): void;
  holdNext(route: InstagramRoute, ms: number): void;
  close(): Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LONG_TTL_S = 5_183_944; // [LOGIN] sample "expires_in": 5183944, about 60 days
const MAX_IMAGE_BYTES = 8 * 1024 * 1024; // [ERRORS] "less than 8 MiB"
const MAX_CAPTION = 2200;
const MAX_HASHTAGS = 30;
const MAX_MENTIONS = 20;
const SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_messages',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];

const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');
const fbtrace = () => randomBytes(9).toString('base64').replace(/[+/=]/g, 'A');

/** Meta's session-expiry wording: "Tuesday, 01-Dec-26 22:00:00 PST". */
function metaTime(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

export async function startMockInstagram(options: InstagramMockOptions = {}): Promise<MockInstagram> {
  const now = options.now ?? Date.now;
  const appId = options.appId ?? INSTAGRAM_APP_ID;
  const appSecret = options.appSecret ?? INSTAGRAM_APP_SECRET;
  const inProgressPolls = options.inProgressPolls ?? 1;
  const quotaTotal = options.quotaTotal ?? 100;
  const rateLimitStatus = options.rateLimitStatus ?? 400;
  const refuseWidth = options.refuseOutOfRangeWidth ?? true;
  const fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
  const user: InstagramUser = { userId: '17841400000000001', id: '27300000000000001', username: 'spool.carousels', ...options.user };

  const tokens = new Map<string, TokenGrant>();
  for (const spec of options.tokens ?? [INSTAGRAM_TEST_TOKEN]) {
    const s = typeof spec === 'string' ? { token: spec } : spec;
    tokens.set(s.token, {
      kind: s.kind ?? 'long',
      permissions: s.permissions ?? ['instagram_business_basic', 'instagram_business_content_publish'],
      expiresAt: s.expiresAt ?? now() + LONG_TTL_S * 1000,
    });
  }
  const codes = new Map<string, { redirectUri: string; permissions: string[]; issuedAt: number; used: boolean }>();
  const switches = new MockSwitches<InstagramRoute, InstagramFailure>();
  let idSeq = 0;
  const nextId = (base: bigint) => (base + BigInt(now()) * 100n + BigInt(++idSeq)).toString();

  const events = new EventEmitter();
  const state: MockInstagram = {
    url: '',
    requests: [],
    violations: [],
    containers: new Map(),
    published: [],
    user,
    issuedTokens: [],
    versions: [],
    events,
    authorizeUrl: ({ redirectUri, state: st, scope, clientId }) => {
      const u = new URL('/oauth/authorize', state.url);
      u.searchParams.set('client_id', clientId ?? appId);
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('scope', scope ?? 'instagram_business_basic,instagram_business_content_publish');
      if (st !== undefined) u.searchParams.set('state', st);
      return u.toString();
    },
    failNext: (kind, count = 1, route) => switches.failNext(kind, count, route),
    holdNext: (route, ms) => switches.holdNext(route, ms),
    close: () =>
      new Promise<void>((resolve) => {
        switches.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'x-fb-trace-id': fbtrace(), 'x-fb-request-id': randomId(12), ...headers },
    body: JSON.stringify(body),
  });
  const graphError = (
    status: number,
    code: number,
    message: string,
    extra: { subcode?: number; title?: string; userMsg?: string; transient?: boolean; type?: string } = {},
    headers: Record<string, string> = {},
  ): Reply => {
    const error: Record<string, unknown> = { message, type: extra.type ?? 'OAuthException', code };
    if (extra.subcode !== undefined) error.error_subcode = extra.subcode;
    error.is_transient = extra.transient ?? false;
    if (extra.title) error.error_user_title = extra.title;
    if (extra.userMsg) error.error_user_msg = extra.userMsg;
    error.fbtrace_id = fbtrace();
    return json(status, { error }, { 'www-authenticate': code === 190 ? `OAuth "Facebook Platform" "invalid_token" "${message}"` : '', ...headers });
  };
  const mediaError = (code: number, subcode: number, message: string, title: string, userMsg: string) =>
    graphError(400, code, message, { subcode, title, userMsg });
  const noObject = (id: string, verb: 'get' | 'post') =>
    graphError(400, 100, `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`, {
      subcode: 33,
      type: 'GraphMethodException',
    });
  const igOauthError = (message: string) => json(400, { error_type: 'OAuthException', code: 400, error_message: message });

  const routeOf = (method: string, path: string): { route: InstagramRoute; version?: string; segments: string[] } => {
    if (path === '/oauth/authorize') return { route: 'authorize', segments: [] };
    if (path === '/oauth/access_token') return { route: 'token', segments: [] };
    if (path === '/access_token') return { route: 'exchange', segments: [] };
    if (path === '/refresh_access_token') return { route: 'refresh', segments: [] };
    const parts = path.split('/').filter(Boolean);
    let version: string | undefined;
    if (parts[0] && /^v\d+\.\d+$/.test(parts[0])) version = parts.shift();
    const [node, edge, ...more] = parts;
    if (!node || more.length) return { route: 'unknown', version, segments: parts };
    if (node === 'me' && !edge && method === 'GET') return { route: 'me', version, segments: parts };
    if (edge === 'media') return { route: method === 'GET' ? 'list' : 'media', version, segments: parts };
    if (edge === 'media_publish') return { route: 'publish', version, segments: parts };
    if (edge === 'content_publishing_limit') return { route: 'limit', version, segments: parts };
    if (!edge && method === 'GET') return { route: state.containers.has(node) ? 'status' : 'media-read', version, segments: parts };
    return { route: 'unknown', version, segments: parts };
  };

  const takeFailure = (route: InstagramRoute): InstagramFailure | undefined => {
    const apiRoute = !['authorize', 'token', 'exchange', 'refresh', 'unknown'].includes(route);
    return switches.take((f) => {
      if (f.kind === 'container-error') return false;
      if (f.route) return f.route === route;
      if (f.kind === 'consent-denied') return route === 'authorize';
      if (f.kind === 'publish-limit') return route === 'publish';
      return apiRoute;
    });
  };
  const takeContainerError = (): boolean => switches.take((f) => f.kind === 'container-error') !== undefined;

  interface Ctx {
    url: URL;
    method: string;
    route: InstagramRoute;
    segments: string[];
    headers: Record<string, string>;
    params: Record<string, string>;
    bodyType: 'none' | 'form' | 'multipart' | 'json' | 'other';
    record: InstagramRequest;
    violate: (what: string) => void;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.instagram');
    const method = req.method ?? 'GET';
    const { route, version, segments } = routeOf(method, url.pathname);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : (v ?? '');
    const raw = (await readBody(req, 1024 * 1024)).bytes;
    const { params: bodyParams, type: bodyType } = await parseBody(raw, headers['content-type'] ?? '');
    const params = { ...Object.fromEntries(url.searchParams), ...bodyParams };
    const record: InstagramRequest = {
      at: now(),
      method,
      path: url.pathname,
      route,
      version,
      query: Object.fromEntries(url.searchParams),
      headers,
      params,
    };
    if (!['authorize', 'token', 'exchange', 'refresh'].includes(route)) state.versions.push(version ?? 'unversioned');
    state.requests.push(record);
    events.emit('request', record);
    events.emit(`request:${route}`, record);
    await options.onRequest?.(record);

    const violations: string[] = [];
    const violate = (what: string) => violations.push(`${method} ${url.pathname}: ${what}`);
    const ctx: Ctx = { url, method, route, segments, headers, params, bodyType, record, violate };
    const failure = takeFailure(route);
    const reply = failure ? failureReply(failure, ctx) : await dispatch(ctx);
    state.violations.push(...violations);

    await switches.hold(route, (ms) => events.emit('held', { route, ms, request: record }));
    record.status = reply.status;
    if (!res.destroyed) {
      const outHeaders = Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([, v]) => v !== ''));
      res.writeHead(reply.status, outHeaders);
      res.end(reply.body ?? '');
    }
    events.emit('response', { route, status: reply.status, request: record });
  }

  function failureReply(kind: InstagramFailure, ctx: Ctx): Reply {
    switch (kind) {
      case 'expired-token':
        return graphError(
          400,
          190,
          `Error validating access token: Session has expired on ${metaTime(now() - HOUR)}. The current time is ${metaTime(now())}.`,
          { subcode: 463 },
        );
      case 'rate-limit':
        return graphError(rateLimitStatus, 4, '(#4) Application request limit reached', { transient: true }, {
          'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 20, total_time: 35 }),
        });
      case 'server-error':
        return graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true });
      case 'publish-limit':
        return publishLimitError();
      case 'consent-denied': {
        const redirect = ctx.params.redirect_uri;
        if (!redirect) return igOauthError('Invalid redirect_uri');
        const to = new URL(redirect);
        to.searchParams.set('error', 'access_denied');
        to.searchParams.set('error_reason', 'user_denied');
        to.searchParams.set('error_description', 'The user denied your request');
        if (ctx.params.state !== undefined) to.searchParams.set('state', ctx.params.state);
        return { status: 302, headers: { location: to.toString() } };
      }
      case 'container-error':
        return graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true });
    }
  }

  const publishLimitError = () =>
    mediaError(
      9,
      2207042,
      'Application request limit reached',
      'Publishing limit reached',
      'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
    );

  async function dispatch(ctx: Ctx): Promise<Reply> {
    switch (ctx.route) {
      case 'authorize':
        return authorize(ctx);
      case 'token':
        return exchangeCode(ctx);
      case 'exchange':
        return longLived(ctx);
      case 'refresh':
        return refreshLongLived(ctx);
      case 'me':
        return me(ctx);
      case 'media':
        return createContainer(ctx);
      case 'list':
        return listMedia(ctx);
      case 'status':
        return containerStatus(ctx);
      case 'media-read':
        return readMedia(ctx);
      case 'publish':
        return publish(ctx);
      case 'limit':
        return publishingLimit(ctx);
      default:
        ctx.violate('no such Graph path');
        return graphError(400, 2500, `Unknown path components: ${ctx.url.pathname}`);
    }
  }

  // ---- login -------------------------------------------------------------------------------------

  const validRedirect = (uri: string | undefined): uri is string => {
    if (!uri) return false;
    if (options.redirectUris) return options.redirectUris.includes(uri);
    try {
      const u = new URL(uri);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  };

  function authorize({ method, params, violate }: Ctx): Reply {
    if (method !== 'GET') {
      violate(`the login window is opened with GET, not ${method}`);
      return igOauthError('Invalid request');
    }
    if (params.client_id !== appId) {
      violate(`client_id ${JSON.stringify(params.client_id)} is not the Instagram app id`);
      return igOauthError('Invalid platform app');
    }
    if (!validRedirect(params.redirect_uri)) {
      violate(`redirect_uri ${JSON.stringify(params.redirect_uri)} is not one of the app's OAuth redirect URIs`);
      return igOauthError('Invalid redirect_uri');
    }
    if (params.response_type !== 'code') {
      violate(`response_type must be "code", got ${JSON.stringify(params.response_type)}`);
      return igOauthError('Invalid response_type');
    }
    const scopes = (params.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const unknown = scopes.filter((s) => !SCOPES.includes(s));
    if (!scopes.length || unknown.length || !scopes.includes('instagram_business_basic')) {
      violate(
        !scopes.length
          ? 'scope is required'
          : unknown.length
            ? `unknown scope ${unknown.join(', ')} (the old business_* values were retired on January 27, 2025)`
            : 'instagram_business_basic is required in scope',
      );
      return igOauthError('Invalid scope field(s)');
    }
    if (!params.state) {
      violate('state is missing: send an unguessable value and check it on the redirect (CSRF)');
      return igOauthError('Missing state');
    }
    const code = `AQ${randomId(150)}`;
    codes.set(code, { redirectUri: params.redirect_uri, permissions: scopes, issuedAt: now(), used: false });
    const to = new URL(params.redirect_uri);
    to.searchParams.set('code', code);
    to.searchParams.set('state', params.state);
    return { status: 302, headers: { location: `${to.toString()}#_` } };
  }

  function exchangeCode({ method, url, bodyType, params, violate }: Ctx): Reply {
    if (method !== 'POST') {
      violate(`the code exchange is a POST, not ${method}`);
      return igOauthError('Invalid request');
    }
    if (bodyType === 'json') {
      violate('the code exchange takes form fields (multipart or urlencoded), not JSON');
      return igOauthError('You must provide a client_id');
    }
    const inUrl = ['client_secret', 'code'].filter((k) => url.searchParams.has(k));
    if (inUrl.length) violate(`${inUrl.join(', ')} sent in the URL; they go in the POST body`);
    for (const name of ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code']) {
      if (!params[name]) {
        violate(`form field ${name} is missing`);
        return igOauthError(`You must provide a ${name}`);
      }
    }
    if (params.client_id !== appId) {
      violate('client_id is not the Instagram app id');
      return igOauthError('Invalid platform app');
    }
    if (params.client_secret !== appSecret) {
      violate('client_secret is not the Instagram app secret');
      return igOauthError('Invalid Client Secret');
    }
    if (params.grant_type !== 'authorization_code') {
      violate(`grant_type must be authorization_code, got ${JSON.stringify(params.grant_type)}`);
      return igOauthError('Invalid grant_type');
    }
    if (params.code.endsWith('#_')) violate('the code still ends in "#_", which is not part of it');
    const code = codes.get(params.code);
    if (!code || code.used || now() - code.issuedAt > HOUR) {
      violate(!code ? 'unknown authorization code' : code.used ? 'the authorization code was already used' : 'the authorization code is older than 1 hour');
      return igOauthError('Matching code was not found or was already used');
    }
    if (code.redirectUri !== params.redirect_uri) {
      violate(`redirect_uri ${JSON.stringify(params.redirect_uri)} differs from the one of the login window ${JSON.stringify(code.redirectUri)}`);
      return igOauthError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request');
    }
    code.used = true;
    const token = `IGAA${randomId(140)}`;
    tokens.set(token, { kind: 'short', permissions: code.permissions, expiresAt: now() + HOUR });
    state.issuedTokens.push(token);
    if (options.tokenResponse === 'live') {
      return json(200, { access_token: token, user_id: Number(user.userId), permissions: code.permissions });
    }
    return json(200, { data: [{ access_token: token, user_id: user.userId, permissions: code.permissions.join(',') }] });
  }

  function longLived({ method, params, violate }: Ctx): Reply {
    if (method !== 'GET') {
      violate(`the long-lived token exchange is a GET, not ${method}`);
      return graphError(400, 100, 'Unsupported request - method type: post');
    }
    if (params.grant_type !== 'ig_exchange_token') {
      violate(`grant_type must be ig_exchange_token, got ${JSON.stringify(params.grant_type)}`);
      return graphError(400, 100, 'Invalid grant_type');
    }
    if (params.client_secret !== appSecret) {
      violate(params.client_secret ? 'client_secret is not the Instagram app secret' : 'client_secret is missing');
      return graphError(400, 101, 'Error validating client secret.');
    }
    const grant = params.access_token ? tokens.get(params.access_token) : undefined;
    if (!params.access_token || !grant) {
      violate(params.access_token ? 'access_token is not a token this app issued' : 'access_token (the short-lived token) is missing');
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (grant.expiresAt <= now()) {
      violate('the short-lived token has expired (they live 1 hour)');
      return graphError(400, 190, `Error validating access token: Session has expired on ${metaTime(grant.expiresAt)}. The current time is ${metaTime(now())}.`, { subcode: 463 });
    }
    if (grant.kind !== 'short') {
      violate('only a short-lived token is exchanged for a long-lived one');
      return graphError(400, 452, 'Session key invalid. This affects the current session only.');
    }
    const token = `IGAA${randomId(170)}`;
    tokens.set(token, { kind: 'long', permissions: grant.permissions, expiresAt: now() + LONG_TTL_S * 1000 });
    state.issuedTokens.push(token);
    return json(200, { access_token: token, token_type: 'bearer', expires_in: LONG_TTL_S });
  }

  function refreshLongLived({ method, params, violate }: Ctx): Reply {
    if (method !== 'GET' || params.grant_type !== 'ig_refresh_token') {
      violate('refresh is GET /refresh_access_token?grant_type=ig_refresh_token&access_token=...');
      return graphError(400, 100, 'Invalid grant_type');
    }
    const grant = params.access_token ? tokens.get(params.access_token) : undefined;
    if (!grant || grant.kind !== 'long' || grant.expiresAt <= now()) {
      violate('only a valid long-lived token is refreshed');
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    grant.expiresAt = now() + LONG_TTL_S * 1000;
    return json(200, { access_token: params.access_token, token_type: 'bearer', expires_in: LONG_TTL_S });
  }

  // ---- Graph ------------------------------------------------------------------------------------

  const WRONG_PLACES = ['token', 'accessToken', 'access-token', 'oauth_token', 'ig_access_token'];

  /** The grant of a Graph call, or the reply that refuses it. */
  function tokenOf({ headers, params, violate }: Ctx, permission?: string): TokenGrant | Reply {
    const auth = headers.authorization;
    let token: string | undefined;
    if (auth) {
      const m = /^Bearer (\S+)$/.exec(auth);
      if (m) token = m[1];
      else violate(`Authorization header must be "Bearer <token>", got scheme ${JSON.stringify(auth.split(' ')[0])}`);
    }
    if (params.access_token) {
      if (token && token !== params.access_token) violate('the access_token parameter and the Authorization header carry different tokens');
      token = token ?? params.access_token;
    }
    if (!token) {
      const elsewhere = [
        ...WRONG_PLACES.filter((k) => params[k]).map((k) => `parameter ${k}`),
        ...['x-access-token', 'access-token', 'access_token'].filter((h) => headers[h]).map((h) => `header ${h}`),
      ];
      violate(
        elsewhere.length
          ? `access token sent as ${elsewhere.join(', ')}; Graph takes it only as the access_token parameter or Authorization: Bearer`
          : 'no access token (access_token parameter or Authorization: Bearer)',
      );
      return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    }
    const grant = tokens.get(token);
    if (!grant) {
      violate('unknown access token');
      return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    if (grant.expiresAt <= now()) {
      violate('expired access token used');
      return graphError(400, 190, `Error validating access token: Session has expired on ${metaTime(grant.expiresAt)}. The current time is ${metaTime(now())}.`, {
        subcode: 463,
      });
    }
    if (permission && !grant.permissions.includes(permission)) {
      violate(`the token lacks the ${permission} permission`);
      return graphError(400, 10, '(#10) Application does not have permission for this action');
    }
    return grant;
  }

  const isReply = (x: TokenGrant | Reply): x is Reply => typeof (x as Reply).status === 'number';
  const isUser = (node: string) => node === user.userId || node === user.id || node === 'me';
  const fieldsOf = (params: Record<string, string>) => (params.fields ?? '').split(',').map((f) => f.trim()).filter(Boolean);

  function me(ctx: Ctx): Reply {
    const grant = tokenOf(ctx, 'instagram_business_basic');
    if (isReply(grant)) return grant;
    const known: Record<string, unknown> = {
      id: user.id,
      user_id: user.userId,
      username: user.username,
      name: 'Spool Carousels',
      account_type: 'BUSINESS',
      profile_picture_url: 'https://scontent.cdninstagram.com/v/mock-profile.jpg',
      followers_count: 1280,
      follows_count: 12,
      media_count: state.published.length,
    };
    const fields = fieldsOf(ctx.params);
    const body: Record<string, unknown> = {};
    for (const f of fields.length ? fields : ['id']) {
      if (!(f in known)) {
        ctx.violate(`/me has no field ${f}`);
        return graphError(400, 100, `(#100) Tried accessing nonexisting field (${f}) on node type (User)`);
      }
      body[f] = known[f];
    }
    if (!('id' in body)) body.id = user.id;
    return json(200, body);
  }

  function bool(v: string | undefined): boolean | undefined {
    if (v === undefined) return undefined;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    return undefined;
  }

  function captionProblem(caption: string, violate: (what: string) => void): Reply | undefined {
    const length = [...caption].length;
    if (length > MAX_CAPTION) {
      violate(`caption is ${length} characters; at most ${MAX_CAPTION}`);
      return mediaError(
        36004,
        2207010,
        'The caption was too long.',
        'Caption too long',
        `The submitted image's caption was ${length} characters long. The maximum number of characters permitted for a caption is ${MAX_CAPTION}. Please submit media with a shorter caption.`,
      );
    }
    const hashtags = caption.match(/[#＃][\p{L}\p{N}_]+/gu)?.length ?? 0;
    if (hashtags > MAX_HASHTAGS) {
      violate(`caption has ${hashtags} hashtags; at most ${MAX_HASHTAGS}`);
      return mediaError(36004, 2207010, 'The caption has too many hashtags.', 'Too many hashtags', `The caption has ${hashtags} hashtags. Maximum 2,200 characters, 30 hashtags, and 20 @ tags.`);
    }
    const mentions = caption.match(/(?:^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.]+/gu)?.length ?? 0;
    if (mentions > MAX_MENTIONS) {
      violate(`caption has ${mentions} @ tags; at most ${MAX_MENTIONS}`);
      return mediaError(100, 2207040, `Cannot use more than ${MAX_MENTIONS} tags per created media.`, 'Too many tags', `Cannot use more than ${MAX_MENTIONS} tags per created media.`);
    }
    return undefined;
  }

  /**
   * What every publishing call needs: a POST, a token with the publishing permission, on the
   * token's own account; the refusal to answer when one is missing, else nothing.
   */
  function publishingCall(ctx: Ctx, what: string): Reply | undefined {
    const node = ctx.segments[0];
    if (ctx.method !== 'POST') return graphError(400, 100, 'Unsupported request');
    const grant = tokenOf(ctx, 'instagram_business_content_publish');
    if (isReply(grant)) return grant;
    if (!isUser(node)) {
      ctx.violate(`${what} on the token's account (${user.userId}), not ${node}`);
      return noObject(node, 'post');
    }
    return undefined;
  }

  async function createContainer(ctx: Ctx): Promise<Reply> {
    const { params, violate } = ctx;
    const refused = publishingCall(ctx, 'containers are created');
    if (refused) return refused;
    const mediaType = params.media_type;
    if (mediaType === 'CAROUSEL') return createCarousel(ctx);
    if (mediaType !== undefined && mediaType !== 'IMAGE') {
      violate(`media_type ${mediaType} is not an image type (this carousel contract publishes JPEG images only)`);
      return mediaError(100, 2207023, `The media type ${mediaType} is unknown.`, 'Unknown media type', `The media type ${mediaType} is unknown.`);
    }
    if (params.children !== undefined) {
      violate('children is only for a media_type=CAROUSEL container');
      return graphError(400, 100, '(#100) Param children requires media_type CAROUSEL');
    }
    const isItem = bool(params.is_carousel_item);
    if (params.is_carousel_item !== undefined && isItem === undefined) {
      violate(`is_carousel_item must be true or false, got ${JSON.stringify(params.is_carousel_item)}`);
      return graphError(400, 100, '(#100) Param is_carousel_item must be a boolean');
    }
    if (isItem && params.caption !== undefined) {
      violate('caption is not supported on carousel items (put it on the CAROUSEL container)');
      return graphError(400, 100, '(#100) Param caption is not supported for carousel items');
    }
    if (!params.image_url) {
      violate('image_url is required for an image container');
      return graphError(400, 100, '(#100) The parameter image_url is required');
    }
    if (params.caption !== undefined) {
      const problem = captionProblem(params.caption, violate);
      if (problem) return problem;
    }
    const fetched = await fetchImage(params.image_url, violate);
    if ('status' in fetched) return fetched;
    const container: InstagramContainer = {
      id: nextId(17_800_000_000_000_000n),
      owner: user.userId,
      kind: isItem ? 'carousel-item' : 'image',
      createdAt: now(),
      polls: 0,
      image: fetched,
      altText: params.alt_text,
      caption: params.caption,
      willError: false,
    };
    state.containers.set(container.id, container);
    return json(200, { id: container.id });
  }

  function createCarousel(ctx: Ctx): Reply {
    const { params, violate } = ctx;
    if (params.image_url !== undefined || bool(params.is_carousel_item)) {
      violate('a CAROUSEL container takes children only: no image_url, no is_carousel_item');
      return graphError(400, 100, '(#100) Invalid parameter');
    }
    let children: string[] = [];
    const raw = params.children;
    if (raw !== undefined) {
      try {
        const parsed: unknown = raw.trim().startsWith('[') ? JSON.parse(raw) : raw.split(',');
        children = (Array.isArray(parsed) ? parsed : []).map((c) => String(c).trim()).filter(Boolean);
      } catch {
        children = [];
      }
    }
    if (children.length < 2 || children.length > 10) {
      violate(`a carousel needs 2 to 10 children, got ${children.length}`);
      return mediaError(
        100,
        2207028,
        'Carousel validation failed',
        'Cannot create carousel',
        "Your post won't work as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.",
      );
    }
    for (const id of children) {
      const child = state.containers.get(id);
      if (!child || child.owner !== user.userId) {
        violate(`child ${id} is not a container of this account`);
        return mediaError(24, 2207006, `The media with ${id} cannot be found`, 'Media not found', `The media with ${id} cannot be found`);
      }
      if (child.kind !== 'carousel-item') {
        violate(`child ${id} was not created with is_carousel_item=true`);
        return graphError(400, 100, `(#100) Child ${id} is not a carousel item`);
      }
    }
    if (new Set(children).size !== children.length) violate('the same child container appears twice in children');
    if (params.caption !== undefined) {
      const problem = captionProblem(params.caption, violate);
      if (problem) return problem;
    }
    const container: InstagramContainer = {
      id: nextId(17_900_000_000_000_000n),
      owner: user.userId,
      kind: 'carousel',
      createdAt: now(),
      polls: 0,
      caption: params.caption,
      children,
      willError: Boolean(options.containerError) || takeContainerError(),
    };
    state.containers.set(container.id, container);
    return json(200, { id: container.id });
  }

  /** What Meta's media fetcher finds at `url`: the image, or the error it reports. */
  async function fetchImage(imageUrl: string, violate: (what: string) => void): Promise<InstagramImage | Reply> {
    const unfetchable = (why: string) => {
      violate(`image_url ${imageUrl} could not be fetched: ${why}`);
      return mediaError(9004, 2207052, 'Only photo or video can be accepted as media type.', 'Media download has failed.', `The media could not be fetched from this uri: ${imageUrl}`);
    };
    let parsed: URL;
    try {
      parsed = new URL(imageUrl);
    } catch {
      return unfetchable('not an absolute URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return unfetchable(`scheme ${parsed.protocol}`);
    let body: Buffer;
    try {
      const response = await fetch(imageUrl, { signal: AbortSignal.timeout(fetchTimeoutMs), redirect: 'follow' });
      if (!response.ok) return unfetchable(`HTTP ${response.status}`);
      const length = Number(response.headers.get('content-length') ?? NaN);
      if (Number.isFinite(length) && length > MAX_IMAGE_BYTES) {
        await response.body?.cancel();
        violate(`the image is ${length} bytes; at most 8 MiB`);
        return mediaError(36000, 2207004, 'The image size is too large.', 'Image size too large', 'The image is too large to download. It should be less than 8 MiB.');
      }
      body = await readLimited(response, MAX_IMAGE_BYTES + 1);
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        violate(`image_url ${imageUrl} did not answer within ${fetchTimeoutMs} ms`);
        return mediaError(-2, 2207003, 'It takes too long to download the media.', 'Media download timed out', 'It takes too long to download the media.');
      }
      return unfetchable(err instanceof Error ? err.message : String(err));
    }
    if (body.length > MAX_IMAGE_BYTES) {
      violate(`the image is more than 8 MiB`);
      return mediaError(36000, 2207004, 'The image size is too large.', 'Image size too large', 'The image is too large to download. It should be less than 8 MiB.');
    }
    const unsupported = (format: string) => {
      violate(`image_url ${imageUrl} is ${format}, not JPEG (JPEG is the only supported image format)`);
      return mediaError(36001, 2207005, 'The image format is not supported.', 'Unsupported image format', `The image format ${format} is not supported. Supported formats are: jpeg.`);
    };
    if (body.length < 3 || body[0] !== 0xff || body[1] !== 0xd8 || body[2] !== 0xff) {
      let format = 'unknown';
      try {
        format = (await sharp(body).metadata()).format ?? 'unknown';
      } catch {
        return unfetchable('the bytes are not an image');
      }
      return unsupported(format);
    }
    let width: number;
    let height: number;
    try {
      const meta = await sharp(body).metadata();
      if (meta.format !== 'jpeg' || !meta.width || !meta.height) return unsupported(meta.format ?? 'unknown');
      const rotated = (meta.orientation ?? 1) >= 5;
      width = rotated ? meta.height : meta.width;
      height = rotated ? meta.width : meta.height;
    } catch {
      return unfetchable('the JPEG cannot be decoded');
    }
    const ratio = width / height;
    if (ratio < 0.8 - 1e-9 || ratio > 1.91 + 1e-9) {
      violate(`the image is ${width}x${height} (aspect ratio ${ratio.toFixed(3)}); it must be within 4:5 to 1.91:1`);
      return mediaError(
        36003,
        2207009,
        'The aspect ratio is not supported.',
        'Invalid aspect ratio',
        `The submitted image with aspect ratio ${ratio.toFixed(2)} cannot be published. Please submit an image with a valid aspect ratio.`,
      );
    }
    if (refuseWidth && (width < 320 || width > 1440)) {
      violate(`the image is ${width} px wide; the documented range is 320 to 1440 px (Meta would rescale it)`);
      return graphError(400, 100, '(#100) Invalid parameter', {
        title: 'Image width out of range',
        userMsg: `The image is ${width} px wide; images are 320 to 1440 px wide.`,
      });
    }
    return { url: imageUrl, bytes: body.length, width, height };
  }

  /** The status of a container that has answered `c.polls` status checks so far. */
  function statusOf(c: InstagramContainer): 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED' {
    if (c.publishedMediaId) return 'PUBLISHED';
    if (now() - c.createdAt > DAY) return 'EXPIRED';
    if (inProgressPolls > 0 && c.polls <= inProgressPolls) return 'IN_PROGRESS';
    return c.willError ? 'ERROR' : 'FINISHED';
  }

  const statusText = (c: InstagramContainer, code: string) =>
    ({
      IN_PROGRESS: 'In Progress: Media is still being processed.',
      FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
      PUBLISHED: 'Published: Media has been published.',
      EXPIRED: 'Expired: The container was not published within 24 hours.',
      ERROR: `Error: Media upload has failed with error code ${options.containerErrorSubcode ?? 2207001}`,
    })[code] ?? code;

  function containerStatus(ctx: Ctx): Reply {
    const grant = tokenOf(ctx);
    if (isReply(grant)) return grant;
    const id = ctx.segments[0];
    const c = state.containers.get(id)!;
    if (c.owner !== user.userId) return noObject(id, 'get');
    c.polls++;
    const code = statusOf(c);
    const fields = fieldsOf(ctx.params);
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      if (f === 'status_code') body.status_code = code;
      else if (f === 'status') body.status = statusText(c, code);
      else if (f === 'id') body.id = c.id;
      else {
        ctx.violate(`a container has no field ${f} (fields are id, status, status_code)`);
        return graphError(400, 100, `(#100) Tried accessing nonexisting field (${f}) on node type (ShadowIGMediaBuilder)`);
      }
    }
    if (!fields.length) ctx.violate('a status check asks for fields=status_code');
    body.id = c.id;
    return json(200, body);
  }

  function publish(ctx: Ctx): Reply {
    const { params, violate } = ctx;
    const refused = publishingCall(ctx, 'media_publish is called');
    if (refused) return refused;
    const id = params.creation_id;
    if (!id) {
      violate('creation_id is required');
      return graphError(400, 100, '(#100) The parameter creation_id is required');
    }
    const c = state.containers.get(id);
    const builderGone = () =>
      mediaError(24, 2207008, `The media builder with creation id = ${id} does not exist or has been expired.`, 'Cannot publish', `The media builder with creation id = ${id} does not exist or has been expired.`);
    if (!c || c.owner !== user.userId) {
      violate(`creation_id ${id} is not a container of this account`);
      return builderGone();
    }
    const code = statusOf(c);
    if (code === 'PUBLISHED') {
      violate(`container ${id} was already published (as ${c.publishedMediaId}); check status_code before publishing again`);
      return builderGone();
    }
    if (code === 'EXPIRED') {
      violate(`container ${id} expired (not published within 24 hours)`);
      return mediaError(-2, 2207020, 'The media you are trying to access has expired. Please try to upload again.', 'Media expired', 'The media you are trying to access has expired. Please try to upload again.');
    }
    if (c.kind === 'carousel-item') {
      violate(`container ${id} is a carousel item; publish the CAROUSEL container`);
      return graphError(400, 100, `(#100) Carousel item ${id} cannot be published on its own`);
    }
    if (code !== 'FINISHED') {
      violate(`container ${id} is ${code}; publish only after status_code is FINISHED`);
      return mediaError(9007, 2207027, 'Media ID is not available', 'Cannot publish', 'The media is not ready to be published. Please wait a moment.');
    }
    const usage = state.published.filter((p) => now() - p.timestamp < DAY).length;
    if (usage >= quotaTotal) {
      violate(`publishing limit reached: ${usage} posts in the last 24 hours (quota ${quotaTotal})`);
      return publishLimitError();
    }
    const mediaId = nextId(18_000_000_000_000_000n);
    c.publishedMediaId = mediaId;
    const children = (c.children ?? [c.id]).map((cid) => {
      const child = state.containers.get(cid);
      return { containerId: cid, image: child?.image, altText: child?.altText };
    });
    state.published.push({
      id: mediaId,
      containerId: c.id,
      caption: c.caption,
      children,
      timestamp: now(),
      permalink: `https://www.instagram.com/p/${randomId(8).replace(/[-_]/g, 'x')}/`,
    });
    return json(200, { id: mediaId });
  }

  const mediaNode = (p: InstagramPublished, fields: string[]): Record<string, unknown> | string => {
    const known: Record<string, unknown> = {
      id: p.id,
      caption: p.caption,
      media_type: p.children.length > 1 ? 'CAROUSEL_ALBUM' : 'IMAGE',
      media_product_type: 'FEED',
      permalink: p.permalink,
      timestamp: new Date(p.timestamp).toISOString().replace(/\.\d{3}Z$/, '+0000'),
      username: user.username,
      shortcode: p.permalink.split('/')[4],
    };
    const out: Record<string, unknown> = {};
    for (const f of fields.length ? fields : ['id']) {
      if (!(f in known)) return f;
      if (known[f] !== undefined) out[f] = known[f];
    }
    out.id = p.id;
    return out;
  };

  function readMedia(ctx: Ctx): Reply {
    const grant = tokenOf(ctx);
    if (isReply(grant)) return grant;
    const id = ctx.segments[0];
    const p = state.published.find((x) => x.id === id);
    if (!p) {
      ctx.violate(`no container or media ${id}`);
      return noObject(id, 'get');
    }
    const node = mediaNode(p, fieldsOf(ctx.params));
    if (typeof node === 'string') {
      ctx.violate(`media has no field ${node}`);
      return graphError(400, 100, `(#100) Tried accessing nonexisting field (${node}) on node type (IGMedia)`);
    }
    return json(200, node);
  }

  function listMedia(ctx: Ctx): Reply {
    const grant = tokenOf(ctx, 'instagram_business_basic');
    if (isReply(grant)) return grant;
    const node = ctx.segments[0];
    if (!isUser(node)) return noObject(node, 'get');
    const fields = fieldsOf(ctx.params);
    const limit = Math.min(Math.max(Number(ctx.params.limit ?? 25) || 25, 1), 100);
    const data: Array<Record<string, unknown>> = [];
    for (const p of [...state.published].reverse().slice(0, limit)) {
      const item = mediaNode(p, fields);
      if (typeof item === 'string') {
        ctx.violate(`media has no field ${item}`);
        return graphError(400, 100, `(#100) Tried accessing nonexisting field (${item}) on node type (IGMedia)`);
      }
      data.push(item);
    }
    const cursor = (s: string) => Buffer.from(s).toString('base64url');
    return json(200, data.length ? { data, paging: { cursors: { before: cursor(String(data[0].id)), after: cursor(String(data[data.length - 1].id)) } } } : { data: [] });
  }

  function publishingLimit(ctx: Ctx): Reply {
    const grant = tokenOf(ctx, 'instagram_business_content_publish');
    if (isReply(grant)) return grant;
    const node = ctx.segments[0];
    if (!isUser(node)) return noObject(node, 'get');
    let since = now() - DAY;
    if (ctx.params.since !== undefined) {
      const s = Number(ctx.params.since) * 1000;
      if (!Number.isFinite(s) || s < now() - DAY - 1000) {
        ctx.violate('since must be a Unix timestamp no older than 24 hours');
        return graphError(400, 100, '(#100) Param since must be a unix timestamp within the last 24 hours');
      }
      since = s;
    }
    const fields = fieldsOf(ctx.params);
    const entry: Record<string, unknown> = {};
    for (const f of fields.length ? fields : ['quota_usage']) {
      if (f === 'quota_usage') entry.quota_usage = state.published.filter((p) => p.timestamp >= since).length;
      else if (f === 'config') entry.config = { quota_total: quotaTotal, quota_duration: 86400 };
      else {
        ctx.violate(`content_publishing_limit has no field ${f} (quota_usage, config)`);
        return graphError(400, 100, `(#100) Tried accessing nonexisting field (${f}) on node type (ContentPublishingLimit)`);
      }
    }
    return json(200, { data: [entry] });
  }

  const { server, url } = await serveOnLoopback(handle, state.violations);
  state.url = url;
  return state;
}


/** Form (urlencoded or multipart) and JSON bodies, as Graph reads them. */
async function parseBody(raw: Buffer, type: string): Promise<{ params: Record<string, string>; type: 'none' | 'form' | 'multipart' | 'json' | 'other' }> {
  if (!raw.length) return { params: {}, type: 'none' };
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed ?? {})) params[k] = typeof v === 'string' ? v : JSON.stringify(v);
      return { params, type: 'json' };
    } catch {
      return { params: {}, type: 'json' };
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return { params: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), type: 'form' };
  if (type.includes('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    const params: Record<string, string> = {};
    form.forEach((v, k) => {
      if (typeof v === 'string') params[k] = v;
    });
    return { params, type: 'multipart' };
  }
  return { params: {}, type: 'other' };
}

async function readLimited(response: Response, limit: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size >= limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}
