/**
 * Reading the open networks' public APIs (Bluesky's AppView, a Mastodon server): GET requests for
 * JSON, and the answers a user can act on (a post that is gone, a rate limit and when it resets) as
 * errors that say so. Requests go through the fetch guard: a Mastodon server is whatever host the
 * user's URL names, and a server importing for someone must not be steered into its own network.
 * A remote server that fails, or answers too much or too slowly, is neither the user's fault nor
 * ours: a RemoteApiError, which the Spool server answers with 502 Bad Gateway.
 */
import type { ZodError } from 'zod/v3';
import { SpoolInputError } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { FetchFailedError, type FetchGuardOptions } from './fetch-guard.js';

export type SocialApiErrorKind = 'rate-limit' | 'not-found' | 'blocked' | 'not-mastodon' | 'api';

/** A problem the user can act on; `kind` lets a server pick its status code (429 for `rate-limit`). */
export class SocialApiError extends SpoolInputError {
  constructor(
    place: string,
    readonly kind: SocialApiErrorKind,
    message: string,
    /** When a rate limit resets. */
    readonly retryAt?: Date,
  ) {
    super(place, message);
    this.name = 'SocialApiError';
  }
}

/**
 * The remote API failed to answer usefully: a 5xx, an answer too large, no answer in time. A fetch
 * that failed, so shells that know FetchFailedError report it as one (its name stays that).
 */
export class RemoteApiError extends FetchFailedError {
  /** Names the API, for a server's answer: `the Mastodon API at fosstodon.org`. */
  readonly service: string;

  constructor(
    client: SocialApiClient,
    detail: string,
    /** The remote's HTTP status, when it answered. */
    readonly remoteStatus?: number,
  ) {
    super(client.place, detail, remoteStatus);
    this.service = client.service;
  }
}

/** The import has used up its requests or its time; the importer stops with what it read. */
export class ImportBudgetSpent extends RemoteApiError {
  constructor(
    client: SocialApiClient,
    readonly reason: 'requests' | 'time',
    detail: string,
  ) {
    super(client, detail);
  }
}

/**
 * What one import may spend on an API: a number of requests and a time for all of them. A hostile
 * or broken server can chain posts without end; the import stops at these and keeps what it read.
 */
export class ImportBudget {
  private used = 0;
  private readonly deadline: number;

  constructor(
    readonly maxRequests: number,
    readonly timeLimitMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.deadline = clock() + timeLimitMs;
  }

  get requests(): number {
    return this.used;
  }

  timeLeft(): number {
    return this.deadline - this.clock();
  }

  /** Counts a request, or says why there may be none. */
  spend(client: SocialApiClient): void {
    if (this.timeLeft() <= 0) throw this.spent(client, 'time');
    if (this.used >= this.maxRequests) throw this.spent(client, 'requests');
    this.used++;
  }

  spent(client: SocialApiClient, reason: 'requests' | 'time'): ImportBudgetSpent {
    return new ImportBudgetSpent(
      client,
      reason,
      reason === 'time'
        ? `${client.service} did not finish answering within ${seconds(this.timeLimitMs)} s, the longest one import takes`
        : `${client.service} was asked ${this.maxRequests} times, the most one import asks`,
    );
  }

