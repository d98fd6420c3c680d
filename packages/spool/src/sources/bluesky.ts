/**
 * Importing a Bluesky thread from a post URL through the public AppView API (no login): one
 * `app.bsky.feed.getPostThread` gives the post, the chain of posts above it and the replies below.
 * The thread is the author's own chain: their posts above it up to the first one, then at each step
 * down the earliest of their own replies. Replies by others are not part of it.
 *
 * The AppView's answers are read with care all the same: the walk never takes a post twice, one
 * import makes a bounded number of requests in a bounded time and keeps a bounded number of posts;
 * past any of these it stops with what it read and says so.
 */
import { SpoolInputError } from '../errors/input-error.js';
import type { Post } from '../model/document.js';
import { actorOf, blueskyPost, repoOf, rkeyOf } from './bluesky-posts.js';
import {
  BLOCKED_POST, NOT_FOUND_POST, THREAD_VIEW_POST, bskyPostViewSchema, bskyThreadNodeSchema, type BskyPostView, type BskyThreadViewPost,
} from './bluesky-types.js';
import type { FetchGuardOptions } from './fetch-guard.js';
import {
  BLUESKY_MAX_ANSWER_BYTES, ImportBudget, ImportBudgetSpent, SocialApiError, answerIssues, apiGet, apiGuard, isObject, rateLimited, retryAtOf,
  unexpectedAnswer, type SocialApiClient,
} from './social-api.js';
import { MAX_THREAD_POSTS, branchWarning, capWarning, countBeyond, earliestReply, loopWarning, threadResult, timeOf } from './social-posts.js';
import { parseBlueskyPostUrl } from './social-urls.js';
import type { ImportResult } from './types.js';

export { SocialApiError } from './social-api.js';

export interface BlueskyOptions {
  /** Default: SPOOL_BLUESKY_API_BASE from the environment, else the public AppView. */
  apiBase?: string;
  /** Limits (and, for tests, allowed local hosts) of the requests. */
  fetch?: FetchGuardOptions;
  /** Clock for rate-limit messages. */
  now?: () => number;
  /** The whole import, every request included (default 30 s); past it the thread stops at what was read. */
  timeLimitMs?: number;
}

export const BLUESKY_API_BASE = 'https://public.api.bsky.app/xrpc';
/** The most the AppView gives either way in one answer. */
const THREAD_REACH = '1000';
/** A thread deeper than one answer reaches is read on from its last post, a few times at most. */
const MAX_REQUESTS = 6;
const TIME_LIMIT_MS = 30_000;
const GET_THREAD = '/app.bsky.feed.getPostThread';

export async function importBluesky(url: string, opts: BlueskyOptions = {}): Promise<ImportResult> {
  const target = parseBlueskyPostUrl(url);
  if (!target) throw new SpoolInputError(url, 'not a Bluesky post URL (expected https://bsky.app/profile/<handle>/post/<id>)');
  const configured = opts.apiBase || process.env.SPOOL_BLUESKY_API_BASE || undefined;
  const budget = new ImportBudget(MAX_REQUESTS, opts.timeLimitMs ?? TIME_LIMIT_MS);
  const client: SocialApiClient = {
    service: 'the Bluesky API',
    apiBase: configured ?? BLUESKY_API_BASE,
    place: url,
    guard: apiGuard(opts.fetch, configured),
    now: opts.now ?? Date.now,
    maxAnswerBytes: BLUESKY_MAX_ANSWER_BYTES,
    budget,
  };
  const warnings: string[] = [];
  // The AppView reads a handle in the at:// URI itself, so a handle in the URL costs no extra request.
  const anchor = await getThread(client, `at://${target.actor}/app.bsky.feed.post/${target.rkey}`, THREAD_REACH);
  const did = anchor.post.author.did;
  const seen = new Set([anchor.post.uri]);
  const key = (node: BskyThreadViewPost) => node.post.uri;

  const above: BskyPostView[] = [];
  for (let top = anchor, node = readNode(anchor.parent); ; ) {
    if (node.kind === 'post') {
      const post = node.view.post;
      if (post.author.did !== did) break;
      if (seen.has(post.uri)) {
        warnings.push(loopWarning(rkeyOf(top.post.uri), rkeyOf(post.uri)));
        break;
      }
      if (above.length + 1 >= MAX_THREAD_POSTS) {
        const left = countBeyond(node.view, (v) => ownNode(readNode(v.parent), did), key, seen, (v) => v.parent !== undefined);
        warnings.push(capWarning(left, 'before', rkeyOf(top.post.uri)));
        break;
      }
      seen.add(post.uri);
      above.push(post);
      top = node.view;
      node = readNode(node.view.parent);
      continue;
    }
    // Someone else's missing post is where the author's thread began; one of theirs is a gap in it.
    if (node.kind === 'gap' && repoOf(node.uri) === did) warnings.push(gapWarning(node, 'starts after it'));
    break;
  }
  above.reverse();

  const below: BskyPostView[] = [];
  let branches = 0;
  const created = (v: BskyThreadViewPost) => timeOf(v.post.record.createdAt) || timeOf(v.post.indexedAt);
  const ownReplies = (node: BskyThreadViewPost) =>
    (node.replies ?? []).map(readNode).flatMap((r) => (r.kind === 'post' && r.view.post.author.did === did && !seen.has(r.view.post.uri) ? [r.view] : []));
  for (let node = anchor; ; ) {
    // A node at the edge of what one answer reaches comes without its replies: read on from it.
    if (node.replies === undefined && (node.post.replyCount ?? 0) > 0) {
      try {
        const again = await getThread(client, node.post.uri, '0');
        // Only the replies are taken from the new answer: the post stays the one the thread reached.
        node = { post: node.post, replies: again.post.uri === node.post.uri ? (again.replies ?? []) : [] };
      } catch (err) {
        if (!(err instanceof ImportBudgetSpent)) throw err;
        warnings.push(budget.stopped(err.reason, client, `it may go on after post ${rkeyOf(node.post.uri)}`));
        break;
      }
    }
    const { next, others } = earliestReply(ownReplies(node), created);
    branches += others.length;
    if (!next) {
      const gap = (node.replies ?? []).map(readNode).find((r): r is Gap => r.kind === 'gap' && repoOf(r.uri) === did);
      if (gap) warnings.push(gapWarning(gap, 'stops before it'));
      break;
    }
    if (above.length + 1 + below.length >= MAX_THREAD_POSTS) {
      const left = countBeyond(next, (v) => earliestReply(ownReplies(v), created).next, key, seen, (v) => (v.post.replyCount ?? 0) > 0);
      warnings.push(capWarning(left, 'after', rkeyOf(node.post.uri)));
      break;
    }
    seen.add(next.post.uri);
    below.push(next.post);
    node = next;
  }
  warnings.push(...branchWarning(branches));

  const views = [...above, anchor.post, ...below];
  const posts: Post[] = [];
  const avatarsWarned = new Set<string>();
  for (const [i, view] of views.entries()) {
    const built = blueskyPost(view, i + 1, avatarsWarned);
    posts.push(built.post);
    warnings.push(...built.warnings);
  }
  return threadResult(`https://bsky.app/profile/${actorOf(views[0].author)}/post/${rkeyOf(views[0].uri)}`, posts, warnings, url, views.map((v) => v.record.langs?.[0]));
}

