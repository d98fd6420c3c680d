/**
 * Importing a thread from the user's own X data archive: no token, no rate limit, no 7-day window,
 * and the only way to reach old threads. The archive holds the author's posts, retweets and replies
 * to others all mixed; a thread is one of the author's self-reply chains.
 */
import { basename } from 'node:path';
import { DOCUMENT_SCHEMA_VERSION, type Author, type Post, type SpoolDocument } from '../model/document.js';
import { SpoolInputError } from '../errors/input-error.js';
import { parseDocument } from '../model/schema.js';
import { detectMojibakeCodePage, repairMojibake } from './repair.js';
import { repairWarnings } from './repair-texts.js';
import { stripThreadMarkers } from './tweet-text.js';
import type { ImportResult } from './types.js';
import { openArchive, type ArchiveFiles } from './x-archive-files.js';
import { archivePost } from './x-archive-media.js';
import { parseArchiveScript, parseYtdFile, readArchiveAccount, readArchiveTweets, type ArchiveAccount, type ArchiveTweet } from './x-archive-tweets.js';
import { chainContaining, findReplyChains, type ReplyChain } from './x-thread-chain.js';
import { decodeEntities } from '../formats/markup.js';

export interface ThreadSummary {
  /** Id of the thread's first post. */
  id: string;
  /** The start of the first post, for picking one from a list. */
  firstWords: string;
  posts: number;
  /** When the first post was made, ISO 8601. */
  date: string;
}

export interface XArchiveOptions {
  /** Id of any post of the thread to import; default the longest thread. */
  thread?: string;
  /** Also return every thread found, oldest first. */
  list?: boolean;
  /** A folder to stream a zip's photos into, instead of holding them as data: URIs. */
  mediaDir?: string;
}

export async function importXArchive(
  path: string,
  opts: XArchiveOptions = {},
): Promise<ImportResult & { threads?: ThreadSummary[] }> {
  const files = await openArchive(path, opts.mediaDir).catch((err: Error) => {
    throw err instanceof SpoolInputError ? err : new SpoolInputError(basename(path), err.message);
  });
  try {
    return await importFrom(files, opts);
  } catch (err) {
    if (err instanceof SpoolInputError) throw err;
    // Container failures (a zip bomb, an unreadable entry) are problems with the input too.
    throw new SpoolInputError(basename(path), (err as Error).message);
  } finally {
    files.close();
  }
}

async function importFrom(files: ArchiveFiles, opts: XArchiveOptions): Promise<ImportResult & { threads?: ThreadSummary[] }> {
  const warnings = [...files.warnings];
  const read = new Map<string, ArchiveTweet>();
  for (const name of files.tweetFiles) {
    const source = await files.readText(name);
    const place = basename(name);
    if (source === undefined) throw new SpoolInputError(place, 'could not be read');
    // A post the archive holds twice (parts that overlap) is one post.
    for (const tweet of readArchiveTweets(parseYtdFile(source, place), place)) if (!read.has(tweet.id)) read.set(tweet.id, tweet);
  }
  const tweets = [...read.values()];
  const account = await readAccount(files, tweets);
  if (!account.username) warnings.push(`${basename(files.label)}: no data/account.js, so the author's name is unknown`);

  const byId = new Map(tweets.map((t) => [t.id, t]));
  const chains = threadChains(tweets, account);
  const threads = chains.filter((c) => c.ids.length >= 2);
  const chosen = pickThread(threads, chains, byId, opts.thread, files);
  if (chosen.offBranch.length > 0) {
    warnings.push(`thread ${chosen.ids[0]}: left out ${chosen.offBranch.length} replies that branch off the main chain`);
  }
  if (chosen.ids.length === 1 && opts.thread) warnings.push(`post ${chosen.ids[0]} is not part of a thread; importing it alone`);

  const author = await archiveAuthor(files, account, warnings);
  const members = chosen.ids.map((id) => byId.get(id)!);
  const codePage = detectMojibakeCodePage(members.map((t) => t.text).join('\n'));
  const posts: Post[] = [];
  for (const [i, tweet] of members.entries()) {
    const built = await archivePost(tweet, i + 1, author, files, codePage);
    posts.push(built.post);
    warnings.push(...built.warnings);
    warnings.push(...repairWarnings(`posts[${i}]`, built.repaired, built.unrecoverable, codePage));
  }

  const document: SpoolDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    url: account.username ? `https://x.com/${account.username}/status/${chosen.ids[0]}` : undefined,
    posts,
  };
  const result: ImportResult & { threads?: ThreadSummary[] } = {
    document: parseDocument(stripUndefined(document), basename(files.label)),
    warnings,
  };
  if (files.baseDir) result.baseDir = files.baseDir;
  if (opts.list) result.threads = summarise(threads, byId);
  return result;
}

/**
 * The author: account.js and profile.js, or the first archives' js/user_details.js, with what the
 * first archives keep on each tweet (the latest one's picture) filling what those lack.
 */
