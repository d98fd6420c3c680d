import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-errors.js';
import { isLoopbackHost } from './options.js';

/**
 * The studio's script, and nothing else, runs in its pages: no inline script, no eval, no other
 * origins. Inline style is allowed because React's style props and the slide SVGs use it; styles
 * cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WASM compilation only (the shaper the preview shares with export), never JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  token?: string;
  /** True when bound to a loopback address: Host headers must then name this machine. */
  loopback: boolean;
  /**
   * The host of `SPOOL_PUBLIC_URL`, reached through a tunnel or proxy: it may fetch a publish's
   * images and finish an OAuth sign-in, and nothing else.
   */
  publicHost?: string;
}

/** A GET of a publish's images or an OAuth callback, through the public address. */
function publicGet(request: FastifyRequest, host: string, publicHost: string | undefined): boolean {
  if (!publicHost || host.toLowerCase() !== publicHost.toLowerCase()) return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = canonicalPath(request.url);
  return /^\/media\/[^/]+\/[^/]+$/.test(path) || /^\/oauth\/[a-z]+\/callback$/.test(path);
}

/**
 * Checks every request before routing, in order:
 * 1. Host: a page on another site can point its own hostname at 127.0.0.1 (DNS rebinding) and talk
 *    to us as same-origin; refusing foreign Host names on a loopback server closes that door.
 * 2. Origin: writes from pages of another origin are refused, so a site the user visits cannot
 *    change their projects through the browser.
 * 3. Token: with a token set, every /api call (and /metrics) must carry it.
 */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const tokenDigest = options.token === undefined ? undefined : digest(options.token);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    const host = request.headers.host ?? '';
    if (options.loopback && !isLoopbackHost(hostname(host)) && !publicGet(request, host, options.publicHost)) {
      throw new HttpError(403, `Host ${JSON.stringify(host)} is not this machine: open the studio at http://127.0.0.1 instead`);
    }
    if (UNSAFE_METHODS.has(request.method)) checkOrigin(request, host);
    if (tokenDigest && needsToken(request)) checkToken(request, tokenDigest);
  });
}

/**
 * Every route under /api needs the token. The router decodes and matches paths its own way
 * (`/%61pi/projects` is `/api/projects` to it), so the check asks which route it matched; a path
 * that matched none is judged by its canonical spelling, so no spelling of /api gets through.
 */
export function needsToken(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && isApiPath(route)) return true;
  return isApiPath(canonicalPath(request.url));
}

function isApiPath(path: string): boolean {
  const p = path.toLowerCase();
  return p === '/api' || p.startsWith('/api/') || p === '/metrics';
}

/** The path as a file system would read it: decoded (repeatedly), slashes folded, dot segments resolved. */
export function canonicalPath(url: string): string {
  let path = url.split(/[?#]/)[0];
  for (let i = 0; i < 4 && /%[0-9a-f]{2}/i.test(path); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      path = path.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  }
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part.replace(/[\s\u0000-\u001f]+$/, ''));
  }
  return `/${parts.join('/')}`;
}

function checkOrigin(request: FastifyRequest, host: string): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== host.toLowerCase()) {
      throw new HttpError(403, `cross-origin write refused: Origin ${origin} is not this server`);
    }
    return;
  }
  // Browsers that send no Origin on a write still say where the request came from.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw new HttpError(403, `cross-origin write refused (Sec-Fetch-Site: ${site})`);
}

function checkToken(request: FastifyRequest, expected: Buffer): void {
  const header = request.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (!m || !timingSafeEqual(digest(m[1]), expected)) {
    throw new HttpError(401, header ? 'wrong access token' : 'this server needs an access token: send Authorization: Bearer <SPOOL_TOKEN>', {
      'www-authenticate': 'Bearer realm="spool"',
    });
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** `127.0.0.1:4321` -> `127.0.0.1`, `[::1]:4321` -> `::1`. */
function hostname(hostHeader: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (m) return m[1];
  return hostHeader.replace(/:\d+$/, '');
}
