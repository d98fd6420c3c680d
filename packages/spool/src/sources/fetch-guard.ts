/**
 * Fetching a URL on a user's behalf (an article to import, a remote image on a slide) without
 * letting that URL reach the machine's own network: every hop's host is resolved once, each address
 * checked, and the connection is pinned to the checked address so a second DNS answer (rebinding)
 * cannot swap in an internal one. Redirects are followed by hand so each hop gets the same checks.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { blockedAddressReason } from './fetch-guard-address.js';

export { blockedAddressReason } from './fetch-guard-address.js';

export type LookupFn = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface FetchGuardOptions {
  /** Largest body accepted, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Whole fetch, all redirects included (default 15 s). */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Name resolution; defaults to the system resolver (all addresses). */
  lookup?: LookupFn;
  /** Resolved addresses to let through despite their range, e.g. a test server on 127.0.0.1. */
  allowAddresses?: readonly string[];
  /** URL hosts (as written in the URL) whose addresses are let through despite their range. */
  allowHosts?: readonly string[];
  /** Sent as the Accept header. */
  accept?: string;
}

export interface GuardedResponse {
  bytes: Uint8Array;
  contentType: string;
  /** The final URL after redirects. */
  url: string;
  /** 2xx unless the fetch was asked for `anyStatus`. */
  status: number;
  headers: IncomingHttpHeaders;
}

export type RefusalReason = 'scheme' | 'address' | 'redirects' | 'size' | 'timeout' | 'url';

/** The guard said no: the URL, the hop that was refused and why. */
export class FetchRefusedError extends Error {
  override name = 'FetchRefusedError';
  constructor(
    readonly url: string,
    readonly reason: RefusalReason,
    detail: string,
  ) {
    super(`refused ${url}: ${detail}`);
  }
}

/** The fetch was allowed but did not succeed (HTTP error status, connection failure). */
export class FetchFailedError extends Error {
  override name = 'FetchFailedError';
  constructor(
    readonly url: string,
    detail: string,
    readonly status?: number,
  ) {
    super(`could not fetch ${url}: ${detail}`);
  }
}

const MB = 1024 * 1024;
const DEFAULTS = { maxBytes: 10 * MB, timeoutMs: 15_000, maxRedirects: 5 };

const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** `anyStatus`: an answer of any status comes back with its body (APIs that explain their errors), rather than failing. */
export async function fetchGuarded(url: string, opts: FetchGuardOptions & { anyStatus?: boolean } = {}): Promise<GuardedResponse> {
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxRedirects = opts.maxRedirects ?? DEFAULTS.maxRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const target = checkScheme(current);
      const address = await withAbort(vetHost(target, opts), controller.signal, current, timeoutMs);
      const res = await request(target, address, opts, controller.signal, timeoutMs);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (hop >= maxRedirects) {
          throw new FetchRefusedError(url, 'redirects', `more than ${maxRedirects} redirects`);
        }
        current = new URL(location, target).toString();
        continue;
      }
      if ((status < 200 || status >= 300) && !opts.anyStatus) {
        res.resume();
        throw new FetchFailedError(current, `HTTP ${status} ${res.statusMessage ?? ''}`.trim(), status);
      }
      const bytes = await readBody(res, current, maxBytes, controller.signal, timeoutMs);
      const contentType = String(res.headers['content-type'] ?? 'application/octet-stream');
      return { bytes, contentType, url: current, status, headers: res.headers };
    }
  } finally {
    clearTimeout(timer);
  }
}

function checkScheme(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchRefusedError(url, 'url', 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchRefusedError(url, 'scheme', `only http and https URLs are fetched, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    throw new FetchRefusedError(url, 'url', 'URLs with credentials are not fetched');
  }
  return parsed;
}

/** The one address this hop will connect to, after every address of the host passed the check. */
async function vetHost(target: URL, opts: FetchGuardOptions): Promise<{ address: string; family: number }> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const found = literal ? [{ address: host, family: literal }] : await (opts.lookup ?? systemLookup)(host);
  if (found.length === 0) throw new FetchFailedError(target.toString(), `${host} has no address`);
  const hostAllowed = opts.allowHosts?.includes(host) ?? false;
  // One bad address is enough to refuse: the resolver may hand any of them to a later connect.
  for (const { address } of found) {
    const reason = blockedAddressReason(address);
    if (reason && !hostAllowed && !opts.allowAddresses?.includes(address)) {
      const via = literal ? '' : ` (${host} resolves to ${address})`;
      throw new FetchRefusedError(target.toString(), 'address', `${reason}${via}`);
    }
  }
  return found[0];
}

function pinnedLookup(pinned: { address: string; family: number }): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
}

function request(
  target: URL,
  pinned: { address: string; family: number },
  opts: FetchGuardOptions,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<IncomingMessage> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'GET',
        agent: false,
        lookup: pinnedLookup(pinned),
        signal,
        headers: {
          'user-agent': 'Spool/0.1 (carousel studio)',
          accept: opts.accept ?? '*/*',
          'accept-encoding': 'identity',
        },
      },
      resolve,
    );
    req.on('error', (err) => reject(asFetchError(err, target.toString(), signal, timeoutMs)));
    req.end();
  });
}

function readBody(
  res: IncomingMessage,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  const tooBig = () => new FetchRefusedError(url, 'size', `response larger than ${formatBytes(maxBytes)}`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(tooBig());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    // The declared length is only a hint: count what actually arrives and stop past the cap.
    res.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        reject(tooBig());
        res.destroy();
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    res.on('error', (err) => reject(asFetchError(err, url, signal, timeoutMs)));
    res.on('aborted', () => reject(asFetchError(new Error('connection closed'), url, signal, timeoutMs)));
  });
}

function asFetchError(err: Error, url: string, signal: AbortSignal, timeoutMs: number): Error {
  if (err instanceof FetchRefusedError || err instanceof FetchFailedError) return err;
  if (signal.aborted) return new FetchRefusedError(url, 'timeout', `no complete answer within ${timeoutMs / 1000} s`);
  return new FetchFailedError(url, networkReason(err));
}

/** A network failure in a user's words: the system's code names the cause, not the words to show. */
function networkReason(err: Error): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
      return 'no such host; check the address';
    case 'EAI_AGAIN':
      return 'the host name could not be looked up; check that this machine is online';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the server closed the connection before answering';
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'the server could not be reached; check that this machine is online';
    default:
      return err.message;
  }
}

function withAbort<T>(work: Promise<T>, signal: AbortSignal, url: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(asFetchError(new Error('aborted'), url, signal, timeoutMs));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, (err: Error) => reject(asFetchError(err, url, signal, timeoutMs))).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function formatBytes(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${n} bytes`;
}
