/**
 * X API v2 posts as Document posts. Long posts carry their whole text in `note_tweet`; the plain
 * `text` is cut at 280 characters with a t.co link to the rest, which is exactly the truncation
 * users complain about, so the note's text and entities always win when present.
 */
import type { Author, MediaRef, Post } from '../model/document.js';
import type { CodePage } from './repair.js';
import { threadEmojiWarning, tweetBlocks } from './tweet-text.js';
import type { V2Media, V2Tweet, V2User } from './x-api-types.js';

export interface ApiPostResult {
  post: Post;
  warnings: string[];
  repaired: boolean;
  unrecoverable: boolean;
}

const MAX_IMAGES = 4;

/** Links that stand for the post's own photos or videos (x.com/<user>/status/<id>/photo/1). */
function isMediaLink(expanded: string | undefined, id: string): boolean {
  return !!expanded && new RegExp(`/status/${id}/(photo|video)/\\d+$`).test(expanded);
}

export function apiPost(
  tweet: V2Tweet,
  position: number,
  author: Author,
  media: Map<string, V2Media>,
  codePage: CodePage | undefined,
): ApiPostResult {
  const warnings: string[] = [];
  const text = tweet.note_tweet?.text ?? tweet.text;
  // The cut `text` and the full note may each carry t.co links; knowing both costs nothing.
  const urls = [...(tweet.note_tweet?.entities?.urls ?? []), ...(tweet.entities?.urls ?? [])];
  const body = tweetBlocks(
    {
      text,
      links: urls.filter((u) => !u.media_key).map((u) => ({ url: u.url, expandedUrl: u.expanded_url })),
      mediaLinks: urls.filter((u) => u.media_key || isMediaLink(u.expanded_url, tweet.id)).map((u) => u.url),
      position,
    },
    codePage,
  );
  if (body.threadEmojiRemoved) warnings.push(threadEmojiWarning(`post ${tweet.id}`));
  const refs: MediaRef[] = [];
  for (const key of tweet.attachments?.media_keys ?? []) {
    const item = media.get(key);
    if (!item) continue;
    if (item.type === 'photo' && item.url) {
      if (refs.length < MAX_IMAGES) refs.push(item.alt_text ? { type: 'image', src: item.url, alt: item.alt_text } : { type: 'image', src: item.url });
    } else {
      warnings.push(`post ${tweet.id}: ${item.type === 'video' ? 'a video' : 'a GIF'} was left out; only photos become slides`);
    }
  }
  return {
    post: { id: tweet.id, author, blocks: body.blocks, media: refs },
    warnings,
    repaired: body.repaired,
    unrecoverable: body.unrecoverable,
  };
}

/** Profile pictures come as 48 px `_normal` files; the 400 px one is what a cover slide needs. */
export function apiAuthor(user: V2User | undefined): Author {
  if (!user) return { name: '', handle: '' };
  const author: Author = { name: user.name, handle: user.username };
  if (user.profile_image_url) author.avatar = user.profile_image_url.replace(/_normal(\.\w+)$/, '_400x400$1');
  return author;
}
