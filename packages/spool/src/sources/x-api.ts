/**
 * Importing a thread through the X API v2 from a post URL: look the post up, find the
 * conversation's root, search the author's replies in that conversation, and keep the self-reply
 * chain the post belongs to. Recent search only reaches back 7 days, which is the limit users hit
 * most; it gets its own warning pointing at the archive importer.
 */
import { DOCUMENT_SCHEMA_VERSION, type Post, type SpoolDocument } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { parseDocument } from '../model/schema.js';
import { detectMojibakeCodePage } from './repair.js';
import { repairWarnings } from './repair-texts.js';
import type { ImportResult } from './types.js';
import { NO_TOKEN_MESSAGE, XApiError, lookupFailure, xApiGet, type XApiClient } from './x-api-client.js';
import { apiAuthor, apiPost } from './x-api-posts.js';
import type { V2Media, V2Response, V2Tweet, V2User } from './x-api-types.js';
import { chainContaining, findReplyChains } from './x-thread-chain.js';

export { XApiError } from './x-api-client.js';

export interface XApiOptions {
  /** Default: X_BEARER_TOKEN from the environment. */
  token?: string;
  /** Default: SPOOL_X_API_BASE from the environment, else https://api.x.com. */
  apiBase?: string;
  fetchImpl?: typeof fetch;
  /** Clock for rate-limit and search-window messages. */
  now?: () => number;
}

const RECENT_SEARCH_DAYS = 7;
/** 100 posts a page; a thread longer than this many pages is not a thread any more. */
const MAX_SEARCH_PAGES = 30;

/** `https://x.com/<user>/status/<id>` and its twitter.com, mobile and `/i/web/` variants. */
export function parseXStatusUrl(url: string): { username?: string; id: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^(www\.|mobile\.)?(x|twitter)\.com$/i.test(parsed.hostname)) return undefined;
  const match = /^\/(?:i\/web|([A-Za-z0-9_]{1,15}))\/status(?:es)?\/(\d{1,20})(?:\/|$)/.exec(parsed.pathname);
  if (!match) return undefined;
  return match[1] ? { username: match[1], id: match[2] } : { id: match[2] };
}

export async function importXApi(url: string, opts: XApiOptions = {}): Promise<ImportResult> {
  const target = parseXStatusUrl(url);
  if (!target) throw new SpoolInputError(url, 'not an X post URL (expected https://x.com/<user>/status/<id>)');
  const token = opts.token ?? process.env.X_BEARER_TOKEN;
  if (!token) throw new XApiError(url, 'no-token', NO_TOKEN_MESSAGE);
  const client: XApiClient = {
    token,
    apiBase: opts.apiBase ?? process.env.SPOOL_X_API_BASE ?? 'https://api.x.com',
    fetchImpl: opts.fetchImpl ?? fetch,
    place: url,
    now: opts.now ?? Date.now,
  };
  const bag = new Bag();
  const warnings: string[] = [];

  const first = await lookup(client, target.id, bag);
  if (!first) throw lookupFailure(client, target.id, bag.lastFailure!);
  const conversation = first.conversation_id ?? first.id;
  const root = conversation === first.id ? first : await lookup(client, conversation, bag);
  if (!root) warnings.push(`the thread's first post (${conversation}) could not be read; starting from the next one`);
  const user = bag.users.get(first.author_id ?? '');
  if (!user) throw new XApiError(url, 'api', `the X API did not say who wrote post ${first.id}`);

  const found = await searchReplies(client, conversation, user.username, bag);
  const posted = Date.parse((root ?? first).created_at ?? '');
  if (found === 0 && client.now() - posted > RECENT_SEARCH_DAYS * 86_400_000) {
    const date = new Date(posted).toISOString().slice(0, 10);
    warnings.push(
      `only the ${root === first ? 'first post' : 'posts linked directly'} could be fetched: the thread is from ${date} and ` +
        `the X API's recent search covers only the last ${RECENT_SEARCH_DAYS} days; import it from your X data archive to get all of it`,
    );
  }

  const own = [...bag.tweets.values()].filter((t) => t.author_id === user.id);
  const ownIds = new Set(own.map((t) => t.id));
  const chains = findReplyChains(
    own.map((t) => {
      const parent = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
      return { id: t.id, parentId: parent && ownIds.has(parent) ? parent : undefined, time: Date.parse(t.created_at ?? '') || 0 };
    }),
  );
  const chain = chainContaining(chains, first.id)!;
  if (chain.offBranch.length > 0) warnings.push(`left out ${chain.offBranch.length} replies that branch off the main chain`);

  const author = apiAuthor(user);
  const members = chain.ids.map((id) => bag.tweets.get(id)!);
  const codePage = detectMojibakeCodePage(members.map((t) => t.note_tweet?.text ?? t.text).join('\n'));
  const posts: Post[] = [];
  for (const [i, tweet] of members.entries()) {
    const built = apiPost(tweet, i + 1, author, bag.media, codePage);
    posts.push(built.post);
    warnings.push(...built.warnings);
    warnings.push(...repairWarnings(`posts[${i}]`, built.repaired, built.unrecoverable, codePage));
  }
  const document: SpoolDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    url: `https://x.com/${user.username}/status/${chain.ids[0]}`,
    posts,
  };
  return { document: parseDocument(document, url), warnings };
}

/** Everything the responses carried, keyed for joining. */
class Bag {
  tweets = new Map<string, V2Tweet>();
  users = new Map<string, V2User>();
  media = new Map<string, V2Media>();
  lastFailure?: V2Response;

  add(body: V2Response): void {
    const list = Array.isArray(body.data) ? body.data : body.data ? [body.data] : [];
    for (const tweet of list) this.tweets.set(tweet.id, tweet);
    for (const user of body.includes?.users ?? []) this.users.set(user.id, user);
    for (const item of body.includes?.media ?? []) this.media.set(item.media_key, item);
  }
}

async function lookup(client: XApiClient, id: string, bag: Bag): Promise<V2Tweet | undefined> {
  const body = await xApiGet(client, `/2/tweets/${encodeURIComponent(id)}`, {});
  bag.add(body);
  if (!body.data || Array.isArray(body.data)) {
    bag.lastFailure = body;
    return undefined;
  }
  return body.data;
}

/** How many posts the search found, following next_token page by page. */
async function searchReplies(client: XApiClient, conversation: string, username: string, bag: Bag): Promise<number> {
  let found = 0;
  let next: string | undefined;
  for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
    const params: Record<string, string> = { query: `conversation_id:${conversation} from:${username}`, max_results: '100' };
    if (next) params.next_token = next;
    const body = await xApiGet(client, '/2/tweets/search/recent', params);
    bag.add(body);
    found += Array.isArray(body.data) ? body.data.length : 0;
    next = body.meta?.next_token;
    if (!next) break;
  }
  return found;
}