/** A post the thread cannot show: deleted, hidden by a block, or answered in a form that cannot be read. */
interface Gap {
  kind: 'gap';
  uri: string;
  why: 'deleted' | 'blocked' | 'unreadable';
  /** What made it unreadable. */
  issue?: string;
}

type ReadNode = { kind: 'post'; view: BskyThreadViewPost } | Gap | { kind: 'other'; type?: string };

/** One node of the thread tree, its post checked; the nodes below and above it are read as the walk reaches them. */
function readNode(value: unknown): ReadNode {
  if (value === undefined) return { kind: 'other' };
  const node = bskyThreadNodeSchema.safeParse(value);
  if (!node.success) return { kind: 'other' };
  const { $type, uri = '' } = node.data;
  if ($type === NOT_FOUND_POST) return { kind: 'gap', uri, why: 'deleted' };
  if ($type === BLOCKED_POST) return { kind: 'gap', uri, why: 'blocked' };
  if ($type !== THREAD_VIEW_POST || node.data.post === undefined) return { kind: 'other', type: $type };
  const post = bskyPostViewSchema.safeParse(node.data.post);
  if (!post.success) {
    const raw = node.data.post;
    return { kind: 'gap', uri: isObject(raw) && typeof raw.uri === 'string' ? raw.uri : '', why: 'unreadable', issue: answerIssues(post.error) };
  }
  return { kind: 'post', view: { post: post.data, parent: node.data.parent, replies: node.data.replies } };
}

function ownNode(node: ReadNode, did: string): BskyThreadViewPost | undefined {
  return node.kind === 'post' && node.view.post.author.did === did ? node.view : undefined;
}

function gapWarning(gap: Gap, where: string): string {
  const why = gap.why === 'blocked' ? 'is hidden by a block' : gap.why === 'deleted' ? 'has been deleted' : `cannot be read (${gap.issue})`;
  return `post ${rkeyOf(gap.uri)} of the thread ${why}; the thread ${where}`;
}

async function getThread(client: SocialApiClient, uri: string, parentHeight: string): Promise<BskyThreadViewPost> {
  const rkey = rkeyOf(uri);
  const answer = await apiGet(client, GET_THREAD, { uri, depth: THREAD_REACH, parentHeight });
  if (answer.status === 429) {
    const reset = Number(answer.header('ratelimit-reset'));
    throw rateLimited(client, retryAtOf(client, answer, Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined));
  }
  const body = isObject(answer.body) ? answer.body : {};
  const error = typeof body.error === 'string' ? body.error : undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  if (answer.status === 400 && error === 'NotFound') throw notFound(client, rkey);
  if (answer.status !== 200 || body.thread === undefined) throw unexpectedAnswer(client, GET_THREAD, answer, message ?? error);
  const thread = readNode(body.thread);
  if (thread.kind === 'post') return thread.view;
  if (thread.kind === 'gap') {
    if (thread.why === 'blocked') {
      throw new SocialApiError(client.place, 'blocked', `post ${rkey} cannot be read: a block between its author and another account in the thread hides it`);
    }
    if (thread.why === 'deleted') throw notFound(client, rkey);
    throw new SocialApiError(client.place, 'api', `post ${rkey} cannot be read: ${client.service} answered a post with ${thread.issue}`);
  }
  throw unexpectedAnswer(client, GET_THREAD, answer, thread.type ? `a thread of type ${thread.type.slice(0, 100)}` : 'a thread that is not one');
}

function notFound(client: SocialApiClient, rkey: string): SocialApiError {
  return new SocialApiError(client.place, 'not-found', `post ${rkey} was not found: it has been deleted, or the handle in the address is wrong`);
}
