/**
 * One archive post as a Document post: its text through the shared X text rules, its photos from
 * `tweets_media/`, where the archive stores them as `<post id>-<name of the pbs.twimg.com file>`.
 */
import { basename } from 'node:path';
import type { Author, MediaRef, Post } from '../model/document.js';
import type { CodePage } from './repair.js';
import { threadEmojiWarning, tweetBlocks } from './tweet-text.js';
import { imageMime, type ArchiveFiles } from './x-archive-files.js';
import type { ArchiveMedia, ArchiveTweet } from './x-archive-tweets.js';
import { ZipLimitError } from './x-archive-zip.js';

export interface BuiltPost {
  post: Post;
  warnings: string[];
  repaired: boolean;
  unrecoverable: boolean;
}

/** X shows at most four images a post; slides follow. */
const MAX_IMAGES = 4;

export async function archivePost(
  tweet: ArchiveTweet,
  position: number,
  author: Author,
  files: ArchiveFiles,
  codePage: CodePage | undefined,
): Promise<BuiltPost> {
  const warnings: string[] = [];
  const body = tweetBlocks(
    {
      text: tweet.text,
      links: tweet.links,
      mediaLinks: tweet.media.flatMap((m) => (m.link ? [m.link] : [])),
      position,
    },
    codePage,
  );
  if (body.threadEmojiRemoved) warnings.push(threadEmojiWarning(`post ${tweet.id}`));
  const media = await postMedia(tweet, files, warnings);
  return {
    post: { id: tweet.id, author, blocks: body.blocks, media },
    warnings,
    repaired: body.repaired,
    unrecoverable: body.unrecoverable,
  };
}

async function postMedia(tweet: ArchiveTweet, files: ArchiveFiles, warnings: string[]): Promise<MediaRef[]> {
  const stored = await files.listMedia('tweets_media', `${tweet.id}-`);
  const images = stored.filter((name) => imageMime(name) !== undefined);
  const refs: MediaRef[] = [];
  const used = new Set<string>();
  for (const item of tweet.media.slice(0, MAX_IMAGES)) {
    const ref = await mediaRef(tweet, item, images, used, files, warnings);
    if (ref) refs.push(ref);
  }
  return refs;
}

async function mediaRef(
  tweet: ArchiveTweet,
  item: ArchiveMedia,
  images: readonly string[],
  used: Set<string>,
  files: ArchiveFiles,
  warnings: string[],
): Promise<MediaRef | undefined> {
  const withAlt = (src: string): MediaRef => (item.alt ? { type: 'image', src, alt: item.alt } : { type: 'image', src });
  if (item.type !== 'photo') {
    // Videos and GIFs are stored as .mp4; the remote still frame is the best a slide can show.
    if (!item.mediaUrl) return undefined;
    warnings.push(`post ${tweet.id}: ${item.type === 'video' ? 'video' : 'GIF'} shown as its still image`);
    return withAlt(item.mediaUrl);
  }
  const expected = item.mediaUrl ? `tweets_media/${tweet.id}-${basename(item.mediaUrl.split(/[?#]/)[0])}` : undefined;
  const name = expected && images.includes(expected) ? expected : images.find((n) => !used.has(n));
  // What the archive lacks, said of the file: one photo missing or damaged never stops the import.
  let lacking = expected ? `photo ${expected} is not in the archive` : 'a photo is not in the archive';
  if (name) {
    used.add(name);
    try {
      return withAlt(await files.mediaSrc(name));
    } catch (err) {
      // A zip refused as a likely bomb is refused whole, not photo by photo.
      if (err instanceof ZipLimitError) throw err;
      lacking = `photo ${name} could not be read from the archive (${(err as Error).message})`;
    }
  }
  if (!item.mediaUrl) {
    warnings.push(`post ${tweet.id}: ${lacking} and has no address to fetch it from; left out`);
    return undefined;
  }
  // The photo's own address on X: the build fetches it, or leaves it out and says so.
  warnings.push(`post ${tweet.id}: ${lacking}; taking it from ${item.mediaUrl}`);
  return withAlt(item.mediaUrl);
}
