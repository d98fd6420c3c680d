/**
 * Talking to the X API v2: the two requests the importer makes, and every way they fail turned into
 * a message that tells the user what to do next (set a token, wait until a given time, use the
 * archive instead). The shapes follow the public v2 documentation.
 */
import { SpoolInputError } from '../errors/input-error.js';
import type { V2Response } from './x-api-types.js';

export type XApiErrorKind = 'no-token' | 'bad-token' | 'forbidden' | 'rate-limit' | 'not-found' | 'not-authorized' | 'api';

/** A problem the user can act on; `kind` lets a server pick its status code (429 for `rate-limit`). */
export class XApiError extends SpoolInputError {
  constructor(
    place: string,
    readonly kind: XApiErrorKind,
    message: string,
    /** When a rate limit resets. */
    readonly retryAt?: Date,
  ) {
    super(place, message);
    this.name = 'XApiError';
  }
}

export interface XApiClient {
  token: string;
  apiBase: string;
  fetchImpl: typeof fetch;
  /** The post URL the user gave, naming the place in errors. */
  place: string;
  now: () => number;
}

/** Asked for on every request, so a thread's posts all arrive with their text, media and author. */
export const TWEET_QUERY: Readonly<Record<string, string>> = {
  'tweet.fields': 'conversation_id,author_id,created_at,entities,note_tweet,attachments,referenced_tweets',
  expansions: 'author_id,attachments.media_keys',
  'media.fields': 'url,alt_text,width,height,type',
  'user.fields': 'name,username,profile_image_url',
};

export const NO_TOKEN_MESSAGE =
  'reading a post from the X API needs a bearer token: create an app at https://developer.x.com, copy its ' +
  'Bearer Token and set it with `export X_BEARER_TOKEN=...` (or pass it as a token option). ' +
  'Without one, import the thread from your X data archive instead.';

export async function xApiGet(client: XApiClient, path: string, params: Record<string, string>): Promise<V2Response> {
  const url = new URL(client.apiBase.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries({ ...TWEET_QUERY, ...params })) url.searchParams.set(key, value);
  let res: Response;
  try {
    res = await client.fetchImpl(url, { headers: { authorization: `Bearer ${client.token}`, accept: 'application/json' } });
  } catch (err) {
    throw new Error(`could not reach the X API at ${url.origin}: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as V2Response & { title?: string; detail?: string };
  if (res.ok) return body;
  const detail = body.detail ?? body.title ?? res.statusText;
  if (res.status === 401) {
    throw new XApiError(client.place, 'bad-token', 'the X API did not accept the bearer token (401 Unauthorized): check X_BEARER_TOKEN');
  }
  if (res.status === 403) {
    throw new XApiError(client.place, 'forbidden', `the X API refused this token (403 ${body.title ?? 'Forbidden'}): ${detail}`);
  }
  if (res.status === 429) throw rateLimited(client, res.headers.get('x-rate-limit-reset'));
  throw new Error(`the X API answered ${res.status} ${res.statusText} for ${url.pathname}: ${detail}`);
}

function rateLimited(client: XApiClient, reset: string | null): XApiError {
  const resetSeconds = Number(reset);
  if (!reset || !Number.isFinite(resetSeconds)) {
    return new XApiError(client.place, 'rate-limit', 'the X API rate limit is used up; try again in 15 minutes');
  }
  const retryAt = new Date(resetSeconds * 1000);
  const wait = Math.max(0, Math.ceil((retryAt.getTime() - client.now()) / 1000));
  const clock = retryAt.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return new XApiError(
    client.place,
    'rate-limit',
    `the X API rate limit is used up; try again at ${clock} local time (in ${wait} s)`,
    retryAt,
  );
}

/** A lookup that came back with `errors` instead of `data`: deleted, protected, or something else. */
export function lookupFailure(client: XApiClient, id: string, body: V2Response): XApiError {
  const problem = body.errors?.find((e) => e.resource_id === id || e.value === id) ?? body.errors?.[0];
  const type = problem?.type ?? '';
  if (type.endsWith('/resource-not-found')) {
    return new XApiError(client.place, 'not-found', `post ${id} was not found: it has been deleted, or the account is suspended`);
  }
  if (type.endsWith('/not-authorized-for-resource')) {
    return new XApiError(
      client.place,
      'not-authorized',
      `post ${id} cannot be read with this token: the account is protected (only its approved followers see it)`,
    );
  }
  const what = problem ? [problem.title, problem.detail].filter(Boolean).join(': ') : 'no post in the answer';
  return new XApiError(client.place, 'api', `the X API could not return post ${id}: ${what}`);
}
