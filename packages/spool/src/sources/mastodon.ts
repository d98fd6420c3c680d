/**
 * Importing a thread from a Mastodon status URL (or any server that speaks the Mastodon API) without
 * a login: GET /api/v1/statuses/:id for the status, /context for the posts above and below it. The
 * thread is its author's own chain: `in_reply_to_id` links between statuses of the same account,
 * up to the first one, then down by the earliest of the author's replies at each step.
 *
 * A server answers a logged-out context with 40 ancestors and 60 descendants at most, 20 replies
 * deep; a longer thread is read on from the last of the author's posts each answer reached.
 *
 * A server is whatever host the user's URL names, and it may answer anything: the walk never visits
 * a post twice (a status given as its own reply, two given as each other's), and one import makes
 * a bounded number of requests in a bounded time and keeps a bounded number of posts; past any of
 * these it stops with what it read and says so.
 */
import { SpoolInputError } from '../errors/input-error.js';
import type { Post } from '../model/document.js';
import type { FetchGuardOptions } from './fetch-guard.js';
import { mastodonPost } from './mastodon-posts.js';
import { mastodonStatusSchema, type MastodonContext, type MastodonError, type MastodonStatus } from './mastodon-types.js';
import {
  ImportBudget, ImportBudgetSpent, MASTODON_MAX_ANSWER_BYTES, SocialApiError, answerIssues, apiGet, apiGuard, isObject, rateLimited, retryAtOf,
  unexpectedAnswer, type ApiAnswer, type SocialApiClient,
} from './social-api.js';
import { MAX_THREAD_POSTS, branchWarning, capWarning, countBeyond, earliestReply, loopWarning, threadResult, timeOf, webAddress } from './social-posts.js';
import { parseMastodonStatusUrl, type MastodonStatusAddress } from './social-urls.js';
import type { ImportResult } from './types.js';

export { SocialApiError } from './social-api.js';

export interface MastodonOptions {
  /** Default: SPOOL_MASTODON_API_BASE from the environment, else the server the URL names. */
  apiBase?: string;
  /** Limits (and, for tests, allowed local hosts) of the requests. */
  fetch?: FetchGuardOptions;
  /** Clock for rate-limit messages. */
  now?: () => number;
  /** The whole import, every request included (default 30 s); past it the thread stops at what was read. */
  timeLimitMs?: number;
}

/**
 * Requests for one thread, the status and its contexts: a context reaches 20 posts deep, so this
 * reaches far past any carousel.
 */
const MAX_REQUESTS = 51;
const TIME_LIMIT_MS = 30_000;
/** Statuses read from one context answer: a logged-out one holds 40 + 60, so more are not the server's own. */
const MAX_CONTEXT_STATUSES = 200;

/** The server did not answer as a Mastodon server: the URL was a page that only looks like a status. */
export function isNotMastodon(err: unknown): boolean {
  return err instanceof SocialApiError && err.kind === 'not-mastodon';
}