  /** What a thread cut short by `reason` says. */
  stopped(reason: 'requests' | 'time', client: SocialApiClient, rest: string): string {
    const why =
      reason === 'time'
        ? `after ${seconds(this.timeLimitMs)} s, the longest one import takes`
        : `after ${this.maxRequests} requests to ${client.service}, the most one import makes`;
    return `stopped reading the thread ${why}: ${rest}`;
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

export interface SocialApiClient {
  /** Names the API in messages: `the Bluesky API`, `the Mastodon API at fosstodon.org`. */
  service: string;
  apiBase: string;
  /** The post URL the user gave, naming the place in errors. */
  place: string;
  guard: FetchGuardOptions;
  now: () => number;
  /** Largest answer read. */
  maxAnswerBytes: number;
  /** Requests and time for the whole import. */
  budget?: ImportBudget;
}

export interface ApiAnswer {
  status: number;
  /** The parsed body; undefined when it was not JSON. */
  body: unknown;
  header(name: string): string | undefined;
}

/**
 * Bluesky thread answers of popular posts run to megabytes (a thousand replies, each with its
 * author and embeds); a page's 10 MB cap is too tight for them. A logged-out Mastodon context holds
 * 40 ancestors and 60 descendants at most, far below its cap.
 */
export const BLUESKY_MAX_ANSWER_BYTES = 64 * 1024 * 1024;
export const MASTODON_MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/**
 * The guard's options for an API: a base URL the operator chose (an option or an environment
 * variable) is trusted as a page address is not, so a test server or a local relay can stand in.
 */
export function apiGuard(guard: FetchGuardOptions | undefined, configuredBase: string | undefined): FetchGuardOptions {
  const options = { ...guard };
  if (configuredBase && URL.canParse(configuredBase)) {
    const host = new URL(configuredBase).hostname.replace(/^\[|\]$/g, '');
    options.allowHosts = [...(guard?.allowHosts ?? []), host];
  }
  return options;
}

export async function apiGet(client: SocialApiClient, path: string, params: Record<string, string> = {}): Promise<ApiAnswer> {
  const url = new URL(client.apiBase.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const { fetchGuarded, FetchRefusedError } = await import('./fetch-guard.js');
  client.budget?.spend(client);
  const maxBytes = Math.min(client.maxAnswerBytes, client.guard.maxBytes ?? Infinity);
  // No request outlasts the import's time; one cut short by it ends the import's reading.
  const timeLeft = client.budget?.timeLeft() ?? Infinity;
  const timeoutMs = Math.max(1, Math.min(client.guard.timeoutMs ?? TIMEOUT_MS, timeLeft));
  const res = await fetchGuarded(url.href, {
    ...client.guard,
    maxBytes,
    timeoutMs,
    accept: 'application/json',
    anyStatus: true,
  }).catch((err: unknown) => {
    if (err instanceof FetchRefusedError && err.reason === 'size') {
      throw new RemoteApiError(client, `${client.service} answered more than ${megabytes(maxBytes)} for ${path}, far more than a thread takes; it was not read`);
    }
    if (err instanceof FetchRefusedError && err.reason === 'timeout') {
      if (timeoutMs >= timeLeft) throw client.budget!.spent(client, 'time');
      throw new RemoteApiError(client, `${client.service} did not answer ${path} within ${seconds(timeoutMs)} s`);
    }
    // A refused address is the URL the user gave, not our failure.
    if (err instanceof FetchRefusedError) throw new SpoolInputError(client.place, err.message);
    throw err;
  });
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(res.bytes));
  } catch {
    body = undefined;
  }
  return {
    status: res.status,
    body,
    header: (name) => {
      const value = res.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  };
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * When a rate limit resets: the network's own header when it sent one, else the standard
 * Retry-After (seconds, or an HTTP date). `reset` is the network's header read as a time.
 */
export function retryAtOf(client: SocialApiClient, answer: ApiAnswer, reset: Date | undefined): Date | undefined {
  if (reset && !Number.isNaN(reset.getTime())) return reset;
  const after = answer.header('retry-after')?.trim();
  if (!after) return undefined;
  if (/^\d{1,9}$/.test(after)) return new Date(client.now() + Number(after) * 1000);
  const date = new Date(after);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Waiting for a rate limit to reset, in seconds from now (and as a time) when the API said when. */
export function rateLimited(client: SocialApiClient, retryAt: Date | undefined): SocialApiError {
  if (!retryAt || Number.isNaN(retryAt.getTime())) {
    return new SocialApiError(client.place, 'rate-limit', `the rate limit of ${client.service} is used up; try again in a few minutes`);
  }
  const wait = Math.max(0, Math.ceil((retryAt.getTime() - client.now()) / 1000));
  return new SocialApiError(
    client.place,
    'rate-limit',
    `the rate limit of ${client.service} is used up; try again in ${wait} s (at ${retryAt.toISOString()})`,
    retryAt,
  );
}

/** An answer no case above explains: the API's own words, when it gave any. */
export function unexpectedAnswer(client: SocialApiClient, path: string, answer: ApiAnswer, detail: string | undefined): Error {
  const said = detail?.trim().slice(0, 200);
  const what = `${client.service} answered ${answer.status} for ${path}${said ? `: ${said}` : ''}`;
  // A server's own trouble is not the user's input; a refused request (4xx) is.
  return answer.status >= 500 ? new RemoteApiError(client, what, answer.status) : new SocialApiError(client.place, 'api', what);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What made an answer unreadable, short: `account.acct: required; content: expected string`. */
export function answerIssues(error: ZodError): string {
  return zodIssuesToInputIssues(error.issues)
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}
