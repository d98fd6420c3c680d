/**
 * Mastodon statuses as Document posts. A status's `content` is HTML the server cleaned: `<p>`
 * paragraphs, `<br>` line breaks and links whose text is cut for display (`<span class="invisible">`
 * hides the scheme and the tail, `<span class="ellipsis">` shows a "…"). It is read into our own
 * spans as a reader sees it; mentions and hashtags stay text. A content warning is kept, visibly,
 * as the post's first line. Image and avatar addresses are kept only when they are web addresses:
 * a server could name a file on this machine, which a build would then read.
 */
import type { Author, Block, MediaRef } from '../model/document.js';
import { tokenizeHtml, type HtmlToken } from './html-tokens.js';
import { tokensToBlocks } from './inline-html.js';
import type { MastodonAccount, MastodonStatus } from './mastodon-types.js';
import { linkSpan, quotedAddress, webAddress, withoutThreadMarkers, type BuiltPost } from './social-posts.js';

const MAX_IMAGES = 4;
const LEFT_OUT: Record<string, string> = {
  video: 'a video',
  gifv: 'a GIF',
  audio: 'an audio file',
  image: 'an image without an address',
  unreadable: 'an attachment that cannot be read',
};

function classes(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(/\s+/).filter(Boolean));
}

/** The status HTML as blocks: hidden parts of links dropped, mention and hashtag links as plain text. */
export function contentBlocks(html: string): Block[] {
  const kept: HtmlToken[] = [];
  /** For each open `<span>`: what it does to the link text. */
  const spans: Array<'invisible' | 'ellipsis' | 'other'> = [];
  /** For each open `<a>`: whether it is a mention or hashtag, whose tags are dropped. */
  const anchors: boolean[] = [];
  let hidden = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'open' && token.name === 'span' && !token.selfClosing) {
      const list = classes(token.attrs.class);
      const role = list.has('invisible') ? 'invisible' : list.has('ellipsis') ? 'ellipsis' : 'other';
      spans.push(role);
      if (role === 'invisible') hidden++;
      continue;
    }
    if (token.kind === 'close' && token.name === 'span') {
      const role = spans.pop();
      if (role === 'invisible') hidden = Math.max(0, hidden - 1);
      else if (role === 'ellipsis' && hidden === 0) kept.push({ kind: 'text', text: '…' });
      continue;
    }
    if (hidden > 0) continue;
    if (token.kind === 'open' && token.name === 'a' && !token.selfClosing) {
      const list = classes(token.attrs.class);
      const plain = list.has('mention') || list.has('hashtag') || classes(token.attrs.rel).has('tag');
      anchors.push(plain);
      if (plain) continue;
    } else if (token.kind === 'close' && token.name === 'a' && anchors.pop()) {
      continue;
    }
    kept.push(token);
  }
  return tokensToBlocks(kept).map((block) => ({
    ...block,
    spans: block.spans.map((span) => (span.href && !span.code ? { ...span, ...linkSpan(span.text, span.href) } : span)),
  }));
}

/** `user@server` (bare, as handles are stored): an account of the answering server gets that server's name. */
export function mastodonAuthor(account: MastodonAccount, host: string): { author: Author; warning?: string } {
  const acct = account.acct.replace(/^@/, '');
  const author: Author = { name: account.display_name?.trim() ?? '', handle: acct.includes('@') ? acct : `${acct}@${host}` };
  const given = [account.avatar_static, account.avatar].filter((a) => a !== undefined && a !== null && a !== '');
  const avatar = given.map(webAddress).find((a) => a !== undefined);
  if (avatar) author.avatar = avatar;
  else if (given.length > 0) return { author, warning: `the avatar of ${author.handle} is not a web address (${quotedAddress(given[0])}); left out` };
  return { author };
}

/**
 * `avatarsWarned` carries the accounts whose avatar has had its warning, so a thread says it once,
 * on the first post it concerns.
 */
export function mastodonPost(status: MastodonStatus, position: number, host: string, avatarsWarned = new Set<string>()): BuiltPost {
  const place = `post ${status.id}`;
  const body = withoutThreadMarkers(contentBlocks(status.content ?? ''), position, place);
  const warnings = [...body.warnings];
  const blocks = body.blocks;
  const warning = status.spoiler_text?.trim();
  if (warning) blocks.unshift({ type: 'paragraph', spans: [{ text: 'CW:', bold: true }, { text: ` ${warning}` }] });
  const media: MediaRef[] = [];
  let extra = 0;
  for (const item of status.media_attachments ?? []) {
    const given = [item.url, item.remote_url].filter((a) => a !== undefined && a !== null && a !== '');
    const src = given.map(webAddress).find((a) => a !== undefined);
    if (item.type === 'image' && !src && given.length > 0) {
      warnings.push(`${place}: an image was left out: its address is not a web address (${quotedAddress(given[0])})`);
    } else if (item.type !== 'image' || !src) {
      warnings.push(`${place}: ${LEFT_OUT[item.type] ?? 'an attachment'} was left out; only images become slides`);
    } else if (media.length >= MAX_IMAGES) extra++;
    else media.push(item.description?.trim() ? { type: 'image', src, alt: item.description.trim() } : { type: 'image', src });
  }
  if (extra > 0) warnings.push(`${place}: ${extra} more image${extra === 1 ? '' : 's'} left out; a post shows ${MAX_IMAGES} at most`);
  if (status.poll) warnings.push(`${place}: a poll was left out`);
  const { author, warning: avatarWarning } = mastodonAuthor(status.account, host);
  if (avatarWarning && !avatarsWarned.has(author.handle)) {
    avatarsWarned.add(author.handle);
    warnings.push(`${place}: ${avatarWarning}`);
  }
  return { post: { id: status.id, author, blocks, media }, warnings };
}
