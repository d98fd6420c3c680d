/**
 * Reading the archive's JavaScript files (`window.YTD.tweets.part0 = [...]`, in the first archives
 * `Grailbird.data.tweets_2013_01 = [...]` and `var user_details = {...}`) into plain records. The
 * archive format is undocumented and has changed over the years (items wrapped in `tweet` or bare,
 * `full_text` or `text`, `tweet.js` or `tweets.js`), so reading is lenient about shape and strict
 * about the few fields an import cannot do without, naming the item when one is missing.
 */
import { SpoolInputError, type InputIssue } from '../errors/input-error.js';
import type { TweetLink } from './tweet-text.js';

export interface ArchiveMedia {
  /** The t.co link standing for this media in the text. */
  link?: string;
  /** `https://pbs.twimg.com/media/<name>.jpg`; its last segment names the file in tweets_media. */
  mediaUrl?: string;
  type: string;
  alt?: string;
}

export interface ArchiveTweet {
  id: string;
  text: string;
  createdAt: number;
  replyTo?: string;
  replyToUser?: string;
  isRetweet: boolean;
  /** The first archives keep the author with every tweet. */
  author?: ArchiveAccount;
  links: TweetLink[];
  media: ArchiveMedia[];
}

export interface ArchiveAccount {
  accountId?: string;
  username?: string;
  displayName?: string;
  avatarUrl?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The JSON assigned in `window.YTD.<name>.partN = …`, `Grailbird.data.<name> = …` or `var <name> = …`. */
export function parseArchiveScript(source: string, place: string): unknown {
  const body = source.replace(/^\uFEFF?\s*(?:window\.YTD\.[\w.]+|Grailbird\.data\.\w+|var\s+\w+)\s*=\s*/, '').replace(/;\s*$/, '');
  try {
    return JSON.parse(body);
  } catch (err) {
    // JSON.parse's own words ("Unexpected token 'w'…") are for developers.
    throw new SpoolInputError(place, err instanceof SyntaxError ? 'not an X archive data file (it does not hold the JSON an X archive has)' : `not an X archive data file (${(err as Error).message})`);
  }
}

/** The list of items an archive data file assigns. */
export function parseYtdFile(source: string, place: string): unknown[] {
  const parsed = parseArchiveScript(source, place);
  if (!Array.isArray(parsed)) throw new SpoolInputError(place, 'expected a list of items after `window.YTD...=`');
  return parsed;
}

const MAX_REPORTED = 10;

/** Every tweet of one tweets.js; `place` (the file name) prefixes errors: `tweets.js: item 41: no full_text`. */
export function readArchiveTweets(items: readonly unknown[], place: string): ArchiveTweet[] {
  const tweets: ArchiveTweet[] = [];
  const issues: InputIssue[] = [];
  items.forEach((item, index) => {
    const path = `item ${index}`;
    const raw = isObject(item) && isObject(item.tweet) ? item.tweet : item;
    if (!isObject(raw)) return issues.push({ path, message: 'not a tweet object' });
    const id = str(raw.id_str) ?? (typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : undefined);
    const text = typeof raw.full_text === 'string' ? raw.full_text : typeof raw.text === 'string' ? raw.text : undefined;
    if (!id || !/^\d+$/.test(id)) return issues.push({ path, message: 'no id_str' });
    if (text === undefined) return issues.push({ path, message: 'no full_text' });
    const createdAt = Date.parse(String(raw.created_at ?? ''));
    if (Number.isNaN(createdAt)) return issues.push({ path, message: `created_at is not a date: ${String(raw.created_at)}` });
    tweets.push({
      id,
      text,
      createdAt,
      replyTo: str(raw.in_reply_to_status_id_str),
      replyToUser: str(raw.in_reply_to_user_id_str),
      isRetweet: raw.retweeted === true || isObject(raw.retweeted_status) || /^RT @/.test(text),
      links: readLinks(raw.entities),
      media: readMedia(raw),
      ...(isObject(raw.user) ? { author: tweetAuthor(raw.user) } : {}),
    });
  });
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_REPORTED);
    if (issues.length > MAX_REPORTED) shown.push({ path: '', message: `and ${issues.length - MAX_REPORTED} more` });
    throw new SpoolInputError(place, shown);
  }
  return tweets;
}

function readLinks(entities: unknown): TweetLink[] {
  const urls = isObject(entities) && Array.isArray(entities.urls) ? entities.urls : [];
  return urls.filter(isObject).flatMap((u) => {
    const url = str(u.url);
    return url ? [{ url, expandedUrl: str(u.expanded_url) }] : [];
  });
}

function readMedia(raw: Json): ArchiveMedia[] {
  // extended_entities lists every photo; entities.media only the first.
  const source = isObject(raw.extended_entities) ? raw.extended_entities : raw.entities;
  const list = isObject(source) && Array.isArray(source.media) ? source.media : [];
  return list.filter(isObject).map((m) => ({
    link: str(m.url),
    mediaUrl: str(m.media_url_https) ?? str(m.media_url),
    type: str(m.type) ?? 'photo',
    alt: str(m.ext_alt_text),
  }));
}

/** The `user` the first archives keep with each tweet. */
function tweetAuthor(user: Json): ArchiveAccount {
  return {
    accountId: str(user.id_str),
    username: str(user.screen_name),
    displayName: str(user.name),
    avatarUrl: str(user.profile_image_url_https) ?? str(user.profile_image_url),
  };
}

/**
 * account.js and profile.js, or the first archives' user_details.js (`userDetails`); all optional,
 * and any shape problem just means less to show.
 */
export function readArchiveAccount(accountItems: readonly unknown[], profileItems: readonly unknown[], userDetails?: unknown): ArchiveAccount {
  const first = (items: readonly unknown[], key: string): Json | undefined => {
    const item = items.find((i) => isObject(i) && isObject(i[key]));
    return item ? ((item as Json)[key] as Json) : undefined;
  };
  const account = first(accountItems, 'account');
  const profile = first(profileItems, 'profile');
  const details = isObject(userDetails) ? userDetails : undefined;
  const id = details?.id;
  return {
    accountId: str(account?.accountId) ?? (typeof id === 'string' || typeof id === 'number' ? String(id) : undefined),
    username: str(account?.username) ?? str(details?.screen_name),
    displayName: str(account?.accountDisplayName) ?? str(details?.full_name),
    avatarUrl: str(profile?.avatarMediaUrl),
  };
}