export async function importMastodon(url: string, opts: MastodonOptions = {}): Promise<ImportResult> {
  const target = parseMastodonStatusUrl(url);
  if (!target) {
    throw new SpoolInputError(url, 'not a Mastodon post URL (expected https://<server>/@<user>/<id> or https://<server>/users/<user>/statuses/<id>)');
  }
  const configured = opts.apiBase || process.env.SPOOL_MASTODON_API_BASE || undefined;
  const budget = new ImportBudget(MAX_REQUESTS, opts.timeLimitMs ?? TIME_LIMIT_MS);
  const client: SocialApiClient = {
    service: `the Mastodon API at ${target.host}`,
    apiBase: configured ?? target.origin,
    place: url,
    guard: apiGuard(opts.fetch, configured),
    now: opts.now ?? Date.now,
    maxAnswerBytes: MASTODON_MAX_ANSWER_BYTES,
    budget,
  };
  const reader = new ThreadReader(client);
  const warnings: string[] = [];
  const first = await reader.status(target.id);
  if (first.reblog) throw new SpoolInputError(url, `post ${target.id} is a boost of someone else's post; give the address of that post instead`);
  const author = first.account.id;
  const seen = new Set([first.id]);
  // Run out of requests or time here, the loops below say so where it cuts the thread.
  await reader.tryContext(first.id);

  const above: MastodonStatus[] = [];
  for (let top = first; top.in_reply_to_id; ) {
    const parentId = top.in_reply_to_id;
    if (seen.has(parentId)) {
      warnings.push(loopWarning(top.id, parentId));
      break;
    }
    const ownParent = top.in_reply_to_account_id === author;
    // The ancestors an answer gives stop at 40: the author's earlier posts are read from the oldest one reached.
    if (!reader.known.has(parentId) && ownParent && !reader.asked(top.id)) {
      const spent = await reader.tryContext(top.id);
      if (spent) {
        warnings.push(budget.stopped(spent, client, `it may start before post ${top.id}`));
        break;
      }
    }
    const parent = reader.known.get(parentId);
    if (!parent) {
      const unreadable = reader.unreadable.get(parentId);
      if (ownParent && unreadable) warnings.push(`post ${parentId} cannot be read (${unreadable.issue}); the thread starts after it`);
      else if (ownParent) warnings.push(`the post before post ${top.id} has been deleted or is not public; the thread starts after it`);
      break;
    }
    if (parent.account.id !== author) break;
    if (above.length + 1 >= MAX_THREAD_POSTS) {
      const left = countBeyond(parent, (s) => reader.ownParent(s, author), (s) => s.id, seen, (s) => !!s.in_reply_to_id && s.in_reply_to_account_id === author);
      warnings.push(capWarning(left, 'before', top.id));
      break;
    }
    seen.add(parent.id);
    above.push(parent);
    top = parent;
  }
  above.reverse();

  const below: MastodonStatus[] = [];
  let branches = 0;
  const created = (s: MastodonStatus) => timeOf(s.created_at);
  for (let node = first; ; ) {
    let own = reader.ownReplies(node.id, author, seen);
    if (own.length === 0 && (node.replies_count ?? 0) > 0 && !reader.asked(node.id)) {
      const spent = await reader.tryContext(node.id);
      if (spent) {
        warnings.push(budget.stopped(spent, client, `it may go on after post ${node.id}`));
        break;
      }
      own = reader.ownReplies(node.id, author, seen);
    }
    const { next, others } = earliestReply(own, created);
    branches += others.length;
    if (!next) {
      const unreadable = reader.unreadableReplyTo(node.id, author);
      if (unreadable) warnings.push(`post ${unreadable.id} cannot be read (${unreadable.issue}); the thread stops before it`);
      break;
    }
    if (above.length + 1 + below.length >= MAX_THREAD_POSTS) {
      const left = countBeyond(next, (s) => earliestReply(reader.ownReplies(s.id, author, seen), created).next, (s) => s.id, seen, (s) => (s.replies_count ?? 0) > 0);
      warnings.push(capWarning(left, 'after', node.id));
      break;
    }
    seen.add(next.id);
    below.push(next);
    node = next;
  }
  warnings.push(...branchWarning(branches));

  const statuses = [...above, first, ...below];
  const posts: Post[] = [];
  const avatarsWarned = new Set<string>();
  for (const [i, status] of statuses.entries()) {
    const built = mastodonPost(status, i + 1, target.host, avatarsWarned);
    posts.push(built.post);
    warnings.push(...built.warnings);
  }
  return threadResult(documentUrl(statuses[0], target), posts, warnings, url, statuses.map((s) => s.language));
}

/**
 * The thread's address: the status's own page when it is on the server the user named, else that
 * server's page for it (`https://<host>/@<acct>/<id>`), never an address another server chose.
 */
function documentUrl(root: MastodonStatus, target: MastodonStatusAddress): string {
  const own = webAddress(root.url);
  if (own && new URL(own).host === target.host) return own;
  const acct = encodeURIComponent(root.account.acct.replace(/^@/, '')).replace(/%40/g, '@');
  return `${target.origin}/@${acct}/${encodeURIComponent(root.id)}`;
}

interface Unreadable {
  id: string;
  issue: string;
  inReplyTo?: string;
  account?: string;
}

/**
 * Every status the answers carried, indexed by the status each replies to, and which statuses'
 * contexts were asked for. A status given twice keeps its first form.
 */
class ThreadReader {
  readonly known = new Map<string, MastodonStatus>();
  /** Statuses that did not pass the schema, by id: why, and what they seemed to reply to. */
  readonly unreadable = new Map<string, Unreadable>();
  private readonly repliesTo = new Map<string, MastodonStatus[]>();
  private readonly contextsOf = new Set<string>();

  constructor(private readonly client: SocialApiClient) {}

  asked(id: string): boolean {
    return this.contextsOf.has(id);
  }

  async status(id: string): Promise<MastodonStatus> {
    const path = `/api/v1/statuses/${encodeURIComponent(id)}`;
    const body = await this.get(path, id);
    if (!looksLikeStatus(body)) throw notMastodon(this.client, path, 'an answer that is not a status');
    const read = mastodonStatusSchema.safeParse(body);
    if (!read.success) {
      throw new SocialApiError(this.client.place, 'api', `post ${id} cannot be read: ${this.client.service} answered a status with ${answerIssues(read.error)}`);
    }
    this.remember(read.data);
    return read.data;
  }

  /** Reads a context; the budget's reason when it allowed no more (the request was not made, or cut short). */
  async tryContext(id: string): Promise<'requests' | 'time' | undefined> {
    try {
      await this.context(id);
      return undefined;
    } catch (err) {
      if (err instanceof ImportBudgetSpent) return err.reason;
      throw err;
    }
  }