async function readAccount(files: ArchiveFiles, tweets: readonly ArchiveTweet[]): Promise<ArchiveAccount> {
  const read = async (name: string): Promise<unknown> => {
    const text = await files.readText(name);
    if (text === undefined) return undefined;
    try {
      return parseArchiveScript(text, name);
    } catch {
      return undefined; // the author's name is a nicety; a broken account file should not stop the import
    }
  };
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const account = readArchiveAccount(list(await read('account.js')), list(await read('profile.js')), await read('js/user_details.js'));
  const own = tweets.filter((t) => t.author && (!account.accountId || t.author.accountId === account.accountId));
  const latest = own.reduce<ArchiveTweet | undefined>((best, t) => (!best || t.createdAt > best.createdAt ? t : best), undefined)?.author;
  return {
    accountId: account.accountId ?? latest?.accountId,
    username: account.username ?? latest?.username,
    displayName: account.displayName ?? latest?.displayName,
    avatarUrl: account.avatarUrl ?? latest?.avatarUrl,
  };
}

/**
 * Retweets never start or continue a thread. A post whose parent is missing starts a chain only if
 * it is not a reply to someone else (a reply to one's own since-deleted post still counts).
 */
function threadChains(tweets: readonly ArchiveTweet[], account: ArchiveAccount): ReplyChain[] {
  const own = tweets.filter((t) => !t.isRetweet);
  const byId = new Map(own.map((t) => [t.id, t]));
  const chains = findReplyChains(
    own.map((t) => ({ id: t.id, parentId: t.replyTo && byId.has(t.replyTo) ? t.replyTo : undefined, time: t.createdAt })),
  );
  // A chain hanging off someone else's post is a conversation, not a thread.
  return chains.filter((chain) => {
    const root = byId.get(chain.ids[0])!;
    return !root.replyTo || (account.accountId !== undefined && root.replyToUser === account.accountId);
  });
}

function pickThread(
  threads: readonly ReplyChain[],
  all: readonly ReplyChain[],
  byId: Map<string, ArchiveTweet>,
  wanted: string | undefined,
  files: ArchiveFiles,
): ReplyChain {
  const where = basename(files.label);
  if (wanted !== undefined) {
    const found = chainContaining(all, wanted);
    if (found) return found;
    const tweet = byId.get(wanted);
    if (!tweet) throw new SpoolInputError(where, `no post with id ${wanted} in the archive`);
    throw new SpoolInputError(where, `post ${wanted} is a retweet or a reply to someone else, not part of a thread`);
  }
  if (threads.length === 0) {
    throw new SpoolInputError(where, `no threads (self-reply chains) among ${byId.size.toLocaleString('en-US')} posts; pick a post with --thread <id>`);
  }
  // Longest first; among equals the most recent, which is most likely the one being looked for.
  return [...threads].sort((a, b) => b.ids.length - a.ids.length || byId.get(b.ids[0])!.createdAt - byId.get(a.ids[0])!.createdAt)[0];
}

/**
 * The author, with the profile picture from `profile_media/` when the archive holds it. Otherwise
 * `avatarMediaUrl` is the picture's address on the web, shown as remote avatars of other imports
 * are: fetched at build time through the fetch guard (its time and size limits, no private
 * addresses), and left out with a warning when it cannot be had. Anything else is left out here.
 */
async function archiveAuthor(files: ArchiveFiles, account: ArchiveAccount, warnings: string[]): Promise<Author> {
  const author: Author = { name: account.displayName ?? account.username ?? '', handle: account.username ?? '' };
  const picture = (name: string) => /\.(jpe?g|png|webp|gif)$/i.test(name);
  const stored = account.accountId ? (await files.listMedia('profile_media', `${account.accountId}-`)).filter(picture) : [];
  const unreadable: string[] = [];
  for (const name of stored) {
    const src = await files.mediaSrc(name).catch((err: unknown) => {
      unreadable.push(`${name}: the profile picture could not be read (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    });
    if (src) return { ...author, avatar: src };
  }
  const url = account.avatarUrl;
  // With no address to fall back on, a picture the archive holds but cannot give is lost: say so.
  if (!url) {
    warnings.push(...unreadable.map((why) => `${why}; left out`));
    return author;
  }
  if (/^https?:\/\//i.test(url)) {
    author.avatar = url.replace(/_normal(\.\w+)$/, '_400x400$1');
    return author;
  }
  // A file name rather than an address: taken from the archive when it is there.
  const named = (await files.listMedia('profile_media', basename(url))).find(picture);
  const src = named ? await files.mediaSrc(named).catch(() => undefined) : undefined;
  if (src) author.avatar = src;
  else warnings.push(`profile.js: profile picture "${url}" is neither in the archive nor a web address; left out`);
  return author;
}

function summarise(threads: readonly ReplyChain[], byId: Map<string, ArchiveTweet>): ThreadSummary[] {
  return threads
    .map((chain) => {
      const root = byId.get(chain.ids[0])!;
      return { id: root.id, firstWords: firstWords(root.text, 1), posts: chain.ids.length, date: new Date(root.createdAt).toISOString() };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The opening of a post as plain words, without links or numbering, at most ~60 characters. */
export function firstWords(text: string, position: number, max = 60): string {
  const plain = stripThreadMarkers(repairMojibake(decodeEntities(text)).text.replace(/https?:\/\/t\.co\/\w+/g, ''), position).replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