  private async context(id: string): Promise<void> {
    const path = `/api/v1/statuses/${encodeURIComponent(id)}/context`;
    const body = (await this.get(path, id)) as Partial<MastodonContext>;
    this.contextsOf.add(id);
    if (!Array.isArray(body.ancestors) || !Array.isArray(body.descendants)) throw notMastodon(this.client, path, 'an answer that is not a context');
    // Ancestors run down to the status, descendants out from it: the nearest of each are kept.
    for (const value of [...body.ancestors.slice(-MAX_CONTEXT_STATUSES), ...body.descendants.slice(0, MAX_CONTEXT_STATUSES)]) {
      if (!looksLikeStatus(value)) continue;
      const read = mastodonStatusSchema.safeParse(value);
      if (read.success) this.remember(read.data);
      else if (!this.known.has(value.id)) this.unreadable.set(value.id, { id: value.id, issue: answerIssues(read.error), ...seemingLinks(value) });
    }
  }

  private remember(status: MastodonStatus): void {
    if (this.known.has(status.id)) return;
    this.known.set(status.id, status);
    if (!status.in_reply_to_id) return;
    const siblings = this.repliesTo.get(status.in_reply_to_id);
    if (siblings) siblings.push(status);
    else this.repliesTo.set(status.in_reply_to_id, [status]);
  }

  /** The author's replies to a status, among those known and not yet in the thread. */
  ownReplies(id: string, author: string, seen: ReadonlySet<string>): MastodonStatus[] {
    return (this.repliesTo.get(id) ?? []).filter((s) => s.account.id === author && !seen.has(s.id));
  }

  /** The status a status replies to, when it is known and the author's. */
  ownParent(status: MastodonStatus, author: string): MastodonStatus | undefined {
    const parent = status.in_reply_to_id ? this.known.get(status.in_reply_to_id) : undefined;
    return parent?.account.id === author ? parent : undefined;
  }

  /** An unreadable status that seems to be the author's reply to `id`. */
  unreadableReplyTo(id: string, author: string): Unreadable | undefined {
    for (const status of this.unreadable.values()) if (status.inReplyTo === id && (status.account ?? author) === author) return status;
    return undefined;
  }

  private async get(path: string, id: string): Promise<Record<string, unknown>> {
    const answer = await apiGet(this.client, path);
    if (answer.status === 429) {
      const reset = answer.header('x-ratelimit-reset');
      throw rateLimited(this.client, retryAtOf(this.client, answer, reset ? new Date(reset) : undefined));
    }
    if (answer.status === 200 && isObject(answer.body)) return answer.body;
    throw failure(this.client, path, id, answer);
  }
}

function failure(client: SocialApiClient, path: string, id: string, answer: ApiAnswer): Error {
  const error = isObject(answer.body) ? (answer.body as MastodonError) : undefined;
  const said = typeof error?.error === 'string' ? error.error : undefined;
  // A server in trouble often answers with its proxy's page rather than JSON: its trouble all the same.
  if (answer.status >= 500) return unexpectedAnswer(client, path, answer, said);
  // Mastodon explains its refusals in JSON; a site that is not a Mastodon server answers with a page.
  if (said === undefined) return notMastodon(client, path, `${answer.status}${answer.body === undefined ? ', not JSON' : ''}`);
  if (answer.status === 404 || answer.status === 410) {
    return new SocialApiError(
      client.place,
      'not-found',
      `post ${id} was not found: it has been deleted, or it is not public (followers-only and direct posts need a login)`,
    );
  }
  if (answer.status === 401 || answer.status === 403) {
    return new SocialApiError(client.place, 'api', `${client.service} lets only signed-in users read posts (${answer.status}: ${said.slice(0, 200)})`);
  }
  return unexpectedAnswer(client, path, answer, said);
}

function notMastodon(client: SocialApiClient, path: string, what: string): SocialApiError {
  return new SocialApiError(
    client.place,
    'not-mastodon',
    `this does not look like a Mastodon server: GET ${path} gave ${what}; if the address is an article, import it as a page (--kind url)`,
  );
}

/** An object with a status's id and an account: a status, readable or not. Anything else is not one at all. */
function looksLikeStatus(value: unknown): value is Record<string, unknown> & { id: string } {
  return isObject(value) && typeof value.id === 'string' && value.id !== '' && isObject(value.account);
}

function seemingLinks(value: Record<string, unknown>): { inReplyTo?: string; account?: string } {
  const account = (value.account as Record<string, unknown>).id;
  return {
    inReplyTo: typeof value.in_reply_to_id === 'string' ? value.in_reply_to_id : undefined,
    account: typeof account === 'string' ? account : undefined,
  };
}
